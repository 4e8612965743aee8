/**
 * PostgreSQL parses and plans a statement sent as text every time; the article page's query
 * took it three times as long to plan as to run. Statements named here are sent as named
 * prepared statements instead, parsed and planned once on each connection. Only the few
 * queries compiled once (reusable-query.ts) are named: each name lives as long as its
 * connection, so SQL that varies (IN-lists) must never be.
 */
import type pg from 'pg';

const names = new Map<string, string>();

/** Sends this SQL, from now on, as a named prepared statement. */
export function prepareStatement(sql: string): void {
  if (!names.has(sql)) names.set(sql, `dateline_${names.size + 1}`);
}

type Client = pg.PoolClient;

/** The client as Kysely sees it: the same client, but named statements go as prepared. */
function preparingClient(client: Client): Client {
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  return new Proxy(client, {
    get(target, property, receiver) {
      if (property !== 'query') return Reflect.get(target, property, receiver) as unknown;
      return (text: unknown, ...rest: unknown[]) => {
        const name = typeof text === 'string' ? names.get(text) : undefined;
        return name === undefined ? query(text, ...rest) : query({ name, text, values: rest[0] });
      };
    },
  });
}

/** The pool as Kysely's dialect wants it, each client lent through `preparingClient`. */
export function preparingPool(pool: pg.Pool) {
  const wrapped = new WeakMap<Client, Client>();
  return {
    async connect(): Promise<Client> {
      const client = await pool.connect();
      let lent = wrapped.get(client);
      if (!lent) {
        lent = preparingClient(client);
        wrapped.set(client, lent);
      }
      return lent;
    },
    end: () => pool.end(),
  };
}
