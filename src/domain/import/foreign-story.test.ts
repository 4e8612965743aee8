import { describe, expect, it } from 'vitest';
import { foreignLabel, oldPathOf } from './foreign-story.js';

describe('an imported story’s old address and name', () => {
  it('keeps the path and query of an old address, without host or trailing slash', () => {
    expect(oldPathOf('https://old.example/2019/05/01/harbour/')).toBe('/2019/05/01/harbour');
    expect(oldPathOf('/blog/basic-post.html')).toBe('/blog/basic-post.html');
    expect(oldPathOf('https://old.example/?p=12')).toBe('/?p=12');
  });

  it('has no old address for the site’s home or an empty link', () => {
    expect(oldPathOf('https://old.example/')).toBeNull();
    expect(oldPathOf('')).toBeNull();
  });

  it('names an item by its id and title for the report', () => {
    expect(foreignLabel('12', 'Harbour reopens')).toBe('#12 "Harbour reopens"');
    expect(foreignLabel('12', '')).toBe('#12');
    expect(foreignLabel('', '')).toBe('an untitled item');
  });
});
