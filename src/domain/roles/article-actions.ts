/**
 * What a person may do with one article, as the newsroom app offers it: built from the same
 * rules the services enforce (`can` and the workflow's moves), so the buttons and the answers
 * cannot disagree.
 */
import type { ArticleStatus } from '../article/article.js';
import { canMove } from '../article/workflow.js';
import { can, type ArticleAccess, type ArticlePermission } from './permissions.js';
import type { Actor } from './role.js';

export const ARTICLE_ACTIONS = [
  'edit',
  'set_bylines',
  'restore',
  'note',
  'submit',
  'return_to_draft',
  'schedule',
  'publish',
  'unpublish',
  'publish_changes',
  'ask_to_publish_changes',
  'schedule_update',
  'correct',
  'kill',
] as const;

/** One thing the newsroom app may offer to do with an article. */
export type ArticleAction = (typeof ARTICLE_ACTIONS)[number];

/** What the offer needs to know of an article: who wrote it, its state, its waiting changes. */
export interface ArticleStanding extends ArticleAccess {
  /** Changes saved to a live story that readers do not see yet, and whether editors were asked. */
  waiting: { inReview: boolean } | null;
}

/** The permission each workflow move needs, by the state it moves to. */
export const MOVE_PERMISSION: Record<ArticleStatus, ArticlePermission> = {
  draft: 'article.edit',
  in_review: 'article.submit',
  scheduled: 'article.schedule',
  published: 'article.publish',
  unpublished: 'article.unpublish',
};

/** The action that offers each move, by the state it moves to. */
const MOVE_ACTION: Record<ArticleStatus, ArticleAction> = {
  draft: 'return_to_draft',
  in_review: 'submit',
  scheduled: 'schedule',
  published: 'publish',
  unpublished: 'unpublish',
};

/** Only a live story takes corrections and scheduled updates; a draft is simply edited. */
export const isLive = (status: ArticleStatus) => status === 'published';

/** True when the actor may move the article to `to`: the move exists and their role allows it. */
export const mayMove = (actor: Actor, article: ArticleAccess, to: ArticleStatus) =>
  canMove(article.status, to) && can(actor, MOVE_PERMISSION[to], article);

/**
 * True when saving the live story's waiting changes puts them before readers at once; a writer
 * who may publish their own story only asks the editors to (once).
 */
export const publishesChangesDirectly = (actor: Actor, article: ArticleAccess) =>
  can(actor, 'article.publish_changes', article);

function changeActions(actor: Actor, article: ArticleStanding): ArticleAction[] {
  const { waiting } = article;
  if (!isLive(article.status) || !waiting || !can(actor, 'article.publish', article)) return [];
  if (publishesChangesDirectly(actor, article)) return ['publish_changes'];
  return waiting.inReview ? [] : ['ask_to_publish_changes'];
}

/** Every action the actor may take on the article now, in the order the editor shows them. */
export function articleActionsFor(actor: Actor, article: ArticleStanding): ArticleAction[] {
  const allows = (permission: ArticlePermission) => can(actor, permission, article);
  const edit = allows('article.edit');
  const live = isLive(article.status);
  const moves = (Object.keys(MOVE_ACTION) as ArticleStatus[])
    .filter((to) => mayMove(actor, article, to))
    .map((to) => MOVE_ACTION[to]);
  const offered: [ArticleAction, boolean][] = [
    ['edit', edit],
    ['set_bylines', edit && allows('article.set_bylines')],
    ['restore', edit],
    ['note', allows('article.note')],
    ['schedule_update', live && edit && allows('article.schedule')],
    ['correct', live && allows('article.correct')],
    ['kill', allows('article.kill')],
  ];
  const chosen = new Set([
    ...offered.filter(([, allowed]) => allowed).map(([action]) => action),
    ...moves,
    ...changeActions(actor, article),
  ]);
  return ARTICLE_ACTIONS.filter((action) => chosen.has(action));
}
