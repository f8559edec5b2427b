import { parseArgs } from 'node:util';
import { citationHref } from '../../lib/citations';
import { formatCutoff } from '../../lib/cutoff-text';
import { buildReferences } from '../../lib/references';
import type { References } from '../../lib/references-schema';
import { EXIT } from './io';
import type { CliIo } from './io';
import { usageError } from './usage';

/** Output formats of `labs references`. */
export const REFERENCE_FORMATS = ['json', 'md'] as const;

/** Escapes a Markdown table cell (pipes and line breaks would break the row). */
function cell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  return String(value).replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

function table(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string[] {
  return [
    `| ${header.join(' | ')} |`,
    `| ${header.map(() => '---').join(' | ')} |`,
    ...rows.map((row) => `| ${row.join(' | ')} |`),
    '',
  ];
}

function limit(value: number | undefined): string {
  return value === undefined ? '' : formatCutoff(value);
}

/**
 * The references as Markdown: per analyte its notices, units and factors, rule sets with
 * cut-offs in every unit, plausibility, back-pain evidence, next steps and context notes, then
 * every citation. Every figure comes from `buildReferences()`.
 * @param references - the reference document
 * @returns Markdown text
 */
export function renderReferencesMarkdown(references: References): string {
  const lines: string[] = [
    '# Interpretation rules and sources',
    '',
    `Rules version ${references.rulesVersion}. Citation ids refer to the table at the end.`,
    '',
  ];
  for (const analyte of references.analytes) {
    lines.push(`## ${analyte.name}`, '');
    for (const notice of analyte.notices) {
      lines.push(`> ${notice.text} [${notice.citationIds.join(', ')}]`, '');
    }
    lines.push('### Units', '');
    lines.push(
      ...table(
        ['unit', `x factor = ${analyte.baseUnit}`, 'basis', 'LOINC', 'citations'],
        analyte.units.map((unit) => [
          cell(unit.code),
          cell(Number(unit.toBase.toPrecision(6))),
          cell(unit.basis),
          cell(unit.loinc),
          cell(unit.citationIds.join(', ')),
        ]),
      ),
    );
    lines.push('### LOINC codes read from FHIR', '');
    lines.push(
      ...table(
        ['code', 'display', 'unit', 'warning'],
        analyte.loincCodes.map((code) => [
          cell(code.code),
          cell(code.display),
          cell(code.unit),
          cell(code.warn),
        ]),
      ),
    );
    lines.push('### Rule sets', '');
    lines.push(
      'Deficient below A; insufficient from A to below B; sufficient from B up to and including C; high above C. "derived" marks cut-offs the source does not publish in that unit (converted exactly).',
      '',
    );
    lines.push(
      ...table(
        [
          'rule set',
          'default',
          'unit',
          'A deficient below',
          'B sufficient from',
          'C upper limit',
          'critical below',
          'critical above',
          'derived',
          'citations',
        ],
        analyte.ruleSets.flatMap((ruleSet) =>
          ruleSet.cutoffs.map((cutoffs) => [
            cell(`${ruleSet.name} (${ruleSet.id})`),
            ruleSet.isDefault ? 'yes' : '',
            cell(cutoffs.unit),
            limit(cutoffs.deficientBelow),
            limit(cutoffs.sufficientFrom),
            limit(cutoffs.upperLimit),
            limit(cutoffs.criticalBelow),
            limit(cutoffs.criticalAbove),
            cutoffs.derived ? 'yes' : '',
            cell(ruleSet.citationIds.join(', ')),
          ]),
        ),
      ),
    );
    for (const ruleSet of analyte.ruleSets) {
      const remarks = [
        ruleSet.upperLimitMeaning,
        ...ruleSet.caveats,
        ...(ruleSet.criticalNeedsLocalCheck
          ? ['Critical limits are lab-specific: check your laboratory.']
          : []),
      ];
      lines.push(`- **${ruleSet.name}**: ${remarks.join(' ')}`);
    }
    lines.push('');
    const plausibility = analyte.plausibility;
    const assay = plausibility.assayRange;
    lines.push(
      '### Plausibility (design rules)',
      '',
      `- Rejected above ${plausibility.hardStopAbove.value} ${plausibility.hardStopAbove.unit} (not a possible level).`,
      `- Usual assay range: ${assay.low === undefined ? 'up to' : `${assay.low} to`} ${assay.high} ${assay.unit} (outside it: a warning).`,
      ...plausibility.unitMixups.map(
        (mixup) =>
          `- Possible unit mix-up: ${mixup.unit} ${mixup.above === undefined ? '' : `above ${mixup.above}`}${mixup.below === undefined ? '' : `below ${mixup.below}`}${mixup.within === undefined ? '' : `from ${mixup.within.low} to ${mixup.within.high}`} (likely ${mixup.likelyUnits.join(' or ')}).`,
      ),
      '',
    );
    lines.push('### Back pain: evidence', '');
    lines.push(
      ...table(
        ['statement', 'strength', 'citations'],
        analyte.backPain.map((row) => [
          cell(row.claim),
          cell(row.strengthLabel),
          cell(row.citationIds.join(', ')),
        ]),
      ),
    );
    lines.push('### Next steps', '');
    lines.push(
      ...table(
        ['when', 'next step', 'citations'],
        analyte.nextSteps.map((step) => [
          cell(step.status),
          cell(step.text),
          cell(step.citationIds.join(', ')),
        ]),
      ),
    );
    if (analyte.contextNotes.length > 0) {
      lines.push('### Context notes', '');
      lines.push(
        ...table(
          ['context', 'note', 'citations'],
          analyte.contextNotes.map((note) => [
            cell(note.context),
            cell(note.text),
            cell(note.citationIds.join(', ')),
          ]),
        ),
      );
    }
  }
  lines.push('## Citations', '');
  lines.push(
    ...table(
      ['id', 'reference', 'link'],
      references.citations.map((citation) => [
        cell(citation.id),
        cell(citation.text),
        cell(citationHref(citation)),
      ]),
    ),
  );
  return `${lines.join('\n').trimEnd()}\n`;
}

/**
 * `labs references [--format json|md]`.
 * @param args - the arguments after `references`
 * @param io - the streams
 * @returns the exit code
 */
export function runReferencesCommand(args: readonly string[], io: CliIo): number {
  let format: string | undefined;
  try {
    const parsed = parseArgs({
      args: [...args],
      options: { format: { type: 'string' } },
      allowPositionals: false,
      strict: true,
    });
    format = parsed.values.format;
  } catch (error) {
    io.stderr.write(usageError(error instanceof Error ? error.message : String(error)));
    return EXIT.usage;
  }
  const references = buildReferences();
  switch (format ?? 'json') {
    case 'json':
      io.stdout.write(`${JSON.stringify(references, null, 2)}\n`);
      return EXIT.ok;
    case 'md':
      io.stdout.write(renderReferencesMarkdown(references));
      return EXIT.ok;
    default:
      io.stderr.write(usageError(`--format must be one of ${REFERENCE_FORMATS.join(', ')}`));
      return EXIT.usage;
  }
}
