/**
 * The parts of a result that do not depend on its value: the back-pain findings, next steps,
 * notes, safety content and citations of a status (or of the bands a censored value can be in)
 * under a ticked context. Results of the same kind share one frozen copy.
 */
import { clinicianSafety } from '../safety/clinician-rules';
import { allIn } from '../safety/rule';
import type { BandStatus, ContextFlag, ResultInterpretation, RuleSetId, Status } from '../types';
import { CONTEXT_FLAGS, STATUSES } from '../types';
import { EVIDENCE_STRENGTH_LABELS, STATUS_LABELS } from './labels';
import { createViewMemos } from './rule-set-views';
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
 * A panel's ticked context without repeats, in first-tick order, and its bits (computed once
 * per panel rather than once per result).
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

/** The parts of a kind that are the same in every unit: shared by the views of a rule set. */
type KindParts = Omit<ResultStatics, 'citationIds'> & {
  /** The citations of the findings, steps, notes and safety items, in that order. */
  readonly contentCitationIds: readonly string[];
};

function createKindParts(view: RuleSetUnitView, kind: ResultKind): KindParts {
  const { analyte, ruleSet } = view;
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

  const notes: Note[] = analyte.notices.map((notice) => ({
    id: notice.id,
    source: 'notice',
    text: notice.text,
    citationIds: notice.citationIds,
  }));
  // Band notes are carried by `bands` (the card's band table); only the upper limit's meaning is
  // added, and only when the value can be above it.
  if (possible.includes('high'))
    notes.push({
      id: `${ruleSet.id}-upper-limit`,
      source: 'band',
      text: ruleSet.upperLimitMeaning,
      citationIds: ruleSet.citationIds,
    });
  for (const note of analyte.contextNotes) {
    const applies =
      note.direction === undefined ||
      (note.direction === 'low' && low) ||
      (note.direction === 'not-low' && !low) ||
      (note.direction === 'normal' && allIn(facts, ['sufficient'])) ||
      (note.direction === 'high' && allIn(facts, ['high']));
    if (applies && context.includes(note.context))
      notes.push({
        id: note.id,
        source: note.context,
        text: note.text,
        citationIds: note.citationIds,
      });
  }
  const safety = clinician.items.map((item) => Object.freeze({ ...item }));

  return {
    statusLabel: analyte.statusLabels[status] ?? STATUS_LABELS[status],
    backPain: Object.freeze({
      summary: analyte.backPain.summaryByStatus[status],
      findings: Object.freeze(findings),
    }),
    nextSteps: Object.freeze(nextSteps),
    notes: Object.freeze(notes.map((note) => Object.freeze(note))),
    safety: Object.freeze(safety),
    possibleText: possible.join(' or '),
    contentCitationIds: [
      ...findings.flatMap((f) => f.citationIds),
      ...nextSteps.flatMap((s) => s.citationIds),
      ...notes.flatMap((n) => n.citationIds),
      ...safety.flatMap((item) => item.citationIds),
    ],
  };
}

/** A kind's parts in one unit: the unit adds its own citations after the rule set's. */
function createStatics(view: RuleSetUnitView, parts: KindParts): ResultStatics {
  const { contentCitationIds, ...shared } = parts;
  return Object.freeze({
    ...shared,
    // The indeterminate "ask the lab" step cites the rule set, which is listed first anyway.
    citationIds: Object.freeze([
      ...new Set([...view.ruleSet.citationIds, ...view.unit.citationIds, ...contentCitationIds]),
    ]),
  });
}

// The unit-free parts, by rule set and then by a number that encodes the kind, and the shared
// copies, by view (its index) and kind. Building them per result (the safety rules, the filters)
// would be most of the cost of interpret() on a batch: without these memos the 100,000-panel CLI
// batch of bench:interpret took about 1.7 s more CPU (609 kinds of 203 unit-free ones there, each
// built once). A kind is a small closed set (5 statuses x 16 band sets x 128 contexts x 3), so the
// memos are bounded.
let PARTS = new Map<RuleSetId, Map<number, KindParts>>();
let STATICS = createViewMemos<ResultStatics>();

/**
 * Forgets the shared parts built so far; the next result of each kind builds them again. For
 * mutation testing (vitest.mutation.config.ts): each test then builds the kinds it checks, so a
 * mutant of the building code meets every test about it, not only the first to build the kind.
 */
export function forgetResultStatics(): void {
  PARTS = new Map();
  STATICS = createViewMemos();
}

// Each status's position in STATUSES, looked up rather than searched for on every result.
const STATUS_INDEX = Object.fromEntries(STATUSES.map((status, index) => [status, index])) as Record<
  Status,
  number
>;

function kindKey(kind: ResultKind): number {
  let possibleBits = 0;
  for (const band of kind.possible) possibleBits |= 1 << STATUS_INDEX[band];
  const critical = kind.critical === null ? 0 : kind.critical === 'low' ? 1 : 2;
  return ((kind.context.bits * 32 + possibleBits) * 8 + STATUS_INDEX[kind.status]) * 4 + critical;
}

/**
 * The shared static parts of a result of this kind.
 * @param view - the result's rule set in its unit
 * @param kind - its status, possible bands, context and critical direction
 * @returns the frozen parts (the same object for every result of the kind)
 */
export function viewResultStatics(view: RuleSetUnitView, kind: ResultKind): ResultStatics {
  const byKind = STATICS[view.index] ?? new Map<number, ResultStatics>();
  const key = kindKey(kind);
  let statics = byKind.get(key);
  if (statics === undefined) {
    let partsByKind = PARTS.get(view.ruleSet.id);
    if (partsByKind === undefined) PARTS.set(view.ruleSet.id, (partsByKind = new Map()));
    let parts = partsByKind.get(key);
    if (parts === undefined) partsByKind.set(key, (parts = createKindParts(view, kind)));
    statics = createStatics(view, parts);
    byKind.set(key, statics);
  }
  return statics;
}
