import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ArticleDraft } from '../api/types.js';
import { EMPTY_DRAFT } from './use-draft.js';
import { changesBetween, differs } from './draft-changes.js';

const edits = fc.record(
  {
    headline: fc.string(),
    standfirst: fc.string(),
    dateline: fc.string(),
    signOff: fc.string(),
    sectionId: fc.option(fc.integer({ min: 1, max: 50 }), { nil: null }),
    bylines: fc.array(fc.integer({ min: 1, max: 50 }), { maxLength: 3 }),
  },
  { requiredKeys: [] },
);

describe('what a save sends', () => {
  it('is exactly the fields that changed, so a save never reverts a field someone else changed', () => {
    fc.assert(
      fc.property(edits, (edit) => {
        const draft = { ...EMPTY_DRAFT, ...edit } as ArticleDraft;
        const changes = changesBetween(EMPTY_DRAFT, draft);
        const changed = (Object.keys(edit) as (keyof ArticleDraft)[]).filter(
          (key) =>
            JSON.stringify(edit[key as keyof typeof edit]) !== JSON.stringify(EMPTY_DRAFT[key]),
        );
        expect(Object.keys(changes).sort()).toEqual(changed.sort());
        expect(differs(EMPTY_DRAFT, draft)).toBe(changed.length > 0);
        expect({ ...EMPTY_DRAFT, ...changes }).toEqual(draft);
      }),
    );
  });
});
