import { roleLabel } from '../../domain/account/user.js';
import { loadPublicationSettings } from '../publication-cache.js';
import type { Stores } from '../ports.js';
import type { AccountUseCaseDeps } from './account-deps.js';
import { reissueOneTimeLink } from './one-time-link.js';

/**
 * Mails the pending invitation of this address with a link made now, so the queue never
 * holds its secret; the background half of inviting. Nothing is sent once the invitation was
 * used or has expired.
 */
export async function sendInvitation(
  deps: AccountUseCaseDeps<Pick<Stores, 'oneTimeTokens' | 'users' | 'settings'>>,
  email: string,
): Promise<void> {
  const { stores } = deps.storage;
  const reissued = await reissueOneTimeLink(deps, stores, 'invitation', email);
  if (!reissued) return;
  const { url, link } = reissued;
  if (link.role === null) throw new Error(`the invitation for ${email} names no role`);
  const inviter = link.createdBy === null ? undefined : await stores.users.findById(link.createdBy);
  const paper = (await loadPublicationSettings(stores)).name;
  await deps.mailer.send({
    to: email,
    subject: `You are invited to the newsroom of ${paper}`,
    text: [
      `${inviter?.name ?? 'Your editor-in-chief'} has invited you to join the newsroom of ${paper} as ${roleLabel(link.role)}.`,
      '',
      `Choose your name and password here (the link works once, until ${link.expiresAt.toUTCString()}):`,
      url,
    ].join('\n'),
  });
}
