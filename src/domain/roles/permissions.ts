/**
 * Every permission decision of the newsroom, in one place. Routes declare an action; the
 * services ask `authorize`; nothing else decides who may do what.
 */
import type { ArticleStatus } from '../article/article.js';
import { forbidden } from '../errors.js';
import { atLeast, isMachine, type Actor, type Caller, type Role } from './role.js';

export type ArticlePermission =
  | 'article.read'
  | 'article.edit'
  | 'article.submit'
  | 'article.publish'
  | 'article.publish_changes'
  | 'article.schedule'
  | 'article.unpublish'
  | 'article.kill'
  | 'article.correct'
  | 'article.set_bylines'
  | 'article.note';

export type NewsroomAction =
  | 'article.create'
  | 'article.list_all'
  | 'section.manage'
  | 'tag.manage'
  | 'author.manage'
  | 'homepage.curate'
  | 'breaking_news.manage'
  | 'wire.read'
  | 'wire_source.manage'
  | 'import.run'
  | 'media.upload'
  | 'settings.manage'
  | 'user.manage'
  | 'token.manage_own'
  | 'content_key.manage'
  | 'webhook.manage'
  | 'audit.read';

export type Action = ArticlePermission | NewsroomAction;

/** What a decision about one article needs to know about it. */
export interface ArticleAccess {
  createdBy: number | null;
  status: ArticleStatus;
  killed: boolean;
}

const NEWSROOM_RULES: Record<NewsroomAction, Role> = {
  'article.create': 'contributor',
  'article.list_all': 'writer',
  'media.upload': 'contributor',
  'section.manage': 'editor',
  'tag.manage': 'editor',
  // Contributors', agencies' and colleagues' profiles: the desk keeps bylines right.
  'author.manage': 'editor',
  'homepage.curate': 'editor',
  // The banner is on every page at once: the desk's call, like the fronts' running order.
  'breaking_news.manage': 'editor',
  // Agency copy is licensed to the paper's staff; contributors file their own stories only.
  'wire.read': 'writer',
  // Which agencies flow in, and from where on the server's disk: the desk's editors decide.
  'wire_source.manage': 'editor',
  // An archive moving in files hundreds of stories at once, live and bylined: the desk's call.
  'import.run': 'editor',
  'settings.manage': 'editor_in_chief',
  'user.manage': 'editor_in_chief',
  'token.manage_own': 'contributor',
  // Keys let partners' machines read the paper under an agreement: the editor-in-chief's call.
  'content_key.manage': 'editor_in_chief',
  // Webhooks send every story, signed as the paper, to an address of their own choosing.
  'webhook.manage': 'editor_in_chief',
  // The trail names people, their addresses and every refusal: for the one who answers for the paper.
  'audit.read': 'editor_in_chief',
};

/** Actions a script's API token may never take, whoever owns it. */
const PEOPLE_ONLY: ReadonlySet<Action> = new Set([
  'user.manage',
  'token.manage_own',
  'settings.manage',
  'content_key.manage',
  'webhook.manage',
  'audit.read',
]);

/** The least role that may take an action on someone else's article, and on one's own. */
const ARTICLE_RULES: Record<ArticlePermission, { any: Role; own: Role }> = {
  'article.read': { any: 'writer', own: 'contributor' },
  'article.edit': { any: 'editor', own: 'contributor' },
  'article.submit': { any: 'editor', own: 'contributor' },
  'article.note': { any: 'writer', own: 'contributor' },
  'article.publish': { any: 'editor', own: 'writer' },
  // A writer may put their own story live once; changing what readers already see is an editor's call.
  'article.publish_changes': { any: 'editor', own: 'editor' },
  'article.schedule': { any: 'editor', own: 'writer' },
  'article.unpublish': { any: 'editor', own: 'editor' },
  'article.kill': { any: 'editor', own: 'editor' },
  'article.correct': { any: 'editor', own: 'editor' },
  'article.set_bylines': { any: 'editor', own: 'editor' },
};

/**
 * What the command line may do. An import brings finished stories in from another system on
 * the operator's say-so: it files them with their sections, bylines and photos, and submits or
 * publishes them. It never changes, takes down or kills what is already there.
 */
const COMMAND_LINE_MAY: ReadonlySet<Action> = new Set<Action>([
  'article.create',
  'article.submit',
  'article.publish',
  'media.upload',
  'section.manage',
  'author.manage',
]);

/** States in which the article's author may still change it without an editor. */
const OWN_EDITABLE: Record<Role, readonly ArticleStatus[]> = {
  contributor: ['draft'],
  writer: ['draft', 'in_review', 'scheduled', 'published', 'unpublished'],
  editor: ['draft', 'in_review', 'scheduled', 'published', 'unpublished'],
  editor_in_chief: ['draft', 'in_review', 'scheduled', 'published', 'unpublished'],
};

function allowsArticle(actor: Actor, action: ArticlePermission, article: ArticleAccess): boolean {
  if (article.killed && action !== 'article.read') return false;
  const rule = ARTICLE_RULES[action];
  if (atLeast(actor.role, rule.any)) return true;
  const own = article.createdBy === actor.userId;
  if (!own || !atLeast(actor.role, rule.own)) return false;
  if (action === 'article.edit') return OWN_EDITABLE[actor.role].includes(article.status);
  return true;
}

/** True when the actor may take the action (on the article, for article actions). */
export function can(actor: Caller, action: NewsroomAction): boolean;
export function can(actor: Caller, action: ArticlePermission, article: ArticleAccess): boolean;
export function can(actor: Caller, action: Action, article?: ArticleAccess): boolean {
  if (isMachine(actor)) return COMMAND_LINE_MAY.has(action) && !article?.killed;
  if (actor.credential === 'api_token' && PEOPLE_ONLY.has(action)) return false;
  if (action in NEWSROOM_RULES)
    return atLeast(actor.role, NEWSROOM_RULES[action as NewsroomAction]);
  if (!article) return false;
  return allowsArticle(actor, action as ArticlePermission, article);
}

const DESCRIPTIONS: Record<Action, string> = {
  'article.create': 'write articles',
  'article.list_all': 'see other people’s articles',
  'article.read': 'see this article',
  'article.edit': 'edit this article',
  'article.submit': 'submit this article for review',
  'article.publish': 'publish this article',
  'article.publish_changes': 'put changes to this live story in front of readers',
  'article.schedule': 'schedule this article',
  'article.unpublish': 'unpublish this article',
  'article.kill': 'kill this article',
  'article.correct': 'add a correction to this article',
  'article.set_bylines': 'change the bylines',
  'article.note': 'leave notes on this article',
  'section.manage': 'manage sections',
  'tag.manage': 'manage tags',
  'author.manage': 'keep other people’s byline profiles',
  'homepage.curate': 'arrange the home page',
  'breaking_news.manage': 'set the breaking-news banner',
  'wire.read': 'read the wire',
  'wire_source.manage': 'manage the wire’s sources',
  'import.run': 'import files from other systems',
  'media.upload': 'upload photos',
  'settings.manage': 'change the publication’s settings',
  'user.manage': 'manage users',
  'token.manage_own': 'manage API tokens',
  'content_key.manage': 'manage Content API keys',
  'webhook.manage': 'manage webhooks',
  'audit.read': 'read the audit trail',
};

/** Actions on one photo of the library, which depend on who uploaded it. */
export type MediaAction = 'media.edit' | 'media.delete';

/** The least role that may change or delete anyone's photo, and one's own. */
const MEDIA_RULES: Record<MediaAction, { any: Role; own: Role; describe: string }> = {
  'media.edit': { any: 'editor', own: 'contributor', describe: 'change this photo' },
  'media.delete': { any: 'editor', own: 'writer', describe: 'delete this photo' },
};

/** True when the actor may change or delete the photo. */
export function canOnMedia(
  actor: Actor,
  action: MediaAction,
  photo: { uploadedBy: number | null },
): boolean {
  const rule = MEDIA_RULES[action];
  if (atLeast(actor.role, rule.any)) return true;
  return photo.uploadedBy === actor.userId && atLeast(actor.role, rule.own);
}

/** Throws Forbidden unless `canOnMedia` allows it. */
export function authorizeMedia(
  actor: Actor,
  action: MediaAction,
  photo: { uploadedBy: number | null },
): void {
  if (!canOnMedia(actor, action, photo)) {
    throw forbidden(
      `Your role (${actor.role.replace(/_/g, ' ')}) may not ${MEDIA_RULES[action].describe}: it was uploaded by someone else`,
    );
  }
}

/** Throws Forbidden, saying what the actor may not do, unless `can` allows it. */
export function authorize(actor: Caller, action: NewsroomAction): void;
export function authorize(actor: Caller, action: ArticlePermission, article: ArticleAccess): void;
export function authorize(actor: Caller, action: Action, article?: ArticleAccess): void {
  const allowed = article
    ? can(actor, action as ArticlePermission, article)
    : can(actor, action as NewsroomAction);
  if (allowed) return;
  const who = isMachine(actor)
    ? 'The command line'
    : `Your role (${actor.role.replace(/_/g, ' ')})`;
  throw forbidden(`${who} may not ${DESCRIPTIONS[action]}`);
}

/** Nobody can grant a role above their own, and only those who manage users grant any. */
export function canGrantRole(actor: Actor, role: Role): boolean {
  return can(actor, 'user.manage') && atLeast(actor.role, role);
}
