/**
 * The handout is a tagged PDF: read back by two independent readers, poppler (`pdfinfo`,
 * `pdfinfo -struct-text`) and pdf.js (`getStructTree` with the marked content of the text layer),
 * in both languages and paper sizes, for a critical case and an all-normal case.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDict, PDFDocument, PDFName } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDocumentProxy } from 'unpdf';
import { buildHandoutModel, sectionBlocks } from '@/lib/handout/model';
import type { HandoutModel } from '@/lib/handout/model';
import { renderHandout } from '@/lib/handout/render';
import { loadHandoutFonts } from '@/server/handout-fonts';
import { GENERATED_ON, GOLDEN, interpretOrThrow } from '@/tests/unit/support/handout';

const CASES = ['high-and-critical', 'all-sufficient'].flatMap((id) =>
  (['en', 'es'] as const).flatMap((lang) =>
    (['letter', 'a4'] as const).map((paper) => ({ id, lang, paper })),
  ),
);
type Case = (typeof CASES)[number];
const name = ({ id, lang, paper }: Case): string => `${id}-${lang}-${paper}`;

/** A structure element as pdf.js reads it, with the text of its own marked content. */
interface Node {
  readonly role: string;
  readonly alt?: string;
  readonly page: number;
  readonly text: string;
  /** Baseline of the element's first line (PDF points from the bottom of the page). */
  readonly y: number;
  readonly children: readonly Node[];
}

interface Read {
  readonly model: HandoutModel;
  readonly bytes: Uint8Array;
  readonly info: string;
  readonly structText: string;
  /** Top-level elements of each page's structure tree, pages in order. */
  readonly pages: ReadonlyArray<readonly Node[]>;
  /** Text drawn outside any tagged element: decoration and running footers. */
  readonly artifacts: readonly string[];
  readonly untagged: readonly string[];
  readonly language: string | undefined;
}

const squash = (text: string): string => text.replace(/\s+/g, ' ').trim();
const dir = mkdtempSync(join(tmpdir(), 'handout-tags-'));
const read = new Map<string, Read>();

interface PdfJsStructNode {
  role?: string;
  alt?: string;
  type?: string;
  id?: string;
  children?: PdfJsStructNode[];
}

async function readWithPdfJs(
  bytes: Uint8Array,
): Promise<Pick<Read, 'pages' | 'artifacts' | 'untagged' | 'language'>> {
  // unpdf's pdf.js build, the one every other PDF test reads with: two pdf.js versions in one
  // test worker refuse each other's worker ("API version does not match").
  const pdf = await getDocumentProxy(new Uint8Array(bytes), { disableFontFace: true });
  const pages: Node[][] = [];
  const artifacts: string[] = [];
  const untagged: string[] = [];
  for (let number = 1; number <= pdf.numPages; number++) {
    const page = await pdf.getPage(number);
    const content = await page.getTextContent({ includeMarkedContent: true });
    const byId = new Map<string, { text: string[]; y: number }>();
    const stack: Array<{ id?: string; tag?: string }> = [];
    for (const item of content.items) {
      if ('type' in item) {
        if (item.type === 'beginMarkedContentProps' || item.type === 'beginMarkedContent') {
          // pdf.js names an untagged sequence's tag ("Artifact") at run time; its types do not.
          const { tag } = item as { tag?: string };
          stack.push({ id: item.id ?? undefined, tag });
        } else if (item.type === 'endMarkedContent') stack.pop();
        continue;
      }
      if (item.str === '') continue;
      const open = stack.at(-1);
      if (open?.tag === 'Artifact') artifacts.push(item.str);
      else if (open?.id === undefined) untagged.push(item.str);
      else {
        const entry = byId.get(open.id) ?? { text: [], y: item.transform[5] as number };
        entry.text.push(item.str);
        byId.set(open.id, entry);
      }
    }
    const toNode = (raw: PdfJsStructNode): Node | null => {
      if (raw.type === 'content') return null;
      const kids = raw.children ?? [];
      const own = kids
        .filter((kid) => kid.type === 'content' && kid.id !== undefined)
        .map((kid) => byId.get(kid.id!));
      const children = kids.map(toNode).filter((kid): kid is Node => kid !== null);
      // pdf.js lists every child of an element that has content on the page, also the children
      // drawn on other pages (empty here): keep what this page shows.
      if (own.every((entry) => entry === undefined) && children.length === 0 && raw.role !== 'Root')
        return null;
      const ys = [...own.map((entry) => entry?.y), ...children.map((child) => child.y)].filter(
        (y): y is number => y !== undefined,
      );
      return {
        role: raw.role ?? '',
        ...(raw.alt === undefined ? {} : { alt: raw.alt }),
        page: number,
        text: squash(own.flatMap((entry) => entry?.text ?? []).join(' ')),
        y: ys[0] ?? Number.NaN,
        children,
      };
    };
    const tree = (await page.getStructTree()) as PdfJsStructNode | null;
    const root = tree === null ? null : toNode(tree);
    // Root > Document > the handout's elements.
    const document = root?.children.find((child) => child.role === 'Document');
    pages.push([...(document?.children ?? [])]);
  }
  const { info } = (await pdf.getMetadata()) as { info: { Language?: string } };
  await pdf.cleanup();
  return { pages, artifacts, untagged, language: info.Language };
}

beforeAll(async () => {
  const fonts = loadHandoutFonts();
  for (const entry of CASES) {
    const golden = GOLDEN.find((g) => g.id === entry.id)!;
    const interpretation = interpretOrThrow(golden.panel);
    const options = { lang: entry.lang, paper: entry.paper, generatedOn: GENERATED_ON };
    const { bytes } = await renderHandout(interpretation, fonts, options);
    const file = join(dir, `${name(entry)}.pdf`);
    writeFileSync(file, bytes);
    read.set(name(entry), {
      model: buildHandoutModel(interpretation, options),
      bytes,
      info: execFileSync('pdfinfo', [file], { encoding: 'utf8' }),
      structText: execFileSync('pdfinfo', ['-struct-text', file], { encoding: 'utf8' }),
      ...(await readWithPdfJs(bytes)),
    });
  }
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const all = (nodes: readonly Node[]): Node[] =>
  nodes.flatMap((node) => [node, ...all(node.children)]);
const textOf = (node: Node): string => squash([node.text, ...node.children.map(textOf)].join(' '));
const withRole = (pages: ReadonlyArray<readonly Node[]>, role: string): Node[] =>
  pages.flatMap((nodes) => all(nodes)).filter((node) => node.role === role);
const rows = CASES.map((entry) => [name(entry), entry] as const);

/** Top-level roles of `pdfinfo -struct-text` (two-space indent under Document), in order. */
const popplerTopRoles = (structText: string): string[] =>
  structText
    .split('\n')
    .filter((line) => /^ {2}\S/.test(line))
    .map((line) => line.trim().split(/[ :]/)[0]!);

describe('tagged handout', () => {
  it.each(rows)('%s: poppler says tagged, with title, language and structure', (_, entry) => {
    const { info, structText, model } = read.get(name(entry))!;
    expect(info).toMatch(/^Tagged:\s+yes$/m);
    expect(info).toMatch(/^Metadata Stream:\s+yes$/m);
    expect(info).toContain(`Title:           ${model.title}`);
    const roles = popplerTopRoles(structText);
    expect(structText.split('\n')[0]).toBe('Document');
    expect(roles[0]).toBe('H1');
    expect(roles).toContain('Table');
    expect(roles.filter((role) => role === 'Sect')).toHaveLength(model.critical ? 2 : 1);
    expect(roles.at(-1)).toBe('P');
    // Column headers and row headers carry their scope.
    expect(structText.match(/\/Scope \/Column/g)).toHaveLength(4);
    expect(structText.match(/\/Scope \/Row/g)).toHaveLength(model.table.rows.length);
    // Every band name drawn in a scale is inside its figure.
    expect(structText).toContain('Figure');
  });

  it.each(rows)('%s: catalog marks the document, pages tab in structure order', async (_, e) => {
    const { bytes, model, language } = read.get(name(e))!;
    const doc = await PDFDocument.load(bytes, { updateMetadata: false });
    const catalog = doc.catalog;
    const markInfo = catalog.lookup(PDFName.of('MarkInfo'), PDFDict);
    expect(markInfo.get(PDFName.of('Marked'))?.toString()).toBe('true');
    const prefs = catalog.lookup(PDFName.of('ViewerPreferences'), PDFDict);
    expect(prefs.get(PDFName.of('DisplayDocTitle'))?.toString()).toBe('true');
    expect(language).toBe(model.pdfLanguage);
    doc.getPages().forEach((page, index) => {
      expect(page.node.get(PDFName.of('StructParents'))?.toString()).toBe(String(index));
      expect(page.node.get(PDFName.of('Tabs'))?.toString()).toBe('/S');
    });
  });

  it.each(rows)('%s: headings in reading order (pdf.js)', (_, entry) => {
    const { pages, model } = read.get(name(entry))!;
    const headings = pages
      .flatMap((nodes) => all(nodes))
      .filter((node) => /^H[1-3]$/.test(node.role))
      .map((node) => `${node.role} ${textOf(node).replace(/:$/, '')}`);
    const expected = [
      `H1 ${model.title}`,
      ...(model.critical ? [`H2 ${squash(model.critical.call)}`] : []),
      `H2 ${model.summary.heading}`,
      `H2 ${model.actions.heading}`,
      `H2 ${model.table.heading}`,
      ...model.sections.flatMap((section) => [
        `H2 ${squash(section.heading)}`,
        ...sectionBlocks(section).map((block) => `H3 ${squash(block.heading)}`),
      ]),
      ...(model.panelNotes ? [`H3 ${model.panelNotes.heading}`] : []),
      ...(model.habits.items.length > 0 ? [`H2 ${model.habits.heading}`] : []),
      `H2 ${model.notesHeading}`,
    ];
    const redFlags = `H2 ${model.redFlags.heading}`;
    expect(headings.filter((heading) => heading !== redFlags)).toEqual(expected);
    // The red-flag box sits at the foot of page 1: read after the page-1 content above it.
    const page1 = all(pages[0]!).filter((node) => /^H[1-3]$/.test(node.role));
    expect(page1.at(-1) && `${page1.at(-1)!.role} ${textOf(page1.at(-1)!)}`).toBe(redFlags);
    for (const nodes of pages) {
      const ys = all(nodes)
        .filter((node) => node.role === 'H1' || node.role === 'H2')
        .map((node) => node.y);
      expect(ys).toEqual([...ys].sort((a, b) => b - a));
    }
  });

  it.each(rows)('%s: lists, table header cells and figure alt text (pdf.js)', (_, entry) => {
    const { pages, model } = read.get(name(entry))!;
    // A list may run onto the next page, where pdf.js shows the rest of it: compare the items of
    // every list in reading order.
    const items = withRole(pages, 'LI').map((item) => {
      expect(item.children.map((child) => child.role)).toEqual(['Lbl', 'LBody']);
      return textOf(item.children[1]!);
    });
    expect(withRole(pages, 'L').every((list) => list.children.every((c) => c.role === 'LI'))).toBe(
      true,
    );
    const contains = (expected: readonly string[]): void => {
      const wanted = expected.map(squash);
      const start = items.indexOf(wanted[0]!);
      expect(items.slice(start, start + wanted.length)).toEqual(wanted);
    };
    contains([...model.summary.results, ...model.summary.notices]);
    contains(model.actions.items);
    if (model.habits.items.length > 0) contains(model.habits.items);
    for (const group of model.redFlags.groups) contains(group.items);

    // A table running onto the next page shows there with the rows drawn there.
    const tableRows = withRole(pages, 'Table').flatMap((table) => table.children);
    expect(tableRows.every((row) => row.role === 'TR')).toBe(true);
    const [header, ...body] = tableRows;
    expect(header!.children.map((cell) => `${cell.role} ${textOf(cell)}`)).toEqual(
      Object.values(model.table.columns).map((text) => `TH ${text}`),
    );
    expect(body).toHaveLength(model.table.rows.length);
    body.forEach((row, index) => {
      const expected = model.table.rows[index]!;
      expect(row.children.map((cell) => cell.role)).toEqual(['TH', 'TD', 'TD', 'TD']);
      expect(textOf(row.children[0]!)).toBe(squash(expected.test));
      expect(row.children[3]!.text).toBe(squash(expected.action));
      const figure = row.children[2]!.children.find((child) => child.role === 'Figure');
      expect(figure?.alt).toBe(expected.scale.alt);
    });
    expect(withRole(pages, 'Figure').map((figure) => figure.alt)).toEqual(
      model.table.rows.map((row) => row.scale.alt),
    );
  });

  it.each(rows)('%s: all text is tagged or an artifact; footers are artifacts', (_, entry) => {
    const { pages, artifacts, untagged, model } = read.get(name(entry))!;
    expect(untagged).toEqual([]);
    const pageCount = pages.length;
    // Page numbers and the disclaimer of every page but the last are running footers.
    expect(artifacts.filter((text) => /\d/.test(text))).toHaveLength(pageCount);
    expect(artifacts.filter((text) => text === model.footer.disclaimer)).toHaveLength(
      pageCount - 1,
    );
    const last = pages.at(-1)!.at(-1)!;
    expect(`${last.role} ${last.text}`).toBe(`P ${model.footer.disclaimer}`);
  });
});
