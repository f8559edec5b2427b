// Loaded when the Import dialog reads pasted text: the parsers stay out of the first load.
// Parsing happens in the browser; the pasted text is never sent anywhere.
export { interpretDocument } from '@/lib/formats/document';
export { decodeText } from '@/lib/formats/import';
export { normaliseUnit } from '@/lib/units';
