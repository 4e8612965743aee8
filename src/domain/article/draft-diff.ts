/**
 * What changed between two versions of a story, field by field, as the newsroom reads it:
 * names instead of ids, the body paragraph by paragraph and word by word.
 */
import { bodyParagraphs } from '../body/plain-text.js';
import type { ArticleDraft } from './article-draft.js';
import { diffParagraphs, type DiffParagraph } from './text-diff.js';

/** Every field a version is compared on, in the order the editor shows them. */
export const COMPARED_FIELDS = {
  headline: 'Headline',
  standfirst: 'Standfirst',
  dateline: 'Dateline',
  body: 'Body',
  lead: 'Lead photo',
  signOff: 'Sign-off',
  section: 'Section',
  tags: 'Tags',
  bylines: 'Bylines',
  slug: 'Slug',
  seoTitle: 'SEO title',
  seoDescription: 'SEO description',
  socialTitle: 'Social title',
  socialDescription: 'Social description',
  socialImage: 'Social image',
} as const;

export type ComparedField = keyof typeof COMPARED_FIELDS;

/** A version as readers of a diff see it: each field as paragraphs of text. */
export type ReadableDraft = Record<ComparedField, string[]>;

/** One field that changed, with its paragraphs compared. */
export interface FieldChange {
  field: ComparedField;
  label: string;
  paragraphs: DiffParagraph[];
}

/** The names behind a draft's ids, looked up by the caller. */
export interface DraftNames {
  section: (id: number) => string;
  author: (id: number) => string;
  photo: (id: number) => string;
}

const lines = (...texts: string[]) => texts.filter((text) => text !== '');

/** A draft in words: the section, bylines and photos by name, the body by paragraph. */
export function readableDraft(draft: ArticleDraft, names: DraftNames): ReadableDraft {
  const lead = draft.lead;
  return {
    headline: lines(draft.headline),
    standfirst: lines(draft.standfirst),
    dateline: lines(draft.dateline),
    body: bodyParagraphs(draft.body),
    lead: lead
      ? lines(
          names.photo(lead.mediaId),
          lead.caption && `Caption: ${lead.caption}`,
          lead.credit && `Credit: ${lead.credit}`,
          lead.alt && `Alt text: ${lead.alt}`,
        )
      : [],
    signOff: lines(draft.signOff),
    section: lines(names.section(draft.sectionId)),
    tags: lines(draft.tags.join(', ')),
    bylines: lines(draft.bylines.map(names.author).join(', ')),
    slug: lines(draft.slug ?? ''),
    seoTitle: lines(draft.seoTitle),
    seoDescription: lines(draft.seoDescription),
    socialTitle: lines(draft.socialTitle),
    socialDescription: lines(draft.socialDescription),
    socialImage: draft.socialImageId === null ? [] : [names.photo(draft.socialImageId)],
  };
}

const same = (a: string[], b: string[]) => a.length === b.length && a.every((t, i) => t === b[i]);

/** The fields that differ between two versions, in the editor's order, each compared. */
export function diffDrafts(before: ReadableDraft, after: ReadableDraft): FieldChange[] {
  return (Object.keys(COMPARED_FIELDS) as ComparedField[])
    .filter((field) => !same(before[field], after[field]))
    .map((field) => ({
      field,
      label: COMPARED_FIELDS[field],
      paragraphs: diffParagraphs(before[field], after[field]),
    }));
}
