import type { BodyDocument } from './body-document.js';
import { bodyWordCount } from './plain-text.js';

/** A steady adult reading speed for news prose; the figure Medium and most CMSs use. */
export const WORDS_PER_MINUTE = 230;

/** How long the body takes to read: its words, and whole minutes (rounded up, at least 1). */
export function readingTime(doc: BodyDocument): { words: number; minutes: number } {
  const words = bodyWordCount(doc);
  return { words, minutes: Math.max(1, Math.ceil(words / WORDS_PER_MINUTE)) };
}
