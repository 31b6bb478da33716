/**
 * Builds the document model block by block. Both front ends drive it, which is
 * what keeps paragraph numbering, list markers and section roles identical
 * between the text and the HTML of the same decision.
 */
import type { Block, DecisionDoc, Header, Section, SectionRole } from '../model';

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

export interface DocMeta {
  title: string | null;
  authority: string | null;
  reference: string | null;
  header: Header;
  summary: string | null;
  layout: DecisionDoc['layout'];
}

export class DocBuilder<Source = never> {
  private readonly sections: Section[] = [];
  private readonly blocks: Block[] = [];
  /** Parallel to `blocks`: where each block came from (the page element, for the DOM front end). */
  readonly sources: (Source | null)[] = [];
  private topRole: SectionRole | null = null;
  private counter = 0;
  private lastParagraph: number | null = null;
  private itemCounts: number[] = [];
  private paragraphs = 0;
  private readonly warnings: string[] = [];
  private textChars = 0;

  get currentRole(): SectionRole | null {
    return this.topRole;
  }

  /** Characters of block text so far. */
  get chars(): number {
    return this.textChars;
  }

  get hasParagraph(): boolean {
    return this.paragraphs > 0;
  }

  /** A heading with a known role opens a statement section; any other is a sub-heading of the current one. */
  heading(text: string, role: SectionRole | null): void {
    if (role !== null || this.topRole === null) {
      this.topRole = role ?? 'other';
      this.sections.push({ heading: text, level: 1, role: this.topRole });
    } else {
      this.sections.push({ heading: text, level: 2, role: this.topRole });
    }
    this.itemCounts = [];
  }

  /**
   * A paragraph of the statement. `number`: true counts it on from the previous
   * numbered paragraph; a number uses that (the page printed it); false leaves it unnumbered.
   */
  paragraph(text: string, number: boolean | number, source: Source | null = null): void {
    let paragraph: number | null = null;
    if (typeof number === 'number') {
      paragraph = number;
      this.counter = number;
    } else if (number) {
      paragraph = ++this.counter;
    }
    this.lastParagraph = paragraph;
    this.itemCounts = [];
    this.paragraphs++;
    this.push({ kind: 'paragraph', text, paragraph, depth: 0, marker: null, section: this.sections.length - 1 }, source);
  }

  /** Later items have no paragraph number: the reader can no longer tell which paragraph holds them. */
  forgetParagraph(): void {
    this.lastParagraph = null;
  }

  /** Something the front end could not recover from the input, for the summary's warnings. */
  warn(message: string): void {
    this.warnings.push(message);
  }

  /** An item of a list inside the current paragraph. */
  item(text: string, depth: number, style: 'letter' | 'bullet', source: Source | null = null): void {
    this.itemCounts.length = depth;
    const n = (this.itemCounts[depth - 1] ?? 0) + 1;
    this.itemCounts[depth - 1] = n;
    const marker = style === 'letter' ? `${LETTERS[(n - 1) % 26]})` : '\u2022';
    this.push({ kind: 'item', text, paragraph: this.lastParagraph, depth, marker, section: this.sections.length - 1 }, source);
  }

  firstParagraphOf(role: SectionRole): string | null {
    const index = this.sections.findIndex((s) => s.role === role);
    if (index < 0) return null;
    const block = this.blocks.find((b) => b.section === index);
    return block?.text ?? null;
  }

  build(meta: DocMeta): DecisionDoc {
    const doc: DecisionDoc = { ...meta, sections: this.sections, blocks: this.blocks };
    if (this.warnings.length) doc.warnings = this.warnings;
    return doc;
  }

  /** The block is made whole by the caller: copying it to add its section was a cost per block. */
  private push(block: Block, source: Source | null): void {
    this.blocks.push(block);
    this.sources.push(source);
    this.textChars += block.text.length;
  }
}
