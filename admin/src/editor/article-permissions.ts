/**
 * Which buttons the editor shows, mirroring the server's rules (src/domain/roles/permissions.ts)
 * so nobody is offered what the server would refuse. The server still decides every call.
 */
import type { ArticleStatus, Role, SessionUser } from '../api/types.js';
import { atLeast } from '../session.js';

export type ArticleAction =
  | 'edit'
  | 'submit'
  | 'publish'
  | 'publish_changes'
  | 'schedule'
  | 'unpublish'
  | 'kill'
  | 'correct'
  | 'set_bylines'
  | 'note';

export interface ArticleAccess {
  createdBy: number | null;
  status: ArticleStatus;
  killed: boolean;
}

/** The least role that may act on anyone's article, and on one's own. */
const RULES: Record<ArticleAction, { any: Role; own: Role }> = {
  edit: { any: 'editor', own: 'contributor' },
  submit: { any: 'editor', own: 'contributor' },
  note: { any: 'writer', own: 'contributor' },
  publish: { any: 'editor', own: 'writer' },
  publish_changes: { any: 'editor', own: 'editor' },
  schedule: { any: 'editor', own: 'writer' },
  unpublish: { any: 'editor', own: 'editor' },
  kill: { any: 'editor', own: 'editor' },
  correct: { any: 'editor', own: 'editor' },
  set_bylines: { any: 'editor', own: 'editor' },
};

/** True when the user may take the action on the article. */
export function may(user: SessionUser, action: ArticleAction, article: ArticleAccess): boolean {
  if (article.killed) return false;
  const rule = RULES[action];
  if (atLeast(user.role, rule.any)) return true;
  if (article.createdBy !== user.id || !atLeast(user.role, rule.own)) return false;
  // A contributor's text is the editors' once it leaves the draft state.
  if (action === 'edit' && user.role === 'contributor') return article.status === 'draft';
  return true;
}

/** The workflow's moves (src/domain/article/workflow.ts). */
const MOVES: Record<ArticleStatus, readonly ArticleStatus[]> = {
  draft: ['in_review', 'scheduled', 'published'],
  in_review: ['draft', 'scheduled', 'published'],
  scheduled: ['draft', 'in_review', 'published'],
  published: ['unpublished'],
  unpublished: ['draft', 'in_review', 'scheduled', 'published'],
};

export const canMove = (from: ArticleStatus, to: ArticleStatus) => MOVES[from].includes(to);
