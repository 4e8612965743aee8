import { describe, expect, it } from 'vitest';
import { initialOf, siteLogoSvg } from './site-logo.js';

describe('the site logo', () => {
  it('shows the first letter of the paper’s name, skipping a leading article', () => {
    expect(initialOf('The Daily Observer')).toBe('D');
    expect(initialOf('al-Watan')).toBe('W');
    expect(initialOf('Times of Oman')).toBe('T');
    expect(initialOf('عُمان')).toBe('ع');
    expect(initialOf('the')).toBe('T');
  });

  it('escapes the letter, so a name cannot break the SVG', () => {
    expect(siteLogoSvg('<Paper>')).toContain('>&lt;</text>');
    expect(siteLogoSvg('The Daily Observer')).toMatch(/width="512" height="512"/);
  });
});
