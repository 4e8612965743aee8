import { can } from '../../domain/roles/permissions.js';
import type { Actor } from '../../domain/roles/role.js';
import type { DeskEntry, DeskQuery, Reads, Stores } from '../ports.js';
import { readFirstRunChecklist, type FirstRunStores } from '../read-first-run-checklist.js';
import { withAllowedActions } from './with-allowed-actions.js';

const SHOWN = 20;

/** The stores the dashboard reads. */
export type DashboardStores = FirstRunStores & Pick<Stores, 'desk' | 'alerts'>;

/**
 * The newsroom's front page for one person: their drafts, what waits for review, what is
 * scheduled, what went out lately, the alerts an editor must see, and the editor-in-chief's
 * first-run checklist while the paper is new; each story with what the actor may do with it.
 */
export async function readDashboard(deps: { storage: Reads<DashboardStores> }, actor: Actor) {
  const { desk, alerts } = deps.storage.stores;
  const seesAll = can(actor, 'article.list_all');
  const list = (query: Partial<DeskQuery>) =>
    desk.list({
      limit: SHOWN,
      offset: 0,
      ...(seesAll ? {} : { createdBy: actor.userId }),
      ...query,
    });
  const [myDrafts, inReview, scheduled, recentlyPublished, open, firstRun] = await Promise.all([
    desk.list({ status: 'draft', createdBy: actor.userId, limit: SHOWN, offset: 0 }),
    list({ status: 'in_review' }),
    list({ status: 'scheduled' }),
    list({ status: 'published', limit: 10 }),
    can(actor, 'homepage.curate') ? alerts.open() : Promise.resolve([]),
    readFirstRunChecklist(deps.storage.stores, actor),
  ]);
  const offered = (entries: DeskEntry[]) => entries.map(withAllowedActions(actor));
  return {
    myDrafts: offered(myDrafts),
    inReview: offered(inReview),
    scheduled: offered(scheduled),
    recentlyPublished: offered(recentlyPublished),
    alerts: open,
    firstRun,
  };
}
