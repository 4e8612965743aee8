import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, type TestDatabase } from '../../test/test-databases.js';
import type { User } from '../domain/account/user.js';
import { openStorage, type OpenedStorage } from './open-storage.js';

const at = (iso: string) => new Date(iso);
const hashOf = (n: number) => n.toString(16).padStart(64, '0');

describe.each(ENGINES)('account stores on $engine', ({ create }) => {
  let database: TestDatabase;
  let storage: OpenedStorage;
  let amal: User;
  let badr: User;

  beforeAll(async () => {
    database = await create();
    storage = openStorage(database.url);
    await storage.migrate();
    const { users } = storage.stores;
    amal = await users.create(
      { email: 'amal@paper.example', name: 'Amal', role: 'editor_in_chief', passwordHash: 'h1' },
      at('2024-01-01T00:00:00Z'),
    );
    badr = await users.create(
      { email: 'badr@paper.example', name: 'Badr', role: 'writer', passwordHash: 'h2' },
      at('2024-02-01T00:00:00Z'),
    );
  });

  afterAll(async () => {
    await storage?.close();
    await database?.drop();
  });

  describe('users', () => {
    it('keeps a member whole, and their password hash apart from them', async () => {
      const { users } = storage.stores;
      expect(await users.findByEmail('amal@paper.example')).toEqual({
        id: amal.id,
        email: 'amal@paper.example',
        name: 'Amal',
        role: 'editor_in_chief',
        authorId: null,
        createdAt: at('2024-01-01T00:00:00Z'),
        disabledAt: null,
      });
      expect(await users.findById(badr.id)).toEqual(badr);
      expect(await users.passwordHashOf(badr.id)).toBe('h2');
      expect(await users.findByEmail('nobody@paper.example')).toBeUndefined();
      expect(await users.any()).toBe(true);
    });

    it('refuses a second account for the same address as a conflict', async () => {
      await expect(
        storage.stores.users.create(
          { email: 'amal@paper.example', name: 'Other', role: 'writer', passwordHash: 'x' },
          new Date(),
        ),
      ).rejects.toMatchObject({
        kind: 'conflict',
        message: 'amal@paper.example already has an account',
      });
    });

    it('changes role and switches accounts off and on, counting only active members', async () => {
      const { users } = storage.stores;
      const carla = await users.create(
        { email: 'carla@paper.example', name: 'Carla', role: 'writer', passwordHash: 'h3' },
        at('2024-03-01T00:00:00Z'),
      );
      await users.update(carla.id, { role: 'editor_in_chief' }, new Date());
      expect(await users.countActive('editor_in_chief')).toBe(2);
      await users.update(carla.id, { disabledAt: at('2024-04-01T00:00:00Z') }, new Date());
      expect(await users.countActive('editor_in_chief')).toBe(1);
      expect((await users.findById(carla.id))?.disabledAt).toEqual(at('2024-04-01T00:00:00Z'));
      await users.update(carla.id, { disabledAt: null, passwordHash: 'h4' }, new Date());
      expect((await users.findById(carla.id))?.disabledAt).toBeNull();
      expect(await users.passwordHashOf(carla.id)).toBe('h4');
      expect((await users.list()).map((u) => u.name)).toEqual(['Amal', 'Badr', 'Carla']);
    });
  });

  describe('sessions', () => {
    const session = (n: number, userId: number, expiresAt: string) => ({
      tokenHash: hashOf(n),
      userId,
      csrfToken: `csrf-${n}`,
      createdAt: at('2024-05-01T00:00:00Z'),
      lastSeenAt: at('2024-05-01T00:00:00Z'),
      expiresAt: at(expiresAt),
      userAgent: 'Firefox',
      ip: '192.0.2.1',
    });

    it('finds a session with its member in one query, neither’s columns mixed up', async () => {
      const { sessions } = storage.stores;
      await sessions.create(session(1, badr.id, '2024-05-15T00:00:00Z'));
      const found = await sessions.find(hashOf(1));
      expect(found?.session).toEqual(session(1, badr.id, '2024-05-15T00:00:00Z'));
      expect(found?.user).toEqual(badr);
      expect(await sessions.find(hashOf(999))).toBeUndefined();
      await sessions.touch(hashOf(1), at('2024-05-02T00:00:00Z'));
      expect((await sessions.find(hashOf(1)))?.session.lastSeenAt).toEqual(
        at('2024-05-02T00:00:00Z'),
      );
    });

    it('ends one session, all of a member’s, or the expired and long-unused ones', async () => {
      const { sessions } = storage.stores;
      await sessions.create(session(2, amal.id, '2024-05-15T00:00:00Z'));
      await sessions.create(session(3, amal.id, '2024-05-15T00:00:00Z'));
      await sessions.create(session(4, amal.id, '2024-05-03T00:00:00Z'));
      await sessions.create(session(5, badr.id, '2024-05-03T00:00:00Z'));
      await sessions.delete(hashOf(2));
      expect(await sessions.find(hashOf(2))).toBeUndefined();
      await sessions.deleteExpired(at('2024-05-10T00:00:00Z'), at('2024-04-30T00:00:00Z'));
      expect(await sessions.find(hashOf(5))).toBeUndefined();
      expect(await sessions.find(hashOf(3))).toBeDefined();
      expect(await sessions.deleteAllOf(amal.id)).toBe(1);
      expect(await sessions.find(hashOf(3))).toBeUndefined();
      expect(await sessions.find(hashOf(1))).toBeDefined();
      await sessions.create(session(6, badr.id, '2024-05-15T00:00:00Z'));
      await sessions.touch(hashOf(6), at('2024-05-09T12:00:00Z'));
      // Session 1 was last seen on 2 May: unused for a week, it goes; session 6 stays.
      await sessions.deleteExpired(at('2024-05-10T00:00:00Z'), at('2024-05-09T00:00:00Z'));
      expect(await sessions.find(hashOf(1))).toBeUndefined();
      expect(await sessions.find(hashOf(6))).toBeDefined();
    });
  });

  describe('API tokens', () => {
    it('finds an active token with its owner, and lists a member’s tokens newest first', async () => {
      const { apiTokens } = storage.stores;
      const now = at('2024-06-01T00:00:00Z');
      const first = await apiTokens.create(
        { userId: badr.id, name: 'wire', tokenHash: 'a', expiresAt: at('2024-07-01T00:00:00Z') },
        now,
      );
      const second = await apiTokens.create(
        { userId: badr.id, name: 'rss', tokenHash: 'b', expiresAt: null },
        now,
      );
      expect(first).toEqual({
        id: first.id,
        userId: badr.id,
        name: 'wire',
        createdAt: now,
        lastUsedAt: null,
        revokedAt: null,
        expiresAt: at('2024-07-01T00:00:00Z'),
      });
      expect(second.expiresAt).toBeNull();
      expect(await apiTokens.findActive('a')).toEqual({ token: first, user: badr });
      expect((await apiTokens.listOf(badr.id)).map((t) => t.name)).toEqual(['rss', 'wire']);
      expect(await apiTokens.listOf(amal.id)).toEqual([]);
      await apiTokens.touch(second.id, at('2024-06-02T00:00:00Z'));
      expect((await apiTokens.findActive('b'))?.token.lastUsedAt).toEqual(
        at('2024-06-02T00:00:00Z'),
      );
    });

    it('revokes only its owner’s token, once', async () => {
      const { apiTokens } = storage.stores;
      const token = await apiTokens.create(
        { userId: badr.id, name: 'old', tokenHash: 'c', expiresAt: null },
        new Date(),
      );
      expect(await apiTokens.revoke(token.id, amal.id, new Date())).toBe(false);
      expect(await apiTokens.revoke(token.id, badr.id, at('2024-06-03T00:00:00Z'))).toBe(true);
      expect(await apiTokens.revoke(token.id, badr.id, new Date())).toBe(false);
      expect(await apiTokens.findActive('c')).toBeUndefined();
      const listed = (await apiTokens.listOf(badr.id)).find((t) => t.id === token.id);
      expect(listed?.revokedAt).toEqual(at('2024-06-03T00:00:00Z'));
    });

    it('revokes all of a member’s tokens at once, and nobody else’s', async () => {
      const { apiTokens } = storage.stores;
      const mine = { userId: amal.id, expiresAt: null };
      await apiTokens.create({ ...mine, name: 'one', tokenHash: 'd' }, new Date());
      await apiTokens.create({ ...mine, name: 'two', tokenHash: 'e' }, new Date());
      expect(await apiTokens.revokeAllOf(amal.id, at('2024-06-04T00:00:00Z'))).toBe(2);
      expect(await apiTokens.findActive('d')).toBeUndefined();
      expect(await apiTokens.findActive('e')).toBeUndefined();
      expect(await apiTokens.revokeAllOf(amal.id, new Date())).toBe(0);
      expect(await apiTokens.findActive('b')).toBeDefined();
    });
  });

  describe('single-use links', () => {
    it('keeps an invitation and lets it be used only once', async () => {
      const { oneTimeTokens } = storage.stores;
      const invitation = {
        purpose: 'invitation' as const,
        email: 'dina@paper.example',
        role: 'editor' as const,
        createdBy: amal.id,
        createdAt: at('2024-07-01T00:00:00Z'),
        expiresAt: at('2024-07-08T00:00:00Z'),
      };
      await oneTimeTokens.create(hashOf(10), invitation);
      expect(await oneTimeTokens.find(hashOf(10))).toEqual({
        ...invitation,
        usedAt: null,
        withdrawnAt: null,
      });
      expect(await oneTimeTokens.use(hashOf(10), at('2024-07-02T00:00:00Z'))).toBe(true);
      expect(await oneTimeTokens.use(hashOf(10), at('2024-07-03T00:00:00Z'))).toBe(false);
      expect((await oneTimeTokens.find(hashOf(10)))?.usedAt).toEqual(at('2024-07-02T00:00:00Z'));
      expect(await oneTimeTokens.use(hashOf(11), new Date())).toBe(false);
    });

    it('withdraws the unused reset links sent to an address, which can then not be used', async () => {
      const { oneTimeTokens } = storage.stores;
      const reset = (email: string) => ({
        purpose: 'password_reset' as const,
        email,
        role: null,
        createdBy: null,
        createdAt: at('2024-07-01T00:00:00Z'),
        expiresAt: at('2024-07-01T01:00:00Z'),
      });
      await oneTimeTokens.create(hashOf(20), reset('dina@paper.example'));
      await oneTimeTokens.create(hashOf(21), reset('dina@paper.example'));
      await oneTimeTokens.create(hashOf(22), reset('eli@paper.example'));
      await oneTimeTokens.withdrawResets('dina@paper.example', at('2024-07-01T00:10:00Z'));
      expect((await oneTimeTokens.find(hashOf(20)))?.withdrawnAt).toEqual(
        at('2024-07-01T00:10:00Z'),
      );
      expect(await oneTimeTokens.use(hashOf(21), at('2024-07-01T00:11:00Z'))).toBe(false);
      expect(await oneTimeTokens.use(hashOf(22), at('2024-07-01T00:11:00Z'))).toBe(true);
    });
  });

  describe('failed sign-ins', () => {
    it('counts failures per key within a window, and forgets them', async () => {
      const { loginFailures } = storage.stores;
      await loginFailures.record(['email:x', 'ip:1'], at('2024-08-01T10:00:00Z'));
      await loginFailures.record(['email:x'], at('2024-08-01T10:05:00Z'));
      await loginFailures.record(['email:x'], at('2024-08-01T10:10:00Z'));
      expect(await loginFailures.since('email:x', at('2024-08-01T10:01:00Z'))).toEqual({
        count: 2,
        oldest: at('2024-08-01T10:05:00Z'),
      });
      expect(await loginFailures.since('ip:1', at('2024-08-01T09:00:00Z'))).toEqual({
        count: 1,
        oldest: at('2024-08-01T10:00:00Z'),
      });
      expect(await loginFailures.since('ip:2', at('2024-08-01T09:00:00Z'))).toEqual({
        count: 0,
        oldest: null,
      });
      await loginFailures.prune(at('2024-08-01T10:05:00Z'));
      expect((await loginFailures.since('email:x', at('2024-08-01T00:00:00Z'))).count).toBe(1);
      await loginFailures.clear('email:x');
      expect((await loginFailures.since('email:x', at('2024-08-01T00:00:00Z'))).count).toBe(0);
    });
  });
});
