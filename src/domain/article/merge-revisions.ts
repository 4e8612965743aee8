/**
 * Three-way merge of article revisions: a save based on an older revision is merged with the
 * revisions saved since instead of being refused, field by field and, in the body, block by
 * block. Only the same field or block changed differently on both sides is a conflict.
 */
import type { ArticleDraft } from './article-draft.js';

type Block = ArticleDraft['body']['content'][number];
type Field = keyof ArticleDraft;

/** Which side a writer keeps for one conflict, by its key (`headline`, `body.3`). */
export type MergeChoices = Record<string, 'yours' | 'theirs'>;

/** One field, or one stretch of body blocks, changed differently on both sides. */
export type MergeConflict =
  | { key: string; field: Exclude<Field, 'body'>; theirs: unknown; yours: unknown }
  | { key: string; field: 'body'; block: number; theirs: Block[]; yours: Block[] };

export interface MergeResult {
  draft: ArticleDraft;
  /** Fields where this save's change was merged with changes saved since. */
  merged: Field[];
  conflicts: MergeConflict[];
}

/** JSON with object keys sorted, so the same value always reads the same. */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return value === undefined ? 'null' : JSON.stringify(value);
}

const same = (a: unknown, b: unknown) => canonical(a) === canonical(b);

/**
 * Merges `mine` (a save based on `base`) with `theirs` (the newest revision). A field or block
 * changed on one side only takes that side; changed alike on both, that value; changed
 * differently, it is a conflict unless `choices` names the side to keep.
 */
export function mergeRevisions(
  base: ArticleDraft,
  theirs: ArticleDraft,
  mine: ArticleDraft,
  choices: MergeChoices = {},
): MergeResult {
  const draft = { ...theirs } as Record<Field, unknown>;
  const merged: Field[] = [];
  const conflicts: MergeConflict[] = [];
  const fields = new Set([...Object.keys(base), ...Object.keys(theirs), ...Object.keys(mine)]);
  for (const field of fields as Set<Field>) {
    if (same(mine[field], base[field]) || same(mine[field], theirs[field])) continue;
    if (same(theirs[field], base[field])) {
      draft[field] = mine[field];
      merged.push(field);
    } else if (field === 'body') {
      const body = mergeBlocks(base.body.content, theirs.body.content, mine.body.content, choices);
      draft.body = { ...mine.body, content: body.blocks };
      conflicts.push(...body.conflicts);
      if (body.conflicts.length === 0) merged.push(field);
    } else if (choices[field]) {
      draft[field] = choices[field] === 'yours' ? mine[field] : theirs[field];
      merged.push(field);
    } else {
      conflicts.push({ key: field, field, theirs: theirs[field], yours: mine[field] });
    }
  }
  return { draft: draft as ArticleDraft, merged, conflicts };
}

/** One side's change to the body: base blocks `start` to `end` (exclusive) became `blocks`. */
interface Hunk {
  side: 'theirs' | 'yours';
  start: number;
  end: number;
  blocks: Block[];
}

/**
 * The body's blocks, merged. Each side is compared with the base by a longest common
 * subsequence of whole blocks, which turns it into hunks (a stretch of base blocks replaced,
 * possibly by nothing, or blocks inserted between two). Hunks of the two sides that overlap,
 * or insert at the same place, form one stretch: changed alike it is taken once, differently
 * it is a conflict named `body.<first base block>`. Every other hunk applies as it is.
 */
export function mergeBlocks(
  base: Block[],
  theirs: Block[],
  yours: Block[],
  choices: MergeChoices = {},
): { blocks: Block[]; conflicts: MergeConflict[] } {
  const hunks = [...hunksOf(base, theirs, 'theirs'), ...hunksOf(base, yours, 'yours')].sort(
    (a, b) => a.start - b.start || a.end - b.end,
  );
  const out = { blocks: [] as Block[], conflicts: [] as MergeConflict[] };
  let at = 0;
  while (hunks.length) {
    const stretch = [hunks.shift()!];
    const start = stretch[0]!.start;
    let end = stretch[0]!.end;
    while (hunks.length && overlaps(start, end, hunks[0]!)) {
      const next = hunks.shift()!;
      stretch.push(next);
      end = Math.max(end, next.end);
    }
    out.blocks.push(...base.slice(at, start));
    const merged = mergeStretch(base, start, end, stretch, choices);
    out.blocks.push(...merged.blocks);
    out.conflicts.push(...merged.conflicts);
    at = end;
  }
  out.blocks.push(...base.slice(at));
  return out;
}

/** One stretch of overlapping hunks: one side's alone, both alike, or a conflict. */
function mergeStretch(
  base: Block[],
  start: number,
  end: number,
  stretch: Hunk[],
  choices: MergeChoices,
): { blocks: Block[]; conflicts: MergeConflict[] } {
  const theirs = applied(base, start, end, stretch, 'theirs');
  const yours = applied(base, start, end, stretch, 'yours');
  const changedBy = (side: Hunk['side']) => stretch.some((h) => h.side === side);
  const key = `body.${start}`;
  if (!changedBy('yours') || same(theirs, yours) || choices[key] === 'theirs')
    return { blocks: theirs, conflicts: [] };
  if (!changedBy('theirs') || choices[key] === 'yours') return { blocks: yours, conflicts: [] };
  return { blocks: theirs, conflicts: [{ key, field: 'body', block: start, theirs, yours }] };
}

/** A hunk belongs to the stretch when it changes blocks in it, or inserts where it inserts. */
const overlaps = (start: number, end: number, hunk: Hunk) =>
  (hunk.start < end && start < hunk.end) ||
  (start === end && hunk.start === start && hunk.end === start);

/** Base blocks `start` to `end` with one side's hunks of the stretch applied. */
function applied(base: Block[], start: number, end: number, stretch: Hunk[], side: Hunk['side']) {
  const out: Block[] = [];
  let at = start;
  for (const hunk of stretch.filter((h) => h.side === side)) {
    out.push(...base.slice(at, hunk.start), ...hunk.blocks);
    at = hunk.end;
  }
  out.push(...base.slice(at, end));
  return out;
}

/** One side's changes to the base blocks, in order. */
function hunksOf(base: Block[], other: Block[], side: Hunk['side']): Hunk[] {
  const matches = matchBlocks(base, other);
  const hunks: Hunk[] = [];
  let [i, j] = [0, 0];
  for (let n = 0; n <= base.length; n += 1) {
    const m = n < base.length ? matches[n] : other.length;
    if (m === undefined) continue;
    if (n > i || m > j) hunks.push({ side, start: i, end: n, blocks: other.slice(j, m) });
    [i, j] = [n + 1, m + 1];
  }
  return hunks;
}

/** For each base block, the index of the block it matches on the other side, if any (LCS). */
function matchBlocks(base: Block[], other: Block[]): (number | undefined)[] {
  const a = base.map(canonical);
  const b = other.map(canonical);
  // lengths[i][j]: the longest common subsequence of a[i..] and b[j..].
  const lengths = Array.from({ length: a.length + 1 }, () =>
    new Array<number>(b.length + 1).fill(0),
  );
  for (let i = a.length - 1; i >= 0; i -= 1)
    for (let j = b.length - 1; j >= 0; j -= 1)
      lengths[i]![j] =
        a[i] === b[j]
          ? lengths[i + 1]![j + 1]! + 1
          : Math.max(lengths[i + 1]![j]!, lengths[i]![j + 1]!);
  const matches = new Array<number | undefined>(a.length).fill(undefined);
  let [i, j] = [0, 0];
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      matches[i] = j;
      [i, j] = [i + 1, j + 1];
    } else if (lengths[i + 1]![j]! >= lengths[i]![j + 1]!) i += 1;
    else j += 1;
  }
  return matches;
}
