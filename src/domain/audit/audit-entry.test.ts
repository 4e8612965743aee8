import { describe, expect, it } from 'vitest';
import { can } from '../roles/permissions.js';
import { ROLES, type Actor } from '../roles/role.js';
import { changedKeys, entryBy, safeDetails } from './audit-entry.js';

const actor = (role: Actor['role'], credential: Actor['credential'] = 'session'): Actor => ({
  userId: 7,
  role,
  credential,
  authorId: null,
});

describe('the audit trail’s rules', () => {
  it('is read by the editor-in-chief in person only', () => {
    const readers = ROLES.filter((role) => can(actor(role), 'audit.read'));
    expect(readers).toEqual(['editor_in_chief']);
    expect(can(actor('editor_in_chief', 'api_token'), 'audit.read')).toBe(false);
  });

  it('never keeps a password, secret, token or session, and clips long values', () => {
    const details = safeDetails({
      email: 'amal@paper.example',
      password: 'hunter2',
      newPassword: 'hunter3',
      secret: 'whsec_x',
      tokenHash: 'abc',
      sessionId: 's',
      note: 'x'.repeat(500),
    });
    expect(Object.keys(details)).toEqual(['email', 'note']);
    expect(details.note).toHaveLength(301);
  });

  it('names which settings changed, one level into nested ones, without their values', () => {
    const before = {
      name: 'The Daily',
      embeds: { allowedProviders: [] },
      hijri: { adjustDays: 0 },
    };
    const after = {
      name: 'The Daily',
      embeds: { allowedProviders: ['spotify'] },
      hijri: { adjustDays: 0 },
      tagline: 'News',
    };
    expect(changedKeys(before, after)).toEqual(['embeds.allowedProviders', 'tagline']);
    expect(changedKeys(undefined, { name: 'The Daily' })).toEqual(['name']);
  });

  it('takes who acted and from where from the actor, and a machine as it is', () => {
    const origin = { ip: '192.0.2.1', userAgent: 'Test/1.0' };
    expect(entryBy({ ...actor('editor'), origin }, 'article.killed')).toEqual({
      event: 'article.killed',
      actor: { kind: 'session', userId: 7 },
      origin,
    });
    expect(entryBy({ kind: 'cli', userId: null }, 'import.ran').actor).toEqual({
      kind: 'cli',
      userId: null,
    });
  });
});
