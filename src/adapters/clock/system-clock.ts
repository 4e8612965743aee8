import type { Clock } from '../../services/ports.js';

/** The real time, or a fixed instant when DATELINE_NOW froze it. */
export const systemClock = (frozen?: Date): Clock =>
  frozen ? { now: () => new Date(frozen.getTime()) } : { now: () => new Date() };
