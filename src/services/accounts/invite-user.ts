import { normalizeEmail } from '../../domain/account/email.js';
import { roleLabel } from '../../domain/account/user.js';
import { entryBy } from '../../domain/audit/audit-entry.js';
import { conflict, forbidden } from '../../domain/errors.js';
import { authorize, canGrantRole } from '../../domain/roles/permissions.js';
import type { Actor, Role } from '../../domain/roles/role.js';
import type { AccountDeps } from './account-deps.js';
import { issueOneTimeLink } from './one-time-link.js';

/**
 * Invites someone into the newsroom with a role no higher than the inviter's own: mails them
 * a link, good for seven days and for one use, to choose their name and password.
 */
export async function inviteUser(
  deps: AccountDeps,
  actor: Actor,
  input: { email: string; role: Role },
): Promise<{ email: string; role: Role; expiresAt: Date }> {
  authorize(actor, 'user.manage');
  if (!canGrantRole(actor, input.role))
    throw forbidden(
      `You may not invite someone as ${roleLabel(input.role)}: that is above your own role`,
    );
  const email = normalizeEmail(input.email);
  const { stores } = deps.storage;
  if (await stores.users.findByEmail(email)) throw conflict(`${email} already has an account`);
  const inviter = await stores.users.findById(actor.userId);
  const { url, expiresAt } = await issueOneTimeLink(deps, stores, {
    purpose: 'invitation',
    email,
    role: input.role,
    createdBy: actor.userId,
  });
  const sent = { details: { email, role: input.role, expiresAt: expiresAt.toISOString() } };
  await stores.audit.record(entryBy(actor, 'invitation.sent', sent), deps.clock.now());
  await deps.mailer.send({
    to: email,
    subject: 'You are invited to the newsroom',
    text: [
      `${inviter?.name ?? 'Your editor-in-chief'} has invited you to join the newsroom as ${roleLabel(input.role)}.`,
      '',
      `Choose your name and password here (the link works once, until ${expiresAt.toUTCString()}):`,
      url,
    ].join('\n'),
  });
  return { email, role: input.role, expiresAt };
}
