import { articleActionsFor } from '../../domain/roles/article-actions.js';
import type { Actor } from '../../domain/roles/role.js';
import type { DeskEntry } from '../ports.js';

/** A desk list row as the actor sees it: what they may do with it instead of its waiting state. */
export const withAllowedActions =
  (actor: Actor) =>
  <Entry extends DeskEntry>({ waiting, ...entry }: Entry) => ({
    ...entry,
    allowedActions: articleActionsFor(actor, { ...entry, waiting }),
  });
