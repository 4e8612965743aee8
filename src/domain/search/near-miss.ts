/** Edits (insert, delete, substitute, swap two neighbours) between two words, capped at `cap`+1. */
export function editDistance(a: string, b: string, cap = 3): number {
  if (Math.abs(a.length - b.length) > cap) return cap + 1;
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(
        (previous[j] as number) + 1,
        (current[j - 1] as number) + 1,
        (previous[j - 1] as number) + cost,
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, (before[j - 2] as number) + 1);
      current.push(best);
    }
    before = previous;
    previous = current;
  }
  return Math.min(previous[b.length] as number, cap + 1);
}

/** Shorter words than this are not corrected: too many real words lie one letter apart. */
export const MIN_CORRECTED_LENGTH = 4;

/**
 * Whether a reader who typed `typed` plausibly meant `known`: one slip in a short word, two in
 * a long one ("Erdogn" → "Erdogan").
 */
export function isNearMiss(typed: string, known: string): boolean {
  if (typed === known || typed.length < MIN_CORRECTED_LENGTH) return false;
  const allowed = typed.length >= 8 ? 2 : 1;
  return editDistance(typed, known, allowed) <= allowed;
}
