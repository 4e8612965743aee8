/**
 * What one instance NOTIFYs the others of a change, as text. PostgreSQL refuses a NOTIFY
 * payload of 8000 bytes or more, so the keys travel in as many messages as they need, up to a
 * bound; a change that stales more than that (a new masthead, a renamed section: every page)
 * is sent as one "stale everything" message instead.
 */

/** Under PostgreSQL's 8000-byte limit, with room to spare for the envelope. */
export const MAX_PAYLOAD_BYTES = 7900;
/** Beyond this many messages, one "stale everything" costs the listeners less than the keys. */
export const MAX_MESSAGES_PER_ANNOUNCEMENT = 8;

export type ChangeMessage =
  | { from: string; keys: string[] }
  /** Too much changed to name: every instance forgets all it has cached. */
  | { from: string; all: true };

const bytes = (text: string) => Buffer.byteLength(text, 'utf8');

/** The payloads announcing these keys from instance `from`, each under the NOTIFY limit. */
export function encodeAnnouncement(from: string, keys: readonly string[]): string[] {
  const everything = [JSON.stringify({ from, all: true } satisfies ChangeMessage)];
  const envelope = bytes(JSON.stringify({ from, keys: [] }));
  const payloads: string[] = [];
  let chunk: string[] = [];
  let size = envelope;
  for (const key of new Set(keys)) {
    const cost = bytes(JSON.stringify(key)) + 1; // and its comma
    if (envelope + cost > MAX_PAYLOAD_BYTES) return everything;
    if (size + cost > MAX_PAYLOAD_BYTES) {
      payloads.push(JSON.stringify({ from, keys: chunk }));
      chunk = [];
      size = envelope;
    }
    chunk.push(key);
    size += cost;
  }
  if (chunk.length > 0) payloads.push(JSON.stringify({ from, keys: chunk }));
  return payloads.length > MAX_MESSAGES_PER_ANNOUNCEMENT ? everything : payloads;
}

/**
 * Reads a payload; `undefined` when it is not one of ours (a stray NOTIFY on the channel, a
 * newer version's format), which the listener must treat as "something may have changed".
 */
export function decodeAnnouncement(payload: string | undefined): ChangeMessage | undefined {
  let message: unknown;
  try {
    message = JSON.parse(payload ?? '');
  } catch {
    return undefined;
  }
  if (typeof message !== 'object' || message === null) return undefined;
  const { from, keys, all } = message as Record<string, unknown>;
  if (typeof from !== 'string') return undefined;
  if (all === true) return { from, all: true };
  if (Array.isArray(keys) && keys.every((key) => typeof key === 'string')) {
    return { from, keys };
  }
  return undefined;
}
