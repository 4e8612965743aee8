import { escapeHtml } from '../body/escape-html.js';
import { foldWithOffsets } from './fold-text.js';

/** A run of a snippet's text, marked when it is a word the reader searched for. */
export interface SnippetPart {
  text: string;
  match: boolean;
}

const WORD = /[\p{L}\p{N}]+/gu;
// How much of the text comes before the first match, so the reader sees its context.
const LEAD = 60;

/** Where each searched-for word stands in the text as written: [start, end) pairs. */
function matchesIn(text: string, words: ReadonlySet<string>): [number, number][] {
  const { folded, origins } = foldWithOffsets(text);
  const found: [number, number][] = [];
  for (const match of folded.matchAll(WORD)) {
    if (!words.has(match[0])) continue;
    const start = match.index;
    found.push([origins[start] as number, origins[start + match[0].length] as number]);
  }
  return found;
}

/** The window of at most `maxChars` around the first match, moved out to whole words. */
function windowAround(text: string, first: number, maxChars: number): [number, number] {
  let start = Math.max(0, first - LEAD);
  if (start > 0) {
    const space = text.indexOf(' ', start);
    start = space === -1 || space >= first ? start : space + 1;
  }
  let end = Math.min(text.length, start + maxChars);
  if (end < text.length) {
    const space = text.lastIndexOf(' ', end);
    if (space > start) end = space;
  }
  return [start, end];
}

/**
 * A passage of the text around the first word searched for, at most `maxChars` long, with
 * every such word marked; undefined when none is in the text. Parts are plain text: whoever
 * shows them escapes them.
 */
export function searchSnippet(
  text: string,
  words: readonly string[],
  maxChars = 220,
): SnippetPart[] | undefined {
  const flat = text.replace(/\s+/gu, ' ').trim();
  const matches = matchesIn(flat, new Set(words));
  const first = matches[0];
  if (!first) return undefined;
  const [start, end] = windowAround(flat, first[0], maxChars);
  const parts: SnippetPart[] = [];
  let at = start;
  for (const [from, to] of matches) {
    if (from < at || to > end) continue;
    if (from > at) parts.push({ text: flat.slice(at, from), match: false });
    parts.push({ text: flat.slice(from, to), match: true });
    at = to;
  }
  if (end > at) parts.push({ text: flat.slice(at, end), match: false });
  if (start > 0) parts.unshift({ text: '…', match: false });
  if (end < flat.length) parts.push({ text: '…', match: false });
  return parts;
}

/** The snippet as HTML: the text escaped, the matched words in `<mark>`. */
export const snippetHtml = (parts: readonly SnippetPart[]): string =>
  parts
    .map((part) => (part.match ? `<mark>${escapeHtml(part.text)}</mark>` : escapeHtml(part.text)))
    .join('');
