/** The arithmetic of measuring in rounds (alternating-rounds.ts), kept apart so it is tested. */

/** NAME=VALUE pairs as an environment; a pair without `=` is a mistake worth naming. */
export function envPairs(pairs: readonly string[] = []): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const pair of pairs) {
    const at = pair.indexOf('=');
    if (at < 1) throw new Error(`an environment setting is NAME=VALUE, not "${pair}"`);
    env[pair.slice(0, at)] = pair.slice(at + 1);
  }
  return env;
}

/** The middle value (the mean of the two middle ones for an even count). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  if (sorted.length === 0) return NaN;
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/** Round r's order: A then B on even rounds, B then A on odd ones. */
export const roundOrder = <T>(round: number, a: T, b: T): [T, T] =>
  round % 2 === 0 ? [a, b] : [b, a];
