import { describe, expect, it } from 'vitest';
import {
  atLeastTwoOf,
  chooseRelated,
  furtherReadingOf,
  RELATED_KEPT,
  textMatchOf,
  wordsToMatch,
  type RelatedCandidate,
  type RelatedStory,
  type StoryLink,
} from './related-stories.js';

const day = (n: number) => new Date(Date.UTC(2024, 3, n));

const candidate = (id: number, facts: Partial<RelatedCandidate>): RelatedCandidate => ({
  id,
  sharedTags: 0,
  sameSection: false,
  textMatch: 0,
  publishedAt: day(1),
  ...facts,
});

describe('choosing a story’s related stories', () => {
  it('puts a shared topic above the same section and the closest words together', () => {
    const chosen = chooseRelated([
      candidate(1, { sameSection: true, textMatch: 1, publishedAt: day(20) }),
      candidate(2, { sharedTags: 1, publishedAt: day(2) }),
      candidate(3, { sharedTags: 2, publishedAt: day(1) }),
    ]);
    expect(chosen).toEqual([3, 2, 1]);
  });

  it('counts the section above words alone, and words only when close to the best match', () => {
    const chosen = chooseRelated([
      candidate(1, { textMatch: 1, publishedAt: day(9) }),
      candidate(2, { sameSection: true, textMatch: 0.6, publishedAt: day(1) }),
      candidate(3, { textMatch: 0.2, publishedAt: day(10) }),
    ]);
    expect(chosen).toEqual([2, 1]);
  });

  it('leaves out a story that shares only the section: it is listed under the section', () => {
    expect(chooseRelated([candidate(1, { sameSection: true })])).toEqual([]);
  });

  it('takes the newer story among near-equal ones, and keeps only the best few', () => {
    const many = Array.from({ length: 10 }, (_, i) =>
      candidate(i + 1, {
        sharedTags: 1,
        textMatch: i % 2 === 0 ? 0.9 : 0.95,
        publishedAt: day(i + 1),
      }),
    );
    const chosen = chooseRelated(many);
    expect(chosen).toHaveLength(RELATED_KEPT);
    expect(chosen).toEqual([10, 9, 8, 7, 6, 5]);
  });

  it('counts two headline words in common as close, one as not, a standfirst’s as half', () => {
    const words = wordsToMatch('Iran pipeline deal approved by parliament');
    const match = (headline: string, standfirst = '') =>
      textMatchOf(words, { headline, standfirst });
    expect(match('Parliament backs pipeline')).toBe(0.5);
    expect(match('Pipeline deal approved by Iran’s parliament')).toBe(1);
    expect(match('Football league kicks off', 'The pipeline is late.')).toBe(0.125);
    expect(
      chooseRelated([candidate(1, { textMatch: match('Parliament backs pipeline') })]),
    ).toEqual([1]);
    expect(chooseRelated([candidate(1, { textMatch: match('Parliament recess begins') })])).toEqual(
      [],
    );
  });
});

describe('the words a story is matched by', () => {
  it('are its headline’s telling words, folded, longest first', () => {
    expect(wordsToMatch('Oman and Iran sign “gas pipeline” deal, says minister')).toEqual([
      'minister',
      'pipeline',
      'deal',
      'iran',
      'oman',
      'sign',
    ]);
    expect(wordsToMatch('مجلس الشورى يناقش الموازنة')).toEqual([
      'الموازنه',
      'الشوري',
      'يناقش',
      'مجلس',
    ]);
  });

  it('must be found two at a time: for each word, any of the others', () => {
    expect(atLeastTwoOf(['pipeline', 'deal', 'iran'])).toEqual([
      { anyOf: [['deal'], ['iran']] },
      { anyOf: [['pipeline'], ['iran']] },
      { anyOf: [['pipeline'], ['deal']] },
    ]);
    expect(atLeastTwoOf(['pipeline'])).toEqual([{ anyOf: [['pipeline']] }]);
  });
});

const link = (id: number): StoryLink => ({
  id,
  slug: `s${id}`,
  headline: `Story ${id}`,
  section: { slug: 'world' },
  publishedAt: day(id),
});

const kept = (id: number, facts: Partial<RelatedStory> = {}): RelatedStory => ({
  ...link(id),
  status: 'published',
  killed: false,
  unpublishAt: null,
  ...facts,
});

describe('the foot of a story’s page', () => {
  it('shows the related stories readers may see, and keeps the keys of them all', () => {
    const reading = furtherReadingOf(
      1,
      [kept(2, { killed: true }), kept(3), kept(4, { status: 'unpublished' }), kept(5)],
      [],
      day(30),
    );
    expect(reading.related.map((story) => story.id)).toEqual([3, 5]);
    expect(reading.relatedIds).toEqual([2, 3, 4, 5]);
  });

  it('lists the section’s newest under them, without the story or those already listed', () => {
    const reading = furtherReadingOf(
      1,
      [kept(3)],
      [link(9), link(3), link(8), link(7), link(6), link(5)],
      day(30),
    );
    expect(reading.moreInSection.map((story) => story.id)).toEqual([9, 8, 7, 6]);
  });

  it('leaves out a related story whose embargo has not lifted', () => {
    const reading = furtherReadingOf(1, [kept(20)], [], day(10));
    expect(reading.related).toEqual([]);
  });
});
