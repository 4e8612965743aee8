import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  createPostgresDatabase,
  createSqliteDatabase,
  type TestDatabase,
} from '../../test/test-databases.js';
import { LISTENER_APPLICATION_NAME, postgresBroadcast } from './change-broadcast.js';
import { openStorage, type OpenedStorage } from './open-storage.js';

/** What one listener was told, in order. */
function recorder() {
  const told: string[] = [];
  return {
    told,
    listener: {
      stale: (keys: readonly string[]) => told.push(keys.join(' ')),
      lost: () => told.push('lost'),
    },
  };
}

/** Waits for a condition that another session brings about; fails the test if it never does. */
async function until(what: string, check: () => boolean | Promise<boolean>) {
  const deadline = Date.now() + 10_000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`never happened: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('the change broadcast on PostgreSQL', () => {
  let database: TestDatabase;
  let storage: OpenedStorage;
  const opened: { close(): Promise<void> }[] = [];
  /** A broadcast as another instance on the same database would have it. */
  const instance = (reconnection?: { firstMs: number; maxMs: number }) => {
    const broadcast = postgresBroadcast(storage.kysely, database.url, reconnection);
    opened.push(broadcast);
    return broadcast;
  };

  const listeningSessions = async () => {
    const { rows } = await sql<{ n: number }>`
      select count(*)::int as n from pg_stat_activity
      where datname = current_database() and application_name = ${LISTENER_APPLICATION_NAME}`.execute(
      storage.kysely,
    );
    return rows[0]?.n;
  };

  beforeAll(async () => {
    database = await createPostgresDatabase();
    storage = openStorage(database.url);
  });

  afterEach(async () => {
    await Promise.all(opened.splice(0).map((broadcast) => broadcast.close()));
  });

  afterAll(async () => {
    await storage.close();
    await database.drop();
  });

  it('lets two instances hear each other, and tells an instance of its own change once', async () => {
    const [a, b] = [instance(), instance()];
    const [heardByA, heardByB] = [recorder(), recorder()];
    a.listen(heardByA.listener);
    b.listen(heardByB.listener);
    await Promise.all([a.listening(), b.listening()]);

    await a.announce(['article-1', 'lists']);
    expect(heardByA.told, 'told at once, before its NOTIFY comes back').toEqual([
      'article-1 lists',
    ]);
    await until('B hears A', () => heardByB.told.length > 0);
    await b.announce(['section-2']);
    // A's session receives notifications in commit order: its own echo came before B's.
    await until('A hears B', () => heardByA.told.length > 1);
    expect(heardByA.told).toEqual(['article-1 lists', 'section-2']);
    expect(heardByB.told).toEqual(['article-1 lists', 'section-2']);
  });

  it('announces without listening, and stops telling a listener that has stopped', async () => {
    const [a, b] = [instance(), instance()];
    const heard = recorder();
    const stop = b.listen(heard.listener);
    await b.listening();
    await a.announce(['article-3']);
    await until('B hears A', () => heard.told.length > 0);
    stop();
    await a.announce(['article-4']);
    await b.announce(['article-5']);
    expect(heard.told).toEqual(['article-3']);
    // Sessions of earlier tests' closed broadcasts may linger a moment in pg_stat_activity.
    await until('only B holds a listening session', async () => (await listeningSessions()) === 1);
  });

  it('tells listeners lost() when the session is cut, then listens again', async () => {
    const [a, b] = [instance(), instance({ firstMs: 50, maxMs: 200 })];
    const heard = recorder();
    b.listen(heard.listener);
    await b.listening();

    await sql`select pg_terminate_backend(pid) from pg_stat_activity
      where datname = current_database() and application_name = ${LISTENER_APPLICATION_NAME}`.execute(
      storage.kysely,
    );
    // Once when cut, once more when listening again: pages cached in between may be old.
    await until('B has reconnected', () => heard.told.length === 2);
    expect(heard.told).toEqual(['lost', 'lost']);
    await b.listening();
    await a.announce(['article-6']);
    await until('B hears A again', () => heard.told.length === 3);
    expect(heard.told[2]).toBe('article-6');
  });

  it('delivers an announcement bigger than one NOTIFY can carry', async () => {
    const [a, b] = [instance(), instance()];
    const heard = recorder();
    b.listen(heard.listener);
    await b.listening();

    const many = Array.from({ length: 2000 }, (_, i) => `article-${i}`);
    await a.announce(many);
    await until('B hears every key', () => heard.told.join(' ').split(' ').length >= many.length);
    expect(heard.told.length, 'in several messages').toBeGreaterThan(1);
    expect(heard.told.join(' ').split(' ')).toEqual(many);

    const everything = Array.from({ length: 20_000 }, (_, i) => `article-${i}`);
    const before = heard.told.length;
    await a.announce(everything);
    await until('B is told to forget everything', () => heard.told.length > before);
    expect(heard.told.slice(before)).toEqual(['lost']);
  });

  it('tells the other listeners and instances when one listener throws', async () => {
    const [a, b] = [instance(), instance()];
    const heard = recorder();
    const broken = {
      stale: () => {
        throw new Error('a broken cache');
      },
      lost: () => undefined,
    };
    a.listen(broken);
    b.listen(broken);
    b.listen(heard.listener);
    await b.listening();
    await a.announce(['article-9']);
    await a.announce(['article-10']);
    await until('B hears both', () => heard.told.length === 2);
    expect(heard.told).toEqual(['article-9', 'article-10']);
  });

  it('ends its listening session on close, and does not come back', async () => {
    const b = instance({ firstMs: 10, maxMs: 20 });
    b.listen(recorder().listener);
    await b.listening();
    await b.close();
    await until('no listening session is left', async () => (await listeningSessions()) === 0);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await listeningSessions()).toBe(0);
  });

  it('is not heard on another database of the same server', async () => {
    const other = await createPostgresDatabase();
    const elsewhere = openStorage(other.url);
    try {
      const [here, there] = [instance(), postgresBroadcast(elsewhere.kysely, other.url)];
      opened.push(there);
      const [heardHere, heardThere] = [recorder(), recorder()];
      here.listen(heardHere.listener);
      there.listen(heardThere.listener);
      await Promise.all([here.listening(), there.listening()]);
      await postgresBroadcast(storage.kysely, database.url).announce(['article-7']);
      await until('heard on its own database', () => heardHere.told.length > 0);
      await postgresBroadcast(elsewhere.kysely, other.url).announce(['article-8']);
      await until('heard on the other database', () => heardThere.told.length > 0);
      // Each session hears in commit order, so article-7 would have come before article-8.
      expect(heardThere.told).toEqual(['article-8']);
      expect(heardHere.told).toEqual(['article-7']);
    } finally {
      await elsewhere.close();
      await other.drop();
    }
  });
});

describe('the change broadcast on SQLite', () => {
  it('tells this process its own announcements, once, though a listener throws', async () => {
    const database = createSqliteDatabase();
    const storage = openStorage(database.url);
    try {
      const heard = recorder();
      storage.broadcast.listen({
        stale: () => {
          throw new Error('a broken cache');
        },
        lost: () => undefined,
      });
      const stop = storage.broadcast.listen(heard.listener);
      await storage.broadcast.announce(['article-1']);
      stop();
      await storage.broadcast.announce(['article-2']);
      expect(heard.told).toEqual(['article-1']);
    } finally {
      await storage.close();
      await database.drop();
    }
  });
});
