import { PDFHexString, PDFName, PDFNumber, PDFString } from 'pdf-lib';
import type { PDFContext, PDFDict, PDFObject, PDFPage, PDFRef } from 'pdf-lib';
import type { StructId, StructOptions, StructRole } from '../canvas';

/** A child of a structure element: marked content on a page, or another element. */
type Kid =
  | { readonly page: number; readonly mcid: number; readonly element?: never }
  | { readonly element: StructId; readonly page?: never; readonly mcid?: never };

interface Element {
  readonly role: StructRole;
  readonly parent: StructId | null;
  readonly options: StructOptions;
  readonly kids: Kid[];
}

/**
 * The logical structure of a tagged PDF, built while the handout is drawn: elements in reading
 * order, each holding its marked content (page and MCID) and its child elements, and per page the
 * element of each MCID (the parent tree). {@link StructureTree.write} turns it into PDF objects.
 */
export class StructureTree {
  private readonly elements: Element[] = [];
  /** Children of the Document element. */
  private readonly top: StructId[] = [];
  /** Per page: the element that owns each MCID, indexed by MCID. */
  private readonly owners: StructId[][] = [];

  /**
   * Adds an element as the last child of `parent` (null: the Document element).
   * @returns the new element's id
   */
  add(role: StructRole, parent: StructId | null, options: StructOptions = {}): StructId {
    const id = this.elements.length;
    this.elements.push({ role, parent, options, kids: [] });
    if (parent === null) this.top.push(id);
    else this.get(parent).kids.push({ element: id });
    return id;
  }

  role(id: StructId): StructRole {
    return this.get(id).role;
  }

  /**
   * Gives `id` the next MCID of a page.
   * @param id - the element the content belongs to
   * @param page - page index
   * @returns the MCID to write in the page's BDC operator
   */
  mark(id: StructId, page: number): number {
    const owners = (this.owners[page] ??= []);
    const mcid = owners.length;
    owners.push(id);
    this.get(id).kids.push({ page, mcid });
    return mcid;
  }

  /** Moves an element after the other children of its parent. */
  moveToEnd(id: StructId): void {
    const { parent } = this.get(id);
    const siblings = parent === null ? this.top : this.get(parent).kids;
    const index = siblings.findIndex((kid) =>
      typeof kid === 'number' ? kid === id : kid.element === id,
    );
    if (index < 0) return;
    const [moved] = siblings.splice(index, 1);
    (siblings as unknown[]).push(moved);
  }

  private get(id: StructId): Element {
    const element = this.elements[id];
    if (!element) throw new Error(`no structure element ${id}`);
    return element;
  }

  /**
   * Writes the structure: a StructTreeRoot with one Document element, the parent tree, and on
   * each page its /StructParents key and tab order by structure.
   * @param context - the document's object context
   * @param catalog - the document catalog
   * @param pages - the pages, in order
   */
  write(context: PDFContext, catalog: PDFDict, pages: readonly PDFPage[]): void {
    const rootRef = context.nextRef();
    const documentRef = context.nextRef();
    const refs = this.elements.map(() => context.nextRef());
    const pageRef = (page: number): PDFRef => pages[page]!.ref;
    const kidObjects = (kids: readonly Kid[], ownPage: number | undefined): PDFObject[] =>
      kids.map((kid) => {
        if (kid.element !== undefined) return refs[kid.element]!;
        if (kid.page === ownPage) return PDFNumber.of(kid.mcid);
        return context.obj({ Type: 'MCR', Pg: pageRef(kid.page), MCID: kid.mcid });
      });
    this.elements.forEach((element, id) => {
      const firstPage = element.kids.find((kid) => kid.page !== undefined)?.page;
      const dict = context.obj({
        Type: 'StructElem',
        S: element.role,
        P: element.parent === null ? documentRef : refs[element.parent]!,
        K: kidObjects(element.kids, firstPage),
      });
      if (firstPage !== undefined) dict.set(PDFName.of('Pg'), pageRef(firstPage));
      const { alt, lang, scope } = element.options;
      if (alt !== undefined) dict.set(PDFName.of('Alt'), PDFHexString.fromText(alt));
      if (lang !== undefined) dict.set(PDFName.of('Lang'), PDFString.of(lang));
      if (scope !== undefined) dict.set(PDFName.of('A'), context.obj({ O: 'Table', Scope: scope }));
      context.assign(refs[id]!, dict);
    });
    context.assign(
      documentRef,
      context.obj({
        Type: 'StructElem',
        S: 'Document',
        P: rootRef,
        K: this.top.map((id) => refs[id]!),
      }),
    );
    const nums: PDFObject[] = [];
    pages.forEach((page, index) => {
      page.node.set(PDFName.of('StructParents'), PDFNumber.of(index));
      page.node.set(PDFName.of('Tabs'), PDFName.of('S'));
      nums.push(
        PDFNumber.of(index),
        context.obj((this.owners[index] ?? []).map((id) => refs[id]!)),
      );
    });
    context.assign(
      rootRef,
      context.obj({
        Type: 'StructTreeRoot',
        K: documentRef,
        ParentTree: context.obj({ Nums: nums }),
        ParentTreeNextKey: pages.length,
      }),
    );
    catalog.set(PDFName.of('StructTreeRoot'), rootRef);
    catalog.set(PDFName.of('MarkInfo'), context.obj({ Marked: true }));
  }
}
