import { describe, expect, it } from 'vitest';
import { searchSnippet, snippetHtml } from './search-snippet.js';

describe('a search result’s snippet', () => {
  it('marks the words searched for, as written in the story', () => {
    const parts = searchSnippet('Lorries queued at Cilvegözü all night.', ['cilvegozu']);
    expect(parts).toEqual([
      { text: 'Lorries queued at ', match: false },
      { text: 'Cilvegözü', match: true },
      { text: ' all night.', match: false },
    ]);
  });

  it('shows the passage around the first match, cut between words', () => {
    const text = `${'early words here '.repeat(20)}the ministry said ${'and more '.repeat(40)}`;
    const parts = searchSnippet(text, ['ministry'], 120) ?? [];
    const shown = parts.map((p) => p.text).join('');
    expect(shown.startsWith('…')).toBe(true);
    expect(shown.endsWith('…')).toBe(true);
    expect(shown.length).toBeLessThanOrEqual(122);
    expect(parts.filter((p) => p.match).map((p) => p.text)).toEqual(['ministry']);
  });

  it('marks whole words only, and is undefined when none is there', () => {
    expect(searchSnippet('Ministries met.', ['ministry'])).toBeUndefined();
  });

  it('escapes the story’s text in HTML', () => {
    const parts = searchSnippet('<b>Tom & Jerry</b> in "Muscat"', ['muscat']) ?? [];
    expect(snippetHtml(parts)).toBe(
      '&lt;b&gt;Tom &amp; Jerry&lt;/b&gt; in &quot;<mark>Muscat</mark>&quot;',
    );
  });
});
