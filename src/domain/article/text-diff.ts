/** One run of a diff: text both sides share, or text only one side has. */
export interface DiffPart {
  op: 'same' | 'added' | 'removed';
  text: string;
}

/**
 * A line diff (longest common subsequence) of two texts, in order. Article texts are a few
 * hundred lines at most, so the quadratic table is small.
 */
export function diffLines(before: string, after: string): DiffPart[] {
  const a = before.split('\n');
  const b = after.split('\n');
  const common: number[][] = Array.from({ length: a.length + 1 }, () =>
    new Array<number>(b.length + 1).fill(0),
  );
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      const row = common[i]!;
      row[j] =
        a[i] === b[j] ? common[i + 1]![j + 1]! + 1 : Math.max(common[i + 1]![j]!, row[j + 1]!);
    }
  }
  const parts: DiffPart[] = [];
  const push = (op: DiffPart['op'], text: string) => {
    const last = parts.at(-1);
    if (last?.op === op) last.text += `\n${text}`;
    else parts.push({ op, text });
  };
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      push('same', a[i++]!);
      j++;
    } else if (i < a.length && (j >= b.length || common[i + 1]![j]! >= common[i]![j + 1]!)) {
      // On a tie the old line goes first, as readers expect: "removed, then added".
      push('removed', a[i++]!);
    } else {
      push('added', b[j++]!);
    }
  }
  return parts;
}
