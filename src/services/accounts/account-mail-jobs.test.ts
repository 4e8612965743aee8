import { describe, expect, it } from 'vitest';
import {
  INVITATION_MAIL_JOB,
  MAIL_RETRY_BUDGET_MS,
  mailRetryDelay,
  PASSWORD_RESET_MAIL_JOB,
} from './account-mail-jobs.js';

const MINUTE = 60_000;

/** Every wait until the schedule gives up, and how long they add up to. */
function schedule(budgetMs: number) {
  const waits: number[] = [];
  for (let attempts = 1; ; attempts++) {
    const wait = mailRetryDelay(attempts, budgetMs);
    if (wait === null) return { waits, total: waits.reduce((sum, w) => sum + w, 0) };
    waits.push(wait);
  }
}

describe('retrying mail', () => {
  it('waits 30 seconds, then twice as long each time, never more than 15 minutes', () => {
    const { waits } = schedule(MAIL_RETRY_BUDGET_MS[INVITATION_MAIL_JOB]);
    expect(waits.slice(0, 7)).toEqual([0.5, 1, 2, 4, 8, 15, 15].map((m) => m * MINUTE));
    expect(Math.max(...waits)).toBe(15 * MINUTE);
  });

  it('gives a password reset up within an hour, and an invitation within a day', () => {
    const reset = schedule(MAIL_RETRY_BUDGET_MS[PASSWORD_RESET_MAIL_JOB]);
    expect(reset.total).toBeLessThanOrEqual(60 * MINUTE);
    expect(reset.total).toBeGreaterThan(45 * MINUTE);
    const invitation = schedule(MAIL_RETRY_BUDGET_MS[INVITATION_MAIL_JOB]);
    expect(invitation.total).toBeLessThanOrEqual(24 * 60 * MINUTE);
    expect(invitation.total).toBeGreaterThan(23 * 60 * MINUTE);
  });
});
