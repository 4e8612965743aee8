import { describe, expect, it } from 'vitest';
import { editDistance, isNearMiss } from './near-miss.js';

describe('a typo’s distance from a known word', () => {
  it('counts a missing, extra, wrong or swapped letter as one', () => {
    expect(editDistance('erdogn', 'erdogan')).toBe(1);
    expect(editDistance('erdogaan', 'erdogan')).toBe(1);
    expect(editDistance('erdigan', 'erdogan')).toBe(1);
    expect(editDistance('erdgoan', 'erdogan')).toBe(1);
    expect(editDistance('muscat', 'sohar')).toBe(4);
  });

  it('allows one slip in a short word and two in a long one, never in a very short one', () => {
    expect(isNearMiss('erdogn', 'erdogan')).toBe(true);
    expect(isNearMiss('erdgn', 'erdogan')).toBe(false);
    expect(isNearMiss('cilvegzu', 'cilvegozu')).toBe(true);
    expect(isNearMiss('cilvgzu', 'cilvegozu')).toBe(false);
    expect(isNearMiss('kilvegzu', 'cilvegozu')).toBe(true);
    expect(isNearMiss('cat', 'car')).toBe(false);
    expect(isNearMiss('erdogan', 'erdogan')).toBe(false);
  });
});
