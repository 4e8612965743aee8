import type { JobHandler } from './job-ports.js';

/**
 * A job handler whose `run` is typed by its payload schema; it joins the runner's record of
 * handlers of every kind.
 */
export const jobHandler = <Payload>(handler: JobHandler<Payload>): JobHandler => handler;
