import type { Clock, Reads, Storage, Transactions } from '../ports.js';

/** What the newsroom's article use cases need. */
export interface NewsroomDeps {
  storage: Storage;
  clock: Clock;
}

/**
 * What one article use case needs when it names the stores it touches (`S`, a Pick of Stores).
 * Callers pass their NewsroomDeps as they are; unit tests pass fakes of just those stores.
 */
export interface UseCaseDeps<S> {
  storage: Transactions<S>;
  clock: Clock;
}

/** What a read that names the stores it reads (`S`, a Pick of Stores) needs; NewsroomDeps fits. */
export interface ReadDeps<S> {
  storage: Reads<S>;
  clock: Clock;
}
