import { tooManyRequests } from '../../domain/errors.js';

/**
 * How many uploads one member may have under way at once (being received, waiting for the
 * encoder or checked). The newsroom app sends three at a time, so two open tabs fit.
 */
export const UPLOADS_PER_MEMBER = 6;
/** How many uploads the process takes on at once, whoever sends them: each holds its file. */
export const UPLOADS_IN_PROCESS = 24;
/** What an upload is taken to last until one has been timed. */
const FIRST_GUESS_MS = 3_000;
/** Weight of the latest upload in the running estimate of how long one lasts. */
const SMOOTHING = 0.3;

/** One upload's place; released when the upload is over, however it ended. */
export interface UploadPlace {
  release(): void;
}

/**
 * The uploads under way. A place is taken before a byte of the file is read, so a queue that
 * is too deep is refused (429 with retryAfterSeconds) instead of filling memory with files.
 */
export interface UploadPlaces {
  take(memberId: number): UploadPlace;
}

export interface UploadLimits {
  perMember: number;
  inProcess: number;
}

/** Places for uploads, counted per member and in the whole process; `nowMs` is a monotonic clock. */
export function createUploadPlaces(
  nowMs: () => number,
  limits: UploadLimits = { perMember: UPLOADS_PER_MEMBER, inProcess: UPLOADS_IN_PROCESS },
): UploadPlaces {
  /** When each upload under way started, by member. */
  const underWay = new Map<number, Set<{ at: number }>>();
  let total = 0;
  let typicalMs = FIRST_GUESS_MS;

  /** Seconds until the oldest of these uploads is likely to be over, freeing its place. */
  const refuse = (message: string, uploads: { at: number }[]) => {
    const oldest = Math.min(...uploads.map((upload) => upload.at));
    const left = typicalMs - (nowMs() - oldest);
    const retryAfterSeconds = Math.min(60, Math.max(1, Math.ceil(left / 1000)));
    return tooManyRequests(`${message}; try again in ${retryAfterSeconds} s`, retryAfterSeconds);
  };

  return {
    take(memberId) {
      const mine = underWay.get(memberId) ?? new Set();
      if (mine.size >= limits.perMember) {
        throw refuse(`You have ${mine.size} photos uploading already`, [...mine]);
      }
      if (total >= limits.inProcess) {
        const everyone = [...underWay.values()].flatMap((uploads) => [...uploads]);
        throw refuse(`The newsroom is uploading ${total} photos at once`, everyone);
      }
      const upload = { at: nowMs() };
      underWay.set(memberId, mine.add(upload));
      total++;
      return {
        release() {
          if (!mine.delete(upload)) return;
          total--;
          if (mine.size === 0) underWay.delete(memberId);
          typicalMs += SMOOTHING * (nowMs() - upload.at - typicalMs);
        },
      };
    },
  };
}
