import { describe, expect, it } from 'vitest';
import { confusableSkeleton, scriptsOf } from './confusable-skeleton.js';

describe('look-alike addresses', () => {
  it('share a skeleton when they differ only by letters drawn alike', () => {
    const chief = confusableSkeleton('chief@paper.example');
    for (const twin of [
      'сһіеf@paper.example', // Cyrillic с, һ, і, е
      'chief@pαper.example', // Greek α
      'chief@paper.exampl\u0435',
      'chïef@paper.example',
    ])
      expect(confusableSkeleton(twin), twin).toBe(chief);
    expect(confusableSkeleton('0ne1@paper.example')).toBe(confusableSkeleton('onel@paper.example'));
  });

  it('keep different addresses apart', () => {
    expect(confusableSkeleton('chief@paper.example')).not.toBe(
      confusableSkeleton('chef@paper.example'),
    );
    expect(confusableSkeleton('amal@paper.example')).not.toBe(
      confusableSkeleton('amel@paper.example'),
    );
  });

  it('tell the alphabets of a word apart, ignoring digits and punctuation', () => {
    expect([...scriptsOf('amal.haddad-2')]).toEqual(['Latin']);
    expect([...scriptsOf('сhief')].sort()).toEqual(['Cyrillic', 'Latin']);
    expect([...scriptsOf('田中さん')]).toEqual(['CJK']);
    expect(scriptsOf('2024').size).toBe(0);
  });
});
