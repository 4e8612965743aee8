import { invalid } from '../errors.js';
import type { ArticleStatus } from './article.js';

/** The moves an article can make between states; everything else is refused. */
const TRANSITIONS: Record<ArticleStatus, readonly ArticleStatus[]> = {
  draft: ['in_review', 'scheduled', 'published'],
  in_review: ['draft', 'scheduled', 'published'],
  scheduled: ['draft', 'in_review', 'published'],
  published: ['unpublished'],
  unpublished: ['draft', 'in_review', 'scheduled', 'published'],
};

export const canMove = (from: ArticleStatus, to: ArticleStatus) => TRANSITIONS[from].includes(to);

/** Refuses a move the workflow does not have, naming both states. */
export function assertMove(from: ArticleStatus, to: ArticleStatus): void {
  if (!canMove(from, to)) {
    const allowed = TRANSITIONS[from].join(', ');
    throw invalid(`to: an article that is ${from} can move to ${allowed}, not ${to}`, 'to');
  }
}
