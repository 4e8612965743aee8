/**
 * Text both storage engines can keep. PostgreSQL's text refuses U+0000 outright, and a lone
 * UTF-16 surrogate has no UTF-8 form (drivers silently turn it into U+FFFD), while SQLite
 * would keep either: refusing both at the edge keeps the engines interchangeable.
 */
import { invalid } from './errors.js';
import { zodPath } from './validation.js';

// A NUL, or half of a surrogate pair standing alone (with `u`, a whole pair is one character).
const UNSTORABLE = /\0|[\uD800-\uDFFF]/u;
const UNSTORABLE_ALL = new RegExp(UNSTORABLE.source, 'gu');

/** True when a string holds a character PostgreSQL text cannot store. */
export const isUnstorableText = (text: string) => UNSTORABLE.test(text);

/** Deepest nesting walked; JSON bodies are far shallower, and a hostile one must not recurse forever. */
const MAX_DEPTH = 64;

/**
 * The path (`body.content[3].text`) of the first string, or object key, in a parsed value that
 * PostgreSQL cannot store; undefined when there is none.
 */
export function unstorableTextPath(
  value: unknown,
  path: (string | number)[] = [],
): string | undefined {
  if (typeof value === 'string') return isUnstorableText(value) ? zodPath(path) : undefined;
  if (value === null || typeof value !== 'object' || path.length > MAX_DEPTH) return undefined;
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = unstorableTextPath(item, [...path, index]);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
    // The key itself is named with its unstorable characters shown as U+FFFD.
    if (isUnstorableText(key)) return zodPath([...path, key.replace(UNSTORABLE_ALL, '\uFFFD')]);
    const found = unstorableTextPath(item, [...path, key]);
    if (found !== undefined) return found;
  }
  return undefined;
}

/**
 * Throws Invalid naming the field when any text in the value cannot be stored; `whole` names
 * the value itself when it is a bare string.
 */
export function refuseUnstorableText(value: unknown, whole = 'input'): void {
  const path = unstorableTextPath(value);
  if (path === undefined) return;
  const at = path || whole;
  throw invalid(`${at}: must not contain a NUL character or a broken UTF-16 pair`, at);
}
