import type { Role } from '../../domain/roles/role.js';
import { authorize } from '../../domain/roles/permissions.js';
import type { Actor } from '../../domain/roles/role.js';
import type { Stores } from '../ports.js';
import type { AccountUseCaseDeps } from './account-deps.js';

/** An invitation still waiting to be taken up, as the users page lists it. */
export interface PendingInvitation {
  email: string;
  role: Role | null;
  invitedBy: string | null;
  invitedAt: Date;
  expiresAt: Date;
  expired: boolean;
}

/** The invitations not yet used nor revoked, newest first: one per address, expired ones too. */
export async function listInvitations(
  deps: AccountUseCaseDeps<Pick<Stores, 'oneTimeTokens' | 'users'>>,
  actor: Actor,
): Promise<PendingInvitation[]> {
  authorize(actor, 'user.manage');
  const { stores } = deps.storage;
  const now = deps.clock.now();
  const open = await stores.oneTimeTokens.listOpenInvitations();
  const newest = open.filter((link, i) => open.findIndex((l) => l.email === link.email) === i);
  const inviters = new Map<number, string>();
  for (const id of new Set(newest.map((link) => link.createdBy))) {
    const inviter = id === null ? undefined : await stores.users.findById(id);
    if (inviter) inviters.set(inviter.id, inviter.name || inviter.email);
  }
  return newest.map((link) => ({
    email: link.email,
    role: link.role,
    invitedBy: link.createdBy === null ? null : (inviters.get(link.createdBy) ?? null),
    invitedAt: link.createdAt,
    expiresAt: link.expiresAt,
    expired: link.expiresAt <= now,
  }));
}
