import type { Clock, Storage } from '../ports.js';

/** What the newsroom's article use cases need. */
export interface NewsroomDeps {
  storage: Storage;
  clock: Clock;
}
