/** A story's draft for unit tests of the domain's article rules: a council story, three paragraphs. */
import type { ArticleDraft } from '../src/domain/article/article-draft.js';

type Block = ArticleDraft['body']['content'][number];

/** A paragraph of plain text. */
export const para = (text: string): Block => ({
  type: 'paragraph',
  content: [{ type: 'text', text }],
});

/** A body of plain paragraphs. */
export const body = (...texts: string[]) => ({ type: 'doc' as const, content: texts.map(para) });

/** The council story, with the fields given changed. */
export const story = (changes: Partial<ArticleDraft> = {}): ArticleDraft => ({
  headline: 'Port expansion approved',
  slug: 'port-expansion',
  standfirst: 'The council voted 7-2.',
  dateline: 'MUSCAT',
  body: body('First.', 'Second.', 'Third.'),
  sectionId: 1,
  tags: ['port'],
  bylines: [1],
  lead: null,
  signOff: '',
  seoTitle: '',
  seoDescription: '',
  socialTitle: '',
  socialDescription: '',
  socialImageId: null,
  ...changes,
});
