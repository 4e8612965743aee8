/** Filling a database with a synthetic archive, for the bench and the query-plan tests. */

export interface ArchiveSeedOptions {
  /** How many article rows to add (every state, not only published ones). */
  articles: number;
  /** How many sections the stories are spread over. */
  sections: number;
  /** The newest story is published a little before this time; the rest go back years. */
  now: Date;
}

export interface ArchiveSeedProgress {
  articles: number;
  of: number;
  elapsedMs: number;
}

export interface ArchiveSeedReport {
  articles: number;
  tags: number;
  authors: number;
  sections: number;
  elapsedMs: number;
}

/** Loads the archive in bulk: COPY on PostgreSQL, batched transactions on SQLite. */
export interface ArchiveSeeder {
  /** How many articles the database holds already. */
  articleCount(): Promise<number>;
  seed(
    options: ArchiveSeedOptions,
    progress?: (done: ArchiveSeedProgress) => void,
  ): Promise<ArchiveSeedReport>;
}
