/** What operations (health checks, metrics) ask of the database behind the stores. */

/** Whether the database can serve this process: it answers, and its schema is this code's. */
export interface DatabaseReadiness {
  /** Null when a trivial query answered in time; else what went wrong, for a person to read. */
  problem: string | null;
  /** Migrations this code knows that the database has not applied, in order. */
  pendingMigrations: string[];
}

/** A connection pool's state (PostgreSQL); SQLite has one connection and no pool. */
export interface PoolStats {
  total: number;
  idle: number;
  /** Queries waiting for a connection: a full pool. */
  waiting: number;
  max: number;
}
