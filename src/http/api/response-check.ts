import { isDeepStrictEqual } from 'node:util';
import type { z } from 'zod';
import { zodPath } from '../../domain/validation.js';

/** A value as JSON carries it: dates as text, undefined fields gone. */
const asJson = (value: unknown): unknown =>
  value === undefined ? null : (JSON.parse(JSON.stringify(value)) as unknown);

/** The first place two JSON values differ, as a path (`articles[0].publicUrl`). */
function firstDifference(sent: unknown, described: unknown, path: (string | number)[]): string {
  if (isDeepStrictEqual(sent, described)) return '';
  if (typeof sent !== 'object' || typeof described !== 'object' || !sent || !described)
    return zodPath(path) || '(the answer)';
  const keys = new Set([...Object.keys(sent), ...Object.keys(described)]);
  for (const key of keys) {
    const step = Array.isArray(sent) ? Number(key) : key;
    const at = firstDifference(
      (sent as Record<string, unknown>)[key],
      (described as Record<string, unknown>)[key],
      [...path, step],
    );
    if (at) return at;
  }
  return zodPath(path) || '(the answer)';
}

/**
 * What is wrong with an answer by its output schema, or null when the schema describes it
 * exactly: it must parse, and parsing must drop nothing (a field the schema does not name).
 */
export function responseMismatch(schema: z.ZodTypeAny, answer: unknown): string | null {
  const result = schema.safeParse(answer);
  if (!result.success) {
    const issue = result.error.issues[0];
    return `${zodPath(issue?.path ?? []) || '(the answer)'}: ${issue?.message ?? 'is invalid'}`;
  }
  const sent = asJson(answer);
  const described = asJson(result.data);
  if (isDeepStrictEqual(sent, described)) return null;
  return `${firstDifference(sent, described, [])}: is not what the output schema describes`;
}
