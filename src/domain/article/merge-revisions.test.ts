import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ArticleDraft } from './article-draft.js';
import { body, para, story } from '../../../test/story-drafts.js';
import { canonical, mergeRevisions } from './merge-revisions.js';

type Block = ArticleDraft['body']['content'][number];

describe('merging two saves of the same story', () => {
  it('keeps both editors’ changes when they changed different fields', () => {
    const base = story();
    const theirs = story({ headline: 'Port expansion approved at last' });
    const yours = story({ standfirst: 'The council voted 8-1.' });
    expect(mergeRevisions(base, theirs, yours)).toEqual({
      draft: story({ headline: theirs.headline, standfirst: yours.standfirst }),
      merged: ['standfirst'],
      conflicts: [],
    });
  });

  it('calls the same field changed differently on both sides a conflict, with both values', () => {
    const result = mergeRevisions(story(), story({ headline: 'A' }), story({ headline: 'B' }));
    expect(result.conflicts).toEqual([
      { key: 'headline', field: 'headline', theirs: 'A', yours: 'B' },
    ]);
    expect(result.draft.headline).toBe('A');
  });

  it('resolves a conflict with the side the writer chose, and only that field', () => {
    const theirs = story({ headline: 'A', dateline: 'SOHAR' });
    const result = mergeRevisions(story(), theirs, story({ headline: 'B' }), { headline: 'yours' });
    expect(result.conflicts).toEqual([]);
    expect(result.draft).toEqual(story({ headline: 'B', dateline: 'SOHAR' }));
  });

  it('merges edits of different paragraphs, even next to each other', () => {
    const theirs = story({ body: body('First.', 'Second, revised.', 'Third.') });
    const yours = story({ body: body('First.', 'Second.', 'Third, revised.') });
    expect(mergeRevisions(story(), theirs, yours).draft.body).toEqual(
      body('First.', 'Second, revised.', 'Third, revised.'),
    );
  });

  it('keeps a paragraph inserted on one side and an edit on the other', () => {
    const theirs = story({ body: body('New lede.', 'First.', 'Second.', 'Third.') });
    const yours = story({ body: body('First.', 'Second.', 'Third, revised.') });
    const result = mergeRevisions(story(), theirs, yours);
    expect(result.conflicts).toEqual([]);
    expect(result.draft.body).toEqual(body('New lede.', 'First.', 'Second.', 'Third, revised.'));
  });

  it('names a paragraph deleted on one side and edited on the other as a conflict', () => {
    const theirs = story({ body: body('First.', 'Third.', 'Fourth.', 'Fifth.') });
    const yours = story({ body: body('First.', 'Second, revised.', 'Third.') });
    const result = mergeRevisions(story(), theirs, yours);
    expect(result.conflicts).toContainEqual({
      key: 'body.1',
      field: 'body',
      block: 1,
      theirs: [],
      yours: [para('Second, revised.')],
    });
  });
});

/** A random edit of a story: some fields changed, some blocks edited, inserted or deleted. */
const FIELDS = ['headline', 'standfirst', 'dateline', 'signOff', 'seoTitle', 'slug'] as const;
type Op = { kind: 'edit' | 'insert' | 'delete'; at: number };
const editArb = fc.record({
  fields: fc.subarray([...FIELDS]),
  tags: fc.boolean(),
  section: fc.boolean(),
  lead: fc.boolean(),
  ops: fc.array(
    fc.record({
      kind: fc.constantFrom('edit', 'insert', 'delete'),
      at: fc.nat(20),
    }) as fc.Arbitrary<Op>,
    { maxLength: 3 },
  ),
});
interface Edit {
  fields: string[];
  tags: boolean;
  section: boolean;
  lead: boolean;
  ops: Op[];
}

function applyEdit(base: ArticleDraft, edit: Edit, side: string): ArticleDraft {
  const next: Record<string, unknown> = { ...base };
  for (const field of edit.fields) next[field] = `${field.toLowerCase()}-${side}`;
  if (edit.tags) next.tags = [...base.tags, `tag-${side}`];
  if (edit.section) next.sectionId = side.length;
  if (edit.lead) next.lead = { mediaId: side.length, caption: side, credit: '', alt: side };
  const blocks = [...base.body.content];
  edit.ops.forEach((op, n) => {
    const at = blocks.length ? op.at % blocks.length : 0;
    if (op.kind === 'insert') blocks.splice(at, 0, para(`${side} inserted ${n}`));
    else if (blocks.length && op.kind === 'edit') blocks[at] = para(`${side} edited ${n}`);
    else if (blocks.length) blocks.splice(at, 1);
  });
  return { ...(next as ArticleDraft), body: { type: 'doc', content: blocks } };
}

const baseArb = fc
  .integer({ min: 0, max: 12 })
  .map((n) => story({ body: body(...Array.from({ length: n }, (_, i) => `Base ${i}.`)) }));

describe('merging, for any two edits of any story', () => {
  const keys = (blocks: Block[]) => new Set(blocks.map(canonical));

  it('never loses a field or a paragraph that only one side changed', () => {
    let bothEditedBodyCleanly = 0;
    fc.assert(
      fc.property(baseArb, editArb, editArb, (base, a, b) => {
        const theirs = applyEdit(base, a, 'theirs');
        const yours = applyEdit(base, b, 'yours');
        const { draft, conflicts } = mergeRevisions(base, theirs, yours);
        for (const field of Object.keys(base) as (keyof ArticleDraft)[]) {
          if (field === 'body') continue;
          const [t, y, o] = [theirs[field], yours[field], base[field]].map(canonical);
          if (y === o) expect(canonical(draft[field])).toBe(t);
          else if (t === o) expect(canonical(draft[field])).toBe(y);
          else expect(conflicts.map((c) => c.field)).toContain(field);
        }
        const result = keys(draft.body.content);
        const inConflict = keys(
          conflicts.flatMap((c) => (c.field === 'body' ? [...c.theirs, ...c.yours] : [])),
        );
        const old = keys(base.body.content);
        for (const block of [...keys(theirs.body.content), ...keys(yours.body.content)])
          if (!old.has(block)) expect(result.has(block) || inConflict.has(block)).toBe(true);
        if (!conflicts.some((c) => c.field === 'body')) {
          const edited = (side: ArticleDraft) => canonical(side.body) !== canonical(base.body);
          if (edited(theirs) && edited(yours)) bothEditedBodyCleanly += 1;
          // A paragraph deleted on one side and left alone on the other stays deleted.
          for (const block of old) {
            const kept =
              keys(theirs.body.content).has(block) && keys(yours.body.content).has(block);
            expect(result.has(block)).toBe(kept);
          }
        }
      }),
      { numRuns: 1000 },
    );
    // The rule is not vacuous: many runs merge two body edits without a conflict.
    expect(bothEditedBodyCleanly).toBeGreaterThan(100);
  });

  it('never calls a field changed identically on both sides a conflict', () => {
    fc.assert(
      fc.property(baseArb, editArb, (base, edit) => {
        const same = applyEdit(base, edit, 'both');
        expect(mergeRevisions(base, same, same)).toMatchObject({ draft: same, conflicts: [] });
      }),
    );
  });

  it('gives back the one side that changed anything', () => {
    fc.assert(
      fc.property(baseArb, editArb, (base, edit) => {
        const changed = applyEdit(base, edit, 'x');
        expect(mergeRevisions(base, changed, base)).toMatchObject({
          draft: changed,
          conflicts: [],
        });
        expect(mergeRevisions(base, base, changed)).toMatchObject({
          draft: changed,
          conflicts: [],
        });
      }),
    );
  });
});
