import type { BodyDocument } from '../body/body-document.js';
import { bodyPlainText } from '../body/plain-text.js';
import { searchableText } from './fold-text.js';

/** What of a story search reads, as stored. */
export interface SearchableStory {
  headline: string;
  standfirst: string;
  body: BodyDocument;
  leadCaption: string | null;
  tags: string[];
  bylines: string[];
}

/**
 * A story as both engines index it: folded words in four fields, weighted in that order when
 * ranked (a match in the headline counts most, one in the body least).
 */
export interface SearchDocument {
  headline: string;
  standfirst: string;
  /** Topics and bylines: a story about someone, or by them. */
  people: string;
  /** The body with every caption. */
  body: string;
}

/** Every caption of the body's photos and embeds (top-level blocks only), in reading order. */
const captionsOf = (body: BodyDocument): string[] =>
  body.content.flatMap((block) =>
    (block.type === 'image' || block.type === 'embed') && block.attrs.caption
      ? [block.attrs.caption]
      : [],
  );

/** The story in the form search indexes. */
export function searchDocumentOf(story: SearchableStory): SearchDocument {
  const captions = [story.leadCaption ?? '', ...captionsOf(story.body)];
  return {
    headline: searchableText(story.headline),
    standfirst: searchableText(story.standfirst),
    people: searchableText([...story.tags, ...story.bylines].join(' ')),
    body: searchableText(`${bodyPlainText(story.body)} ${captions.join(' ')}`),
  };
}
