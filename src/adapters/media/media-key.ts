/**
 * The one rule both media stores apply to keys, so a key means the same file on disk and in a
 * bucket and can never reach outside the store's root (a URL's `..` segments are resolved by
 * `fetch` itself, so a bucket is no safer than a folder here).
 */

/** Why a key or list prefix is refused, or undefined when it is fine. */
function problemWith(key: string, isPrefix: boolean): string | undefined {
  if (key.includes('\0')) return 'contains a NUL character';
  if (key.includes('\\')) return 'contains a backslash';
  if (key.includes('..')) return 'contains ..';
  if (key.startsWith('/') || /^[A-Za-z]:/.test(key)) return 'is an absolute path';
  if (isPrefix) return undefined;
  if (key === '') return 'is empty';
  // Empty segments (`a//b`, `a/`) and dot files: the local store keeps its temp files as
  // dot files, so no key may look like one.
  if (key.split('/').some((segment) => segment === '' || segment.startsWith('.')))
    return 'has an empty segment or one that starts with a dot';
  return undefined;
}

/** Throws unless the key is a relative, '/'-separated path that stays inside the store. */
export function assertMediaKey(key: string): void {
  const problem = problemWith(key, false);
  if (problem) throw new Error(`Refused media key ${JSON.stringify(key)}: it ${problem}`);
}

/** Throws unless the prefix could start a valid key ('' lists everything). */
export function assertMediaKeyPrefix(prefix: string): void {
  const problem = problemWith(prefix, true);
  if (problem) throw new Error(`Refused media key prefix ${JSON.stringify(prefix)}: it ${problem}`);
}
