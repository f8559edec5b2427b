/**
 * The parts of a result that do not depend on its value: the back-pain findings, next steps,
 * notes, safety content and citations of a status (or of the bands a censored value can be in)
 * under a ticked context. They are built in two layers, each shared by every result of its kind:
 * the clinical content depends only on the analyte and the kind (the safety rules never read the
 * rule set or the unit), and the rule set and unit add their upper-limit note and citations.
 */
import { clinicianSafety } from '../safety/clinician-rules';
import { allIn } from '../safety/rule';
import type {
  Analyte,
  AnalyteId,
  BandStatus,
  ContextFlag,
  ResultInterpretation,
  RuleSet,
  Status,
} from '../types';
import { CONTEXT_FLAGS, STATUSES } from '../types';
import { EVIDENCE_STRENGTH_LABELS, STATUS_LABELS } from './labels';
import type { RuleSetUnitView } from './rule-set-views';

type Note = ResultInterpretation['notes'][number];
type Step = ResultInterpretation['nextSteps'][number];
type SafetyItem = ResultInterpretation['safety'][number];

/** Everything of a result that depends on its kind (rule set, unit, bands, context, critical). */
export interface ResultStatics {
  readonly statusLabel: string;
  readonly backPain: ResultInterpretation['backPain'];
  /** Next steps of the possible bands (an indeterminate value adds "ask the lab" first). */
  readonly nextSteps: readonly Step[];
  readonly notes: readonly Note[];
  readonly safety: readonly SafetyItem[];
  readonly citationIds: readonly string[];
  /** The possible bands as words ("deficient or insufficient"). */
  readonly possibleText: string;
}

/** A panel's ticked context, without repeats: the same for every result of the panel. */
export interface PanelContext {
  /** The flags, in first-tick order: a fresh array per panel, which its interpretation keeps. */
  readonly flags: ContextFlag[];
  /** One bit per flag of CONTEXT_FLAGS (the part of a result's kind the context decides). */
  readonly bits: number;
}

/** What decides a result's kind, besides its rule set and unit. */
export interface ResultKind {
  readonly status: Status;
  /** The bands the value can be in (one when classified). */
  readonly possible: readonly BandStatus[];
  readonly context: PanelContext;
  readonly critical: 'low' | 'high' | null;
}

/**
 * A panel's ticked context without repeats, in first-tick order.
 * @param flags - the flags as ticked (repeats allowed)
 * @returns the flags (a fresh array) and their bits
 */
export function toPanelContext(flags: readonly ContextFlag[] | undefined): PanelContext {
  if (flags === undefined || flags.length === 0) return { flags: [], bits: 0 };
  const unique = flags.length === 1 ? [...flags] : [...new Set(flags)];
  let bits = 0;
  for (const flag of unique) bits |= 1 << CONTEXT_FLAGS.indexOf(flag);
  return { flags: unique, bits };
}

/** The clinical content of a kind of result of one analyte (rule set and unit left out). */
interface AnalyteStatics {
  readonly statusLabel: string;
  readonly backPain: ResultInterpretation['backPain'];
  readonly nextSteps: readonly Step[];
  /** The analyte's notices, then (after the rule set's upper-limit note) its context notes. */
  readonly notices: readonly Note[];
  readonly contextNotes: readonly Note[];
  /** Whether the value can be above the upper limit (the rule set then says what it means). */
  readonly canBeHigh: boolean;
  readonly safety: readonly SafetyItem[];
  /** The citations of the findings, steps, notes and safety content, in that order, once each. */
  readonly citationIds: readonly string[];
  readonly possibleText: string;
}

function createAnalyteStatics(analyte: Analyte, kind: ResultKind): AnalyteStatics {
  const { status, possible, critical } = kind;
  const context = kind.context.flags;
  const facts = { analyte: analyte.id, status, possible, critical, context, ageYears: null };
  const low = allIn(facts, ['deficient', 'insufficient']);
  const clinician = clinicianSafety(facts);

  const findings = analyte.backPain.statements
    .filter((s) => s.relevantFor.length === 0 || s.relevantFor.some((b) => possible.includes(b)))
    .map((s) =>
      Object.freeze({
        id: s.id,
        claim: s.claim,
        strength: s.strength,
        strengthLabel: EVIDENCE_STRENGTH_LABELS[s.strength],
        citationIds: s.citationIds,
      }),
    );

  const bandSteps = analyte.nextSteps.filter((step) => possible.includes(step.status));
  // A censored value that could be in a band with an action drops the "nothing to do" steps: its
  // next steps must hold for every band it can be in.
  const actionable = bandSteps.some((step) => step.reassuring !== true);
  const nextSteps = bandSteps
    .filter((step) => possible.length === 1 || !actionable || step.reassuring !== true)
    .filter((step) => !clinician.suppressed.has(step.id))
    .map((step) => Object.freeze({ id: step.id, text: step.text, citationIds: step.citationIds }));

  const notices: Note[] = analyte.notices.map((notice) =>
    Object.freeze({
      id: notice.id,
      source: 'notice',
      text: notice.text,
      citationIds: notice.citationIds,
    }),
  );
  const contextNotes: Note[] = [];
  for (const note of analyte.contextNotes) {
    const applies =
      note.direction === undefined ||
      (note.direction === 'low' && low) ||
      (note.direction === 'not-low' && !low) ||
      (note.direction === 'normal' && allIn(facts, ['sufficient'])) ||
      (note.direction === 'high' && allIn(facts, ['high']));
    if (applies && context.includes(note.context))
      contextNotes.push(
        Object.freeze({
          id: note.id,
          source: note.context,
          text: note.text,
          citationIds: note.citationIds,
        }),
      );
  }
  const safety = clinician.items.map((item) => Object.freeze({ ...item }));

  return {
    statusLabel: analyte.statusLabels[status] ?? STATUS_LABELS[status],
    backPain: Object.freeze({
      summary: analyte.backPain.summaryByStatus[status],
      findings: Object.freeze(findings),
    }),
    nextSteps: Object.freeze(nextSteps),
    notices,
    contextNotes,
    canBeHigh: possible.includes('high'),
    safety: Object.freeze(safety),
    citationIds: [
      ...new Set([
        ...findings.flatMap((f) => f.citationIds),
        ...nextSteps.flatMap((s) => s.citationIds),
        ...notices.flatMap((n) => n.citationIds),
        ...contextNotes.flatMap((n) => n.citationIds),
        ...safety.flatMap((item) => item.citationIds),
      ]),
    ],
    possibleText: possible.join(' or '),
  };
}

// Band notes are carried by `bands` (the card's band table); only the upper limit's meaning is
// added, and only when the value can be above it.
function upperLimitNote(ruleSet: RuleSet): Note {
  return Object.freeze({
    id: `${ruleSet.id}-upper-limit`,
    source: 'band',
    text: ruleSet.upperLimitMeaning,
    citationIds: ruleSet.citationIds,
  });
}

function createStatics(view: RuleSetUnitView, shared: AnalyteStatics): ResultStatics {
  const { ruleSet } = view;
  const notes = shared.canBeHigh
    ? [...shared.notices, upperLimitNote(ruleSet), ...shared.contextNotes]
    : [...shared.notices, ...shared.contextNotes];
  return Object.freeze({
    statusLabel: shared.statusLabel,
    backPain: shared.backPain,
    nextSteps: shared.nextSteps,
    notes: Object.freeze(notes),
    safety: shared.safety,
    // The rule set's citations first; they also cover its upper-limit note and the indeterminate
    // "ask the lab" step.
    citationIds: Object.freeze([
      ...new Set([...ruleSet.citationIds, ...view.unit.citationIds, ...shared.citationIds]),
    ]),
    possibleText: shared.possibleText,
  });
}

function kindKey(kind: ResultKind): number {
  let possibleBits = 0;
  for (const band of kind.possible) possibleBits |= 1 << STATUSES.indexOf(band);
  const critical = kind.critical === null ? 0 : kind.critical === 'low' ? 1 : 2;
  return (
    ((kind.context.bits * 32 + possibleBits) * 8 + STATUSES.indexOf(kind.status)) * 4 + critical
  );
}

// The shared copies, by analyte (or view) and then by a number that encodes the kind. Building
// them per result (the safety rules, the filters) would be most of the cost of interpret() on a
// batch: see the bench:interpret figures in the README. A kind is a small closed set (5 statuses
// x 16 band sets x 128 contexts x 3), so both memos are bounded.
const ANALYTE_STATICS = new Map<AnalyteId, Map<number, AnalyteStatics>>();
const STATICS = new WeakMap<RuleSetUnitView, Map<number, ResultStatics>>();

function viewAnalyteStatics(view: RuleSetUnitView, kind: ResultKind, key: number): AnalyteStatics {
  const { analyte } = view;
  let byKind = ANALYTE_STATICS.get(analyte.id);
  if (byKind === undefined) {
    byKind = new Map();
    ANALYTE_STATICS.set(analyte.id, byKind);
  }
  let shared = byKind.get(key);
  if (shared === undefined) {
    shared = createAnalyteStatics(analyte, kind);
    byKind.set(key, shared);
  }
  return shared;
}

/**
 * The shared static parts of a result of this kind.
 * @param view - the result's rule set in its unit
 * @param kind - its status, possible bands, context and critical direction
 * @returns the frozen parts (the same object for every result of the kind)
 */
export function viewResultStatics(view: RuleSetUnitView, kind: ResultKind): ResultStatics {
  let byKind = STATICS.get(view);
  if (byKind === undefined) {
    byKind = new Map();
    STATICS.set(view, byKind);
  }
  const key = kindKey(kind);
  let statics = byKind.get(key);
  if (statics === undefined) {
    statics = createStatics(view, viewAnalyteStatics(view, kind, key));
    byKind.set(key, statics);
  }
  return statics;
}
