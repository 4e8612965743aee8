import { describe, expect, it } from 'vitest';
import { foldText, foldWithOffsets, searchWords } from './fold-text.js';

describe('folding text for search', () => {
  it('drops diacritics, so a name typed without them finds it written with them', () => {
    expect(foldText('Cilvegözü')).toBe('cilvegozu');
    expect(foldText('Erdoğan İstanbul Łódź Straße')).toBe('erdogan istanbul lodz strasse');
  });

  it('drops harakat and tatweel from Arabic', () => {
    expect(foldText('مُحَمَّد')).toBe('محمد');
    expect(foldText('الســلام')).toBe('السلام');
  });

  it('writes every alef, hamza seat, taa marbuta and alef maqsura one way', () => {
    expect(foldText('أحمد إبراهيم آمنة ٱلله')).toBe('احمد ابراهيم امنه الله');
    expect(foldText('مؤتمر')).toBe('موتمر');
    expect(foldText('رئيس')).toBe('رييس');
    expect(foldText('مستشفى')).toBe('مستشفي');
    expect(foldText('٢٠٢٤')).toBe('2024');
  });

  it('splits words at anything that is not a letter or a digit', () => {
    expect(searchWords('Snake_case, e-mail: 100% "OR" *')).toEqual([
      'snake',
      'case',
      'e',
      'mail',
      '100',
      'or',
    ]);
  });

  it('folds character by character as it folds the whole, knowing where each came from', () => {
    const text = 'Sigma ΣΟΦΟΣ at Cilvegözü, أَحْمَد';
    const { folded, origins } = foldWithOffsets(text);
    expect(searchWords(folded)).toEqual(searchWords(text));
    const at = folded.indexOf('cilvegozu');
    expect(text.slice(origins[at], origins[at + 'cilvegozu'.length])).toBe('Cilvegözü');
  });
});
