/**
 * A wire source (ADR 0058): an agency feed over HTTP or a drop folder on the server's disk,
 * read by the polling job every so many minutes, and the health the desk sees of it. The
 * backoff after errors is decided here, so the job and its tests agree on it.
 */
import { invalid } from '../errors.js';

/** What a source is: a feed over HTTP in one of the agency formats, or a drop folder. */
export const WIRE_SOURCE_KINDS = ['feed', 'newsml-g2', 'nitf', 'ninjs', 'drop-folder'] as const;
export type WireSourceKind = (typeof WIRE_SOURCE_KINDS)[number];

/** The interval's bounds: once a minute at most, once a day at least. */
export const POLL_MINUTES = { min: 1, max: 1440 } as const;

/** However many errors in a row, a source is tried again at least this often. */
export const BACKOFF_CAP_MINUTES = 360;

/** What the desk sets. */
export interface WireSourceSettings {
  name: string;
  /** The agency its copy is signed off as when an item names none. */
  agency: string;
  kind: WireSourceKind;
  /** The feed's URL, or the drop folder's path (under the configured drop root). */
  location: string;
  intervalMinutes: number;
  enabled: boolean;
}

/** What the polling job records. */
export interface WireSourceHealth {
  nextPollAt: Date;
  lastPolledAt: Date | null;
  lastSuccessAt: Date | null;
  lastError: string | null;
  lastErrorAt: Date | null;
  /** Items queued or updated by the last successful poll (0 for a 304). */
  lastReceived: number | null;
  /** Errors in a row since the last success. */
  failures: number;
  /** The validators the feed's server last answered with, sent back on the next poll. */
  etag: string | null;
  lastModified: string | null;
}

export interface WireSource extends WireSourceSettings, WireSourceHealth {
  id: number;
  createdAt: Date;
  updatedAt: Date;
}

export const isFeedKind = (kind: WireSourceKind) => kind !== 'drop-folder';

/** A feed's address, refused unless it is an absolute http(s) URL. */
export function checkedFeedUrl(location: string): string {
  const url = URL.parse(location.trim());
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:'))
    throw invalid('must be an http:// or https:// address of the feed', 'location');
  return url.toString();
}

const MINUTE = 60_000;

/** When a source polled successfully at `now` is due again. */
export const nextPollAfterSuccess = (now: Date, intervalMinutes: number) =>
  new Date(now.getTime() + intervalMinutes * MINUTE);

/**
 * When a source is due again after its `failures`-th error in a row: the interval doubled for
 * each, up to the cap (or the interval itself, when that is longer), so a broken feed is not
 * hammered and a mended one is found again within hours.
 */
export function nextPollAfterFailure(now: Date, intervalMinutes: number, failures: number) {
  const cap = Math.max(BACKOFF_CAP_MINUTES, intervalMinutes);
  const minutes = Math.min(intervalMinutes * 2 ** Math.min(failures, 20), cap);
  return new Date(now.getTime() + minutes * MINUTE);
}
