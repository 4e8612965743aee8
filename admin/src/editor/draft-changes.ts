import type { DraftChanges } from '../api/newsroom.js';
import type { ArticleDraft } from '../api/types.js';

/** The fields of `draft` that differ from `base`. */
export function changesBetween(base: ArticleDraft, draft: ArticleDraft): DraftChanges {
  const changes: Record<string, unknown> = {};
  for (const key of Object.keys(draft) as (keyof ArticleDraft)[]) {
    if (draft[key] === undefined) continue;
    if (JSON.stringify(draft[key]) !== JSON.stringify(base[key])) changes[key] = draft[key];
  }
  return changes;
}

/** True when `draft` differs from `base` in any field. */
export const differs = (base: ArticleDraft, draft: ArticleDraft) =>
  Object.keys(changesBetween(base, draft)).length > 0;
