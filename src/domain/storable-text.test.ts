import { describe, expect, it } from 'vitest';
import { isUnstorableText, refuseUnstorableText, unstorableTextPath } from './storable-text.js';

describe('text both engines can store', () => {
  it('refuses a NUL and a lone surrogate, keeps every real character', () => {
    expect(isUnstorableText('a\0b')).toBe(true);
    expect(isUnstorableText('\uD83D')).toBe(true);
    expect(isUnstorableText('x\uDE00y')).toBe(true);
    expect(isUnstorableText('Muscat 😀 مسقط \u2028 \uFFFD \t')).toBe(false);
  });

  it('names a nested field by its path', () => {
    const body = { type: 'doc', content: [{}, {}, {}, { type: 'text', text: 'a\0' }] };
    expect(unstorableTextPath({ headline: 'ok', body })).toBe('body.content[3].text');
    expect(unstorableTextPath({ tags: ['ok', '\0'] })).toBe('tags[1]');
    expect(unstorableTextPath({ 'bad\0key': 1 })).toBe('bad\uFFFDkey');
    expect(unstorableTextPath({ n: 1, b: true, z: null, s: 'fine' })).toBeUndefined();
  });

  it('throws Invalid naming the field, or the whole value when it is a bare string', () => {
    expect(() => refuseUnstorableText({ email: 'a\0@b' })).toThrow(/^email: /);
    const refusal = (() => {
      try {
        refuseUnstorableText('\0', 'body');
      } catch (error) {
        return error;
      }
    })();
    expect(refusal).toMatchObject({ kind: 'invalid', field: 'body' });
  });
});
