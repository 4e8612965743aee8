/** One run of a diff: text both sides share, or text only one side has. */
export interface DiffPart {
  op: 'same' | 'added' | 'removed';
  text: string;
}

/** One paragraph of a compared text: kept as it was, new, gone, or changed word by word. */
export interface DiffParagraph {
  op: 'same' | 'added' | 'removed' | 'changed';
  parts: DiffPart[];
}

/** Past this many cells the middle of two texts is shown as replaced, not compared word by word. */
const MAX_TABLE = 250_000;

/**
 * Longest common subsequence of two token lists, as runs in order: on a tie the old tokens go
 * first, as readers expect ("removed, then added"). Shared ends are matched first, so the
 * table covers only what lies between them.
 */
function diffTokens(a: string[], b: string[]): DiffPart[] {
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a.at(-1 - tail) === b.at(-1 - tail))
    tail++;
  const parts: DiffPart[] = [];
  const push = (op: DiffPart['op'], text: string) => {
    if (text === '') return;
    const last = parts.at(-1);
    if (last?.op === op) last.text += text;
    else parts.push({ op, text });
  };
  push('same', a.slice(0, head).join(''));
  const [x, y] = [a.slice(head, a.length - tail), b.slice(head, b.length - tail)];
  if (x.length * y.length > MAX_TABLE) {
    push('removed', x.join(''));
    push('added', y.join(''));
  } else {
    for (const [op, token] of middleRuns(x, y)) push(op, token);
  }
  push('same', a.slice(a.length - tail).join(''));
  return parts;
}

/** The tokens of `x` and `y` in diff order, each with its side. */
function* middleRuns(x: string[], y: string[]): Generator<[DiffPart['op'], string]> {
  const width = y.length + 1;
  // common[i * width + j]: the longest common subsequence of x[i..] and y[j..].
  const common = new Int32Array((x.length + 1) * width);
  for (let i = x.length - 1; i >= 0; i--)
    for (let j = y.length - 1; j >= 0; j--)
      common[i * width + j] =
        x[i] === y[j]
          ? common[(i + 1) * width + j + 1]! + 1
          : Math.max(common[(i + 1) * width + j]!, common[i * width + j + 1]!);
  let [i, j] = [0, 0];
  while (i < x.length || j < y.length) {
    if (i < x.length && j < y.length && x[i] === y[j]) {
      yield ['same', x[i++]!];
      j++;
    } else if (
      i < x.length &&
      (j >= y.length || common[(i + 1) * width + j]! >= common[i * width + j + 1]!)
    ) {
      yield ['removed', x[i++]!];
    } else {
      yield ['added', y[j++]!];
    }
  }
}

/**
 * Figures ("100,000", "1.5"), words, runs of spaces and single marks of punctuation: a figure
 * changed is shown whole, a comma changed is a comma changed.
 */
const tokens = (text: string) =>
  text.match(/\p{N}+(?:[.,]\p{N}+)*|\s+|[\p{L}\p{N}\p{M}'’]+|[^\s\p{L}\p{N}\p{M}'’]/gu) ?? [];

/** A word-level diff of two texts. */
export const diffWords = (before: string, after: string): DiffPart[] =>
  joinChanges(diffTokens(tokens(before), tokens(after)));

/**
 * A lone space kept between two changes makes "stays at" → "rises to" read as four changes:
 * such a space joins both sides, so each stretch reads as one removal and one addition.
 */
function joinChanges(parts: DiffPart[]): DiffPart[] {
  const out: DiffPart[] = [];
  let [removed, added] = ['', ''];
  const flush = () => {
    if (removed) out.push({ op: 'removed', text: removed });
    if (added) out.push({ op: 'added', text: added });
    [removed, added] = ['', ''];
  };
  parts.forEach((part, i) => {
    const between = i > 0 && i < parts.length - 1 && /^\s+$/.test(part.text);
    if (part.op === 'same' && !between) {
      flush();
      out.push(part);
    } else {
      if (part.op !== 'added') removed += part.text;
      if (part.op !== 'removed') added += part.text;
    }
  });
  flush();
  return out;
}

/** The text as it was before the change. */
export const textBefore = (parts: DiffPart[]) =>
  parts
    .filter((part) => part.op !== 'added')
    .map((part) => part.text)
    .join('');

/** The text as it is after the change. */
export const textAfter = (parts: DiffPart[]) =>
  parts
    .filter((part) => part.op !== 'removed')
    .map((part) => part.text)
    .join('');

/**
 * Two lists of paragraphs compared: paragraphs matched whole first, then, between matches,
 * each old paragraph paired with the new one in its place and compared word by word.
 */
export function diffParagraphs(before: string[], after: string[]): DiffParagraph[] {
  // Paragraphs as tokens of one diff, so each run holds whole paragraphs.
  const runs = diffTokens(
    before.map((p) => `${p}\u0000`),
    after.map((p) => `${p}\u0000`),
  );
  const out: DiffParagraph[] = [];
  const split = (text: string) => text.split('\u0000').slice(0, -1);
  for (let r = 0; r < runs.length; r++) {
    const run = runs[r]!;
    if (run.op === 'same') {
      for (const text of split(run.text)) out.push({ op: 'same', parts: partsOf('same', text) });
      continue;
    }
    const removed = run.op === 'removed' ? split(run.text) : [];
    const next = runs[r + 1];
    const added =
      run.op === 'added' ? split(run.text) : next?.op === 'added' ? split(next.text) : [];
    if (run.op === 'removed' && next?.op === 'added') r++;
    out.push(...pairUp(removed, added));
  }
  return out;
}

const partsOf = (op: DiffPart['op'], text: string): DiffPart[] => (text ? [{ op, text }] : []);

/** Old paragraphs replaced by new ones: pairs changed word by word, the rest gone or new. */
function pairUp(removed: string[], added: string[]): DiffParagraph[] {
  const out: DiffParagraph[] = [];
  for (let k = 0; k < Math.max(removed.length, added.length); k++) {
    const [was, now] = [removed[k], added[k]];
    if (was !== undefined && now !== undefined)
      out.push({ op: 'changed', parts: diffWords(was, now) });
    else if (was !== undefined) out.push({ op: 'removed', parts: partsOf('removed', was) });
    else out.push({ op: 'added', parts: partsOf('added', now!) });
  }
  return out;
}
