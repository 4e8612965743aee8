import { can } from '../domain/roles/permissions.js';
import type { Actor } from '../domain/roles/role.js';
import type { Stores } from './ports.js';
import { PUBLICATION_KEY } from './publication-cache.js';

/** What a new paper does before its first day, in the order it is best done. */
export const FIRST_RUN_STEPS = ['settings', 'sections', 'invite', 'first_story'] as const;

export type FirstRunStep = (typeof FIRST_RUN_STEPS)[number];

export interface FirstRunItem {
  step: FirstRunStep;
  done: boolean;
}

/** The stores the checklist reads. */
export type FirstRunStores = Pick<
  Stores,
  'settings' | 'sections' | 'users' | 'oneTimeTokens' | 'desk'
>;

/** Which steps the paper has taken, each read from what exists rather than from a flag. */
async function stepsTaken(stores: FirstRunStores): Promise<Record<FirstRunStep, boolean>> {
  const [settings, sections, users, invitations, published] = await Promise.all([
    stores.settings.get(PUBLICATION_KEY),
    stores.sections.list(),
    stores.users.list(),
    stores.oneTimeTokens.listOpenInvitations(),
    stores.desk.list({ status: 'published', limit: 1, offset: 0 }),
  ]);
  return {
    // Saved once, the paper's name and time zone are its own, not the defaults of an install.
    settings: settings !== undefined,
    sections: sections.length > 0,
    // An accepted invitation is an account; one still open counts as asked.
    invite: users.length > 1 || invitations.length > 0,
    first_story: published.length > 0,
  };
}

/**
 * The editor-in-chief's first-run checklist: the paper's first steps, each done or not. Null
 * for everyone else, and once every step is done: the list then leaves the dashboard.
 */
export async function readFirstRunChecklist(
  stores: FirstRunStores,
  actor: Actor,
): Promise<FirstRunItem[] | null> {
  if (!can(actor, 'settings.manage')) return null;
  const taken = await stepsTaken(stores);
  if (FIRST_RUN_STEPS.every((step) => taken[step])) return null;
  return FIRST_RUN_STEPS.map((step) => ({ step, done: taken[step] }));
}
