// Loaded when the Import dialog reads pasted text: the parsers stay out of the first load.
// Parsing happens in the browser; the pasted text is never sent anywhere.
export { parseImport } from '@/lib/import';
export { normaliseUnit } from '@/lib/units';
