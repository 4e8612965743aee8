import { describe, expect, it } from 'vitest';
import { checkedFeedUrl, nextPollAfterFailure, nextPollAfterSuccess } from './wire-source.js';

const now = new Date('2026-12-06T10:00:00Z');
const minutesAfterNow = (date: Date) => (date.getTime() - now.getTime()) / 60_000;

describe('a wire source’s polling', () => {
  it('is due again one interval after a success', () => {
    expect(minutesAfterNow(nextPollAfterSuccess(now, 15))).toBe(15);
  });

  it('backs off after errors by doubling the interval, up to six hours', () => {
    const waits = [1, 2, 3, 4, 10].map((failures) =>
      minutesAfterNow(nextPollAfterFailure(now, 15, failures)),
    );
    expect(waits).toEqual([30, 60, 120, 240, 360]);
  });

  it('never polls a daily source more often than daily because it failed', () => {
    expect(minutesAfterNow(nextPollAfterFailure(now, 1440, 3))).toBe(1440);
  });
});

describe('a feed’s address', () => {
  it('is taken when it is an http or https URL', () => {
    expect(checkedFeedUrl(' https://agency.example/feed.xml ')).toBe(
      'https://agency.example/feed.xml',
    );
  });

  it('is refused, naming the field, when it is not', () => {
    const refusalOf = (location: string) => {
      try {
        checkedFeedUrl(location);
      } catch (error) {
        return error;
      }
      return undefined;
    };
    for (const bad of ['file:///etc/passwd', 'agency.example/feed', 'ftp://agency.example/x'])
      expect(refusalOf(bad), bad).toMatchObject({ field: 'location', kind: 'invalid' });
  });
});
