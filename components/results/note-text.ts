import type { Interpretation, ResultInterpretation } from '@/lib/types';

/**
 * The key next step of a result, as the summary row and the note show it: the first step the
 * library lists (steps come ordered by importance).
 * @param result - one result
 * @returns the step's text, or undefined when the library lists none
 */
export function keyNextStep(result: ResultInterpretation): string | undefined {
  return result.nextSteps[0]?.text;
}

function resultLine(result: ResultInterpretation): string {
  const converted = result.converted.map((c) => c.display).join(', ');
  const parts = [
    `${result.analyteShortName}: ${result.input.display}${converted === '' ? '' : ` (${converted})`}`,
    result.statusLabel,
    `rule set ${result.ruleSet.name}`,
  ];
  const lines = [`- ${parts.join(' - ')}`];
  if (result.critical && result.criticalMessage !== undefined)
    lines.push(`  CRITICAL: ${result.criticalMessage}`);
  for (const warning of result.warnings) lines.push(`  Warning: ${warning.message}`);
  const step = keyNextStep(result);
  if (step !== undefined) lines.push(`  Next step: ${step}`);
  return lines.join('\n');
}

/**
 * A plain-text summary for the clinical note: patient name and birth date when entered, the
 * collection date, each result with its unit, status, rule set, critical flag, warnings and key
 * next step, and the rules version. Built from the interpretation on screen; never stored.
 * @param interpretation - the current interpretation
 * @returns the text, lines separated by "\n"
 */
export function noteText(interpretation: Interpretation): string {
  const { patient } = interpretation;
  const who = [
    patient.name === undefined ? undefined : `Patient: ${patient.name}`,
    patient.birthDate === undefined ? undefined : `born ${patient.birthDate}`,
  ].filter((part) => part !== undefined);
  const lines = [
    'Lab results for back pain (25-OH vitamin D, vitamin B12, magnesium)',
    ...(who.length === 0 ? [] : [who.join(', ')]),
    `Collected: ${interpretation.collectedOn ?? 'date not entered'}; interpreted ${interpretation.asOf ?? ''}`.trimEnd(),
    ...interpretation.results.map(resultLine),
    `Rules version ${interpretation.rulesVersion}. Guideline bands are not a diagnosis; check against the lab report.`,
  ];
  return lines.join('\n');
}
