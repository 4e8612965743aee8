import { describe, expect, it } from 'vitest';
import {
  MAX_MESSAGES_PER_ANNOUNCEMENT,
  MAX_PAYLOAD_BYTES,
  decodeAnnouncement,
  encodeAnnouncement,
} from './change-broadcast-messages.js';

const keysOf = (payloads: string[]) =>
  payloads.flatMap((payload) => {
    const message = decodeAnnouncement(payload);
    return message && 'keys' in message ? message.keys : [];
  });

describe('announcements as NOTIFY payloads', () => {
  it('sends a few keys in one message that reads back as sent', () => {
    const payloads = encodeAnnouncement('instance-a', ['article-12', 'section-3', 'lists']);
    expect(payloads).toHaveLength(1);
    expect(decodeAnnouncement(payloads[0])).toEqual({
      from: 'instance-a',
      keys: ['article-12', 'section-3', 'lists'],
    });
  });

  it('splits many keys into messages each under the limit, losing none and repeating none', () => {
    const keys = Array.from({ length: 1500 }, (_, i) => `article-${i}`);
    const payloads = encodeAnnouncement('instance-a', [...keys, 'article-7']);
    expect(payloads.length).toBeGreaterThan(1);
    for (const payload of payloads) {
      expect(Buffer.byteLength(payload)).toBeLessThanOrEqual(MAX_PAYLOAD_BYTES);
    }
    expect(keysOf(payloads)).toEqual(keys);
  });

  it('counts bytes, not characters, for keys outside ASCII', () => {
    const keys = Array.from({ length: 800 }, (_, i) => `وسم-${i}`);
    const payloads = encodeAnnouncement('instance-a', keys);
    for (const payload of payloads) {
      expect(Buffer.byteLength(payload)).toBeLessThanOrEqual(MAX_PAYLOAD_BYTES);
    }
    expect(keysOf(payloads)).toEqual(keys);
  });

  it('says "stale everything" when the keys would take too many messages', () => {
    const perMessage = Math.floor(MAX_PAYLOAD_BYTES / '"article-100000",'.length);
    const keys = Array.from(
      { length: perMessage * (MAX_MESSAGES_PER_ANNOUNCEMENT + 1) },
      (_, i) => `article-${100_000 + i}`,
    );
    const payloads = encodeAnnouncement('instance-a', keys);
    expect(payloads.map(decodeAnnouncement)).toEqual([{ from: 'instance-a', all: true }]);
  });

  it('says "stale everything" for a key too long for any message', () => {
    const payloads = encodeAnnouncement('instance-a', ['x'.repeat(MAX_PAYLOAD_BYTES)]);
    expect(payloads.map(decodeAnnouncement)).toEqual([{ from: 'instance-a', all: true }]);
  });

  it.each([
    ['not JSON', '{'],
    ['no payload', undefined],
    ['a number', '12'],
    ['no sender', '{"keys":["lists"]}'],
    ['keys that are not text', '{"from":"b","keys":[1]}'],
    ['neither keys nor all', '{"from":"b"}'],
  ])('does not take %s for an announcement', (_, payload) => {
    expect(decodeAnnouncement(payload)).toBeUndefined();
  });
});
