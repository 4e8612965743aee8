import { describe, expect, it } from 'vitest';
import { body, story } from '../../../test/story-drafts.js';
import type { ArticleDraft } from './article-draft.js';
import { diffDrafts, readableDraft, type DraftNames } from './draft-diff.js';

const names: DraftNames = {
  section: (id) => ['', 'Business', 'World'][id] ?? '?',
  author: (id) => ['', 'Amal Haddad', 'Noor Said'][id] ?? '?',
  photo: (id) => `Photo #${id}: harbour cranes`,
};

const changedFields = (before: ArticleDraft, after: ArticleDraft) =>
  diffDrafts(readableDraft(before, names), readableDraft(after, names)).map((c) => c.label);

describe('what changed between two versions of a story', () => {
  it('names nothing when nothing changed', () => {
    expect(changedFields(story(), story())).toEqual([]);
  });

  it('covers every field the editor shows, in the editor’s order', () => {
    const after = story({
      headline: 'Port expansion approved at last',
      standfirst: 'The council voted 8-1.',
      dateline: 'SOHAR',
      body: body('First.', 'Second, revised.', 'Third.'),
      lead: { mediaId: 4, caption: 'Cranes', credit: 'Reuters', alt: 'Cranes at dusk' },
      signOff: 'Agencies',
      sectionId: 2,
      tags: ['port', 'trade'],
      bylines: [1, 2],
      slug: 'port-expansion-approved',
      seoTitle: 'Port expansion',
      seoDescription: 'Council approves',
      socialTitle: 'The port will grow',
      socialDescription: 'What it means',
      socialImageId: 5,
    });
    expect(changedFields(story(), after)).toEqual([
      'Headline',
      'Standfirst',
      'Dateline',
      'Body',
      'Lead photo',
      'Sign-off',
      'Section',
      'Tags',
      'Bylines',
      'Slug',
      'SEO title',
      'SEO description',
      'Social title',
      'Social description',
      'Social image',
    ]);
  });

  it('shows bylines and sections by name, word by word', () => {
    const [bylines] = diffDrafts(
      readableDraft(story(), names),
      readableDraft(story({ bylines: [1, 2] }), names),
    );
    expect(bylines).toEqual({
      field: 'bylines',
      label: 'Bylines',
      paragraphs: [
        {
          op: 'changed',
          parts: [
            { op: 'same', text: 'Amal Haddad' },
            { op: 'added', text: ', Noor Said' },
          ],
        },
      ],
    });
  });

  it('shows a standfirst that was emptied as removed', () => {
    const [standfirst] = diffDrafts(
      readableDraft(story(), names),
      readableDraft(story({ standfirst: '' }), names),
    );
    expect(standfirst?.paragraphs).toEqual([
      { op: 'removed', parts: [{ op: 'removed', text: 'The council voted 7-2.' }] },
    ]);
  });
});
