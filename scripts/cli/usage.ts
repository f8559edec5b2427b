/** The help text of the `labs` CLI (printed for --help, and on stderr for a usage error). */
export const USAGE = `Usage: npm run --silent labs -- <command> [options]

Commands:
  interpret FILE|-   Interpret a panel (JSON object), panels (JSON array), a FHIR R4
                     Observation or Bundle, or CSV with the header panel_id,analyte,value,unit
                     (optional columns: comparator, lab_low, lab_high, rule_set, collected_on).
      --format json|fhir|csv   output (default json: an object for an object, an array for a batch;
                               fhir: a Bundle of Observations; csv: one row per result)
      --as-of YYYY-MM-DD       date of the interpretation (default: today)
  references         Print every rule set, unit, conversion factor and citation.
      --format json|md         output (default json; md: readable tables)
  handout ...        Write a patient handout PDF (see: labs handout --help).

Exit codes: 0 ok; 1 some panels of a batch failed (the others were written); 2 nothing valid;
64 usage error; 66 input cannot be read. Problems go to stderr, one line each: "path: message".`;

/**
 * A usage error message followed by the usage text.
 * @param message - what was wrong
 * @returns the text for stderr
 */
export function usageError(message: string): string {
  return `labs: ${message}\n\n${USAGE}\n`;
}
