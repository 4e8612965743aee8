import { describe, expect, it } from 'vitest';
import { apiTokenExpired, apiTokenExpiry, type ApiToken } from './api-token.js';

const now = new Date('2024-04-24T08:00:00Z');

describe('the life of an API token', () => {
  it('is chosen in whole days at creation, or lasts until revoked', () => {
    expect(apiTokenExpiry(now, 30)).toEqual(new Date('2024-05-24T08:00:00Z'));
    expect(apiTokenExpiry(now, undefined)).toBeNull();
    expect(apiTokenExpiry(now, null)).toBeNull();
  });

  it('is at least a day and at most a year and a day, naming the field', () => {
    for (const days of [0, -1, 1.5, 367])
      expect(() => apiTokenExpiry(now, days)).toThrow(
        /^expiresInDays: must be a whole number of days from 1 to 366/,
      );
  });

  it('ends at the chosen instant', () => {
    const token = { expiresAt: new Date('2024-05-01T00:00:00Z') } as ApiToken;
    expect(apiTokenExpired(token, new Date('2024-04-30T23:59:59Z'))).toBe(false);
    expect(apiTokenExpired(token, new Date('2024-05-01T00:00:00Z'))).toBe(true);
    expect(apiTokenExpired({ ...token, expiresAt: null }, new Date('2999-01-01'))).toBe(false);
  });
});
