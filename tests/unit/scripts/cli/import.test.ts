import { describe, expect, it } from 'vitest';
import { runInterpretCommand } from '@/scripts/cli/interpret';
import { runHandoutCommand } from '@/scripts/cli/handout';
import type { CliIo } from '@/scripts/cli/io';
import { runCli } from '@/tests/unit/support/cli';

/** Runs `labs interpret` (or another command) in process with collected streams. */
const run = (
  args: string[],
  command: (args: string[], io: CliIo) => Promise<number> = runInterpretCommand,
) => runCli(command, args);

const DIR = 'tests/fixtures/formats';

describe('labs interpret reads real-world documents', () => {
  it('exits 0 when every one of our results was read, listing what it ignored', async () => {
    const result = await run([`${DIR}/us-core-searchset.json`, '--format', 'csv']);
    expect(result.code).toBe(0);
    expect(result.stdout.trim().split('\n')).toHaveLength(3);
    expect(result.stderr).toContain('labs: ignored 1 entry');
    expect(result.stderr).toContain('LOINC 718-7');
  });

  it('exits 2 when the document holds none of ours', async () => {
    const result = await run([`${DIR}/none-of-ours.json`]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/entry: holds no 25-hydroxyvitamin D/);
  });

  it('reads HL7 v2 and a UTF-16 CSV; notices name columns, never their contents', async () => {
    const hl7 = await run([`${DIR}/oru-r01-two-patients.hl7`, '--format', 'fhir']);
    expect(hl7.code).toBe(0);
    const bundle = JSON.parse(hl7.stdout) as { entry: Array<{ fullUrl: string }> };
    expect(bundle.entry).toHaveLength(3);
    expect(hl7.stderr).toContain('segment 13 (OBX 2) OBX-11');
    expect(`${hl7.stdout}${hl7.stderr}`).not.toMatch(/ROE|JANE|PAT-A/);
    const csv = await run([`${DIR}/lab-export-eu-utf16.csv`, '--format', 'csv']);
    expect(csv.code).toBe(0);
    const us = await run([`${DIR}/lab-export-us.csv`]);
    expect(us.stderr).toContain('2 columns not read (Patient Name, MRN)');
    expect(`${us.stdout}${us.stderr}`).not.toMatch(/Jane Roe|555/);
  });

  it('writes a handout from a lab CSV holding one panel', async () => {
    const result = await run([`${DIR}/issue-9.csv`, '--out', '-'], runHandoutCommand);
    expect(result.code).toBe(0);
    expect(result.stdout.startsWith('%PDF')).toBe(true);
  });
});
