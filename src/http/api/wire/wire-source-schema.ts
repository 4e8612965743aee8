import { z } from 'zod';
import { recordIdParam } from '../../../domain/validation.js';
import { POLL_MINUTES, WIRE_SOURCE_KINDS } from '../../../domain/wire/wire-source.js';

/** A source's settings, as the desk sends them whole when adding or changing one. */
const wireSourceSettings = z.object({
  name: z.string().trim().min(1, 'name the source').max(120),
  agency: z.string().trim().min(1, 'name the agency its copy is signed off as').max(120),
  kind: z.enum(WIRE_SOURCE_KINDS),
  /** A feed's http(s) URL, or a drop folder's path under the drop folders' root. */
  location: z.string().trim().min(1, 'give the feed’s address or the folder’s path').max(2000),
  intervalMinutes: z
    .number()
    .int()
    .min(POLL_MINUTES.min, `must be ${POLL_MINUTES.min} to ${POLL_MINUTES.max} minutes`)
    .max(POLL_MINUTES.max, `must be ${POLL_MINUTES.min} to ${POLL_MINUTES.max} minutes`),
  enabled: z.boolean().default(true),
});

export const listWireSourcesInput = z.object({}).strict();
export const addWireSourceInput = wireSourceSettings.strict();
export const changeWireSourceInput = wireSourceSettings.extend({ id: recordIdParam }).strict();
export const wireSourceIdInput = z.object({ id: recordIdParam }).strict();

const instant = z.string().datetime().nullable();

/** A source with its health, as the desk's Sources list shows it. */
export const wireSourceOutput = z.object({
  id: z.number().int(),
  name: z.string(),
  agency: z.string(),
  kind: z.enum(WIRE_SOURCE_KINDS),
  location: z.string(),
  intervalMinutes: z.number().int(),
  enabled: z.boolean(),
  /** When the poller reads it next: the interval after a success, longer after errors. */
  nextPollAt: z.string().datetime(),
  lastPolledAt: instant,
  lastSuccessAt: instant,
  lastError: z.string().nullable(),
  lastErrorAt: instant,
  /** Items queued or updated by the last successful poll. */
  lastReceived: z.number().int().nullable(),
  /** Errors in a row since the last success. */
  failures: z.number().int(),
});

export const wireSourceListOutput = z.object({
  sources: z.array(wireSourceOutput),
  /** What the poll interval may be, in minutes. */
  intervalMinutes: z.object({ min: z.number().int(), max: z.number().int() }),
});
export const oneWireSourceOutput = z.object({ source: wireSourceOutput });

export type WireSourceView = z.infer<typeof wireSourceOutput>;
