import { describe, expect, it } from 'vitest';
import { signOffSource } from './sign-off.js';

describe('the sign-off', () => {
  it('drops a dash the editor typed before the source, whichever dash it is', () => {
    for (const typed of ['— Agencies', '–Agencies', '- Agencies', '―  Agencies', 'Agencies'])
      expect(signOffSource(typed), typed).toBe('Agencies');
  });

  it('keeps dashes inside the source', () => {
    expect(signOffSource('— Reuters – AFP')).toBe('Reuters – AFP');
  });
});
