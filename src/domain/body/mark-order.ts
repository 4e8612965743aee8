import type { Mark } from './body-document.js';

// Tiptap ranks the link mark above bold and italic, so a link wraps the emphasis inside it.
const RANK: Record<Mark['type'], number> = { link: 0, bold: 1, italic: 2 };
const NO_MARKS: readonly Mark[] = [];

/** Marks in Tiptap's rank order (outermost first), as ProseMirror keeps every mark set. */
export function sortMarks(marks: readonly Mark[] | undefined): readonly Mark[] {
  if (marks === undefined || marks.length === 0) return NO_MARKS;
  if (marks.length === 1) return marks;
  return [...marks].sort((a, b) => RANK[a.type] - RANK[b.type]);
}

/** Whether two marks are the same mark: same type and, for links, the same target. */
export function sameMark(a: Mark, b: Mark): boolean {
  if (a.type !== b.type) return false;
  return a.type !== 'link' || b.type !== 'link' || a.attrs.href === b.attrs.href;
}

/** Whether two sorted mark sets are equal, so adjacent text with them can merge. */
export function sameMarkSet(a: readonly Mark[], b: readonly Mark[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const left = a[i];
    const right = b[i];
    if (left === undefined || right === undefined || !sameMark(left, right)) return false;
  }
  return true;
}
