/**
 * The files the import reads, for a file chooser's `accept`: panel or FHIR JSON, lab CSV (comma,
 * semicolon or tab) and HL7 v2 ER7 text, by extension and by media type. Kept apart from the
 * readers so a page can offer the chooser without loading them.
 */
export const IMPORT_FILE_ACCEPT = [
  '.json',
  '.csv',
  '.tsv',
  '.txt',
  '.hl7',
  '.er7',
  'application/json',
  'application/fhir+json',
  'text/csv',
  'text/tab-separated-values',
  'text/plain',
  'x-application/hl7-v2+er7',
  'application/hl7-v2',
].join(',');
