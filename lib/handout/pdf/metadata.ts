import { PDFName } from 'pdf-lib';
import type { PDFContext, PDFDict } from 'pdf-lib';

/** What the XMP packet says about the handout. */
export interface HandoutMetadata {
  readonly title: string;
  readonly subject: string;
  /** BCP 47 language of the document. */
  readonly language: string;
  readonly producer: string;
  /** YYYY-MM-DD, or undefined when there is no valid date. */
  readonly date?: string;
}

const escapeXml = (text: string): string =>
  text.replace(
    /[<>&"']/g,
    (char) =>
      ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[char] ?? char,
  );

/**
 * Adds an XMP metadata stream to the catalog, matching the Info dictionary: the title a reader
 * shows in its window (with /DisplayDocTitle), the subject, language and producer. Uncompressed,
 * as XMP readers expect; no clock is read.
 * @param context - the document's object context
 * @param catalog - the document catalog
 * @param meta - title, subject, language, producer and date
 */
export function addXmpMetadata(context: PDFContext, catalog: PDFDict, meta: HandoutMetadata): void {
  const alt = (text: string): string =>
    `<rdf:Alt><rdf:li xml:lang="x-default">${escapeXml(text)}</rdf:li></rdf:Alt>`;
  const dates =
    meta.date === undefined
      ? ''
      : `<xmp:CreateDate>${escapeXml(meta.date)}</xmp:CreateDate><xmp:ModifyDate>${escapeXml(meta.date)}</xmp:ModifyDate>`;
  const xml =
    '<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>\n' +
    '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">' +
    '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" ' +
    'xmlns:pdf="http://ns.adobe.com/pdf/1.3/" xmlns:xmp="http://ns.adobe.com/xap/1.0/">' +
    `<dc:format>application/pdf</dc:format><dc:title>${alt(meta.title)}</dc:title>` +
    `<dc:description>${alt(meta.subject)}</dc:description>` +
    `<dc:language><rdf:Bag><rdf:li>${escapeXml(meta.language)}</rdf:li></rdf:Bag></dc:language>` +
    `<pdf:Producer>${escapeXml(meta.producer)}</pdf:Producer>` +
    `<xmp:CreatorTool>${escapeXml(meta.producer)}</xmp:CreatorTool>${dates}` +
    '</rdf:Description></rdf:RDF></x:xmpmeta>\n<?xpacket end="w"?>';
  const stream = context.stream(new TextEncoder().encode(xml), {
    Type: 'Metadata',
    Subtype: 'XML',
  });
  catalog.set(PDFName.of('Metadata'), context.register(stream));
}
