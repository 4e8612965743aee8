import type { Inline, Mark } from './body-document.js';
import { sameMarkSet } from './mark-order.js';

// HTML's collapsible whitespace, plus the no-break space: WordPress's editor writes `&nbsp;`
// for every doubled space and for "empty" spacer paragraphs, so it is treated as a space.
const WHITESPACE_RUN = /[ \t\n\f\r\u00a0]+/g;
const NO_MARKS: readonly Mark[] = [];

/**
 * The inline content of one paragraph or heading as it is read from HTML, collapsing
 * whitespace the way a browser lays it out and merging neighbours with the same marks.
 */
export class InlineRun {
  private nodes: Inline[] = [];

  /** Appends text carrying `marks` (already in rank order). */
  addText(data: string, marks: readonly Mark[]): void {
    let text = data.replace(WHITESPACE_RUN, ' ');
    // A space after a space, a line break or the start of the block is not rendered.
    if (text.startsWith(' ') && this.endsInSpace()) text = text.slice(1);
    if (text === '') return;
    const last = this.nodes.at(-1);
    if (last?.type === 'text' && sameMarkSet(last.marks ?? NO_MARKS, marks)) {
      last.text += text;
    } else {
      this.nodes.push(
        marks.length === 0 ? { type: 'text', text } : { type: 'text', text, marks: [...marks] },
      );
    }
  }

  /**
   * Appends a line break. Returns true when it makes a run of breaks, which pasted and
   * legacy markup uses to separate paragraphs: the caller then starts a new paragraph.
   */
  addBreak(): boolean {
    const last = this.nodes.at(-1);
    if (last === undefined) return false; // a break before any text shows as nothing useful
    if (last.type === 'hardBreak') {
      this.nodes.pop();
      return true;
    }
    this.trimEnd();
    this.nodes.push({ type: 'hardBreak' });
    return false;
  }

  /** Takes the content collected so far, trimmed; empty when it holds no text. */
  take(): Inline[] {
    this.trimEnd();
    while (this.nodes.at(-1)?.type === 'hardBreak') {
      this.nodes.pop();
      this.trimEnd();
    }
    const nodes = this.nodes;
    this.nodes = [];
    return nodes.some((node) => node.type === 'text') ? nodes : [];
  }

  private endsInSpace(): boolean {
    const last = this.nodes.at(-1);
    return last === undefined || last.type === 'hardBreak' || last.text.endsWith(' ');
  }

  /** Drops the space at the end of a line, which browsers do not render either. */
  private trimEnd(): void {
    const last = this.nodes.at(-1);
    if (last?.type !== 'text' || !last.text.endsWith(' ')) return;
    last.text = last.text.slice(0, -1);
    if (last.text === '') this.nodes.pop();
  }
}
