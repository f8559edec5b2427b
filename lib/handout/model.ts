import type { Interpretation } from '../types';
import { ageInYears } from '../calendar-date';
import {
  habitId,
  CRITICAL_CITATION_IDS,
  EMERGENCY_SYMPTOMS,
  LARGE_PRINT_AGE_YEARS,
  PATIENT_RULES,
  RED_FLAG_CITATION_IDS,
} from '../safety/patient-rules';
import type { PatientPlace, PatientRuleId } from '../safety/patient-rules';
import { applyRules, factsOf } from '../safety/rule';
import { HABIT_IDS } from './text/handout-text';
import { buildRow, resultNotices } from './model/rows';
import { block, buildSection, SentenceLedger } from './model/sections';
import type { Evaluated } from './model/sections';
import type { HandoutFactKind, HandoutModel, HandoutModelOptions } from './model/types';
import { criticalKind, fill, formatIsoDate, getHandoutText, unique } from './model/wording';

export type { HandoutLang } from './text/handout-text';
export type * from './model/types';
export { sectionBlocks } from './model/sections';
export { getHandoutText } from './model/wording';

/**
 * Turns an interpretation into the strings and shapes of the patient handout. Pure: every
 * classification comes from the interpretation (status, bands, input.display, context); which
 * sentences apply comes from the patient rules (lib/safety/patient-rules.ts); the wording comes
 * from the language file; the date printed is `options.generatedOn`. Each sentence appears once.
 * @param interpretation - the output of `interpret()`
 * @param options - `lang` (`en` or `es`) and `generatedOn` (YYYY-MM-DD)
 * @returns the handout model a renderer lays out
 */
export function buildHandoutModel(
  interpretation: Interpretation,
  options: HandoutModelOptions,
): HandoutModel {
  const text = getHandoutText(options.lang);
  const { patient, clinician, context } = interpretation;
  const facts: Array<HandoutModel['facts'][number]> = [];
  const addFact = (kind: HandoutFactKind, value: string | null | undefined): void => {
    if (value !== undefined && value !== null && value.trim() !== '') {
      facts.push({ kind, label: text.facts[kind], value: value.trim() });
    }
  };
  addFact('patient', patient.name);
  addFact(
    'collectedOn',
    interpretation.collectedOn === null ? null : formatIsoDate(text, interpretation.collectedOn),
  );
  addFact('clinician', clinician.name);
  addFact('clinic', clinician.clinic);
  addFact('phone', clinician.phone);

  // Age at the interpretation's date (the caller's generatedOn when interpret() had no asOf).
  const age = ageInYears(patient.birthDate, interpretation.asOf ?? options.generatedOn);
  const evaluated: Evaluated[] = interpretation.results.map((result) => {
    const resultFacts = factsOf(result, context, age);
    const outcome = applyRules(PATIENT_RULES, resultFacts);
    return {
      result,
      facts: resultFacts,
      shown: outcome.shown.map((entry) => ({
        id: entry.id as PatientRuleId,
        place: entry.content,
      })),
    };
  });
  const suppressed = new Set(
    evaluated.flatMap((entry) => [...applyRules(PATIENT_RULES, entry.facts).suppressed]),
  );
  const panelIds = (place: PatientPlace): string[] =>
    unique(
      evaluated.flatMap((entry) =>
        entry.shown.filter((rule) => rule.place === place).map((rule) => rule.id),
      ),
    )
      .filter((id) => !suppressed.has(id))
      .map((id) => text.rules[id as PatientRuleId]);

  const ledger = new SentenceLedger();
  const rows = evaluated.map((entry) => buildRow(text, entry.result, entry.facts));

  const criticalGroups = unique(
    evaluated.flatMap((entry) => {
      const kind = criticalKind(entry.facts);
      return kind === null ? [] : [kind];
    }),
  ).map((kind) => ({
    lead: fill(text.critical.call911, {
      test: text.analytes[kind.startsWith('vitamin-d') ? 'vitamin-d' : 'magnesium'].name,
    }),
    items: text.critical.symptoms[kind],
  }));
  const anyCritical = interpretation.results.some((result) => result.critical);
  const phone = clinician.phone?.trim();
  const critical = anyCritical
    ? {
        call: fill(text.critical.callToday, {
          phone: phone === undefined || phone === '' ? text.critical.blankPhone : phone,
        }),
        emergencies: criticalGroups,
      }
    : undefined;

  const allNormal = interpretation.results.every((result) => result.status === 'sufficient');
  const actions = {
    heading: text.actions.heading,
    items: ledger.take([
      ...(anyCritical ? [] : [text.actions.book]),
      text.actions.bringPills,
      ...(allNormal ? text.actions.allNormal : []),
    ]),
  };
  // A result that is not critical but has its own "call 911" symptoms (high vitamin D) leads the
  // red-flag box with them (section 8.2).
  const emergencyIds = unique(
    evaluated.flatMap((entry) =>
      entry.shown.filter((rule) => rule.place === 'emergency').map((rule) => rule.id),
    ),
  ).filter((id): id is keyof typeof EMERGENCY_SYMPTOMS => Object.hasOwn(EMERGENCY_SYMPTOMS, id));
  const emergencyGroups = emergencyIds.map((id) => ({
    lead: text.rules[id],
    items: text.critical.symptoms[EMERGENCY_SYMPTOMS[id]],
  }));
  const redFlags = {
    heading: text.redFlags.heading,
    groups: [...emergencyGroups, ...text.redFlags.groups],
    extra: ledger.take(panelIds('redFlags')),
  };

  const analytes = unique(interpretation.results.map((result) => result.analyte));
  const sections = analytes.map((analyte) =>
    buildSection(text, analyte, evaluated, suppressed, ledger),
  );
  const panelNotes = block(text.panelNotesHeading, ledger.take(panelIds('panel')), []);
  const habits = ledger.take(
    HABIT_IDS.filter((id) => !suppressed.has(habitId(id))).map((id) => text.habits[id]),
  );

  const ruleSetNames = unique(
    interpretation.results.map(
      (result) =>
        `${text.analytes[result.analyte].name}: ${text.ruleSetNames[result.ruleSet.id]?.(result.cutoffs) ?? result.ruleSet.name}`,
    ),
  );
  const citationIds = unique([
    ...RED_FLAG_CITATION_IDS,
    ...(anyCritical ? CRITICAL_CITATION_IDS : []),
    ...evaluated.flatMap((entry) => applyRules(PATIENT_RULES, entry.facts).citationIds),
  ]);

  return {
    lang: text.lang,
    pdfLanguage: text.pdfLanguage,
    largePrint: context.includes('age-65-plus') || (age !== null && age >= LARGE_PRINT_AGE_YEARS),
    title: text.title,
    subject: text.subject,
    intro: text.intro,
    facts,
    summary: {
      heading: text.summaryHeading,
      results: rows.map((row) => text.summaryLine(row.test, row.meaning)),
      notices: resultNotices(text, interpretation.results, rows),
    },
    ...(critical === undefined ? {} : { critical }),
    actions,
    redFlags,
    table: { heading: text.tableHeading, columns: text.columns, rows, note: text.tableNote },
    sections,
    ...(panelNotes === undefined ? {} : { panelNotes }),
    habits: { heading: text.habitsHeading, items: habits },
    citationIds,
    notesHeading: text.notesHeading,
    footer: {
      lines: [
        fill(text.footer.rules, { names: ruleSetNames.join('; ') }),
        `${fill(text.footer.version, { version: interpretation.rulesVersion })} ${fill(
          text.footer.generated,
          { date: formatIsoDate(text, options.generatedOn) },
        )}`,
      ],
      pageTemplate: text.footer.page,
      disclaimer: text.disclaimer,
    },
  };
}
