import { describe, expect, it } from 'vitest';
import type { DomainError } from '../errors.js';
import { normalizeEmail } from './email.js';

const refusal = (email: string) => {
  try {
    normalizeEmail(email);
  } catch (error) {
    return error as DomainError;
  }
  return undefined;
};

describe('email addresses', () => {
  it('are kept trimmed and in lower case, so one person has one account', () => {
    expect(normalizeEmail('  Amal.Haddad@Paper.Example ')).toBe('amal.haddad@paper.example');
    expect(normalizeEmail('editor@localhost')).toBe('editor@localhost');
  });

  it('are refused when empty or not an address, naming the field', () => {
    expect(() => normalizeEmail('   ')).toThrow('email: must not be empty');
    for (const bad of ['amal', 'amal@', '@paper.example', 'amal haddad@paper.example', 'a@b@c']) {
      expect(() => normalizeEmail(bad)).toThrow(/^email: must be an email address/);
    }
    expect(() => normalizeEmail(`${'a'.repeat(250)}@b.cd`)).toThrow(/email address/);
  });

  it('may be written in any one alphabet, as people’s names are', () => {
    expect(normalizeEmail('أمل@صحيفة.مثال')).toBe('أمل@صحيفة.مثال');
    expect(normalizeEmail('иван@газета.рф')).toBe('иван@газета.рф');
    expect(normalizeEmail('josé.núñez@paper.example')).toBe('josé.núñez@paper.example');
    expect(normalizeEmail('田中さん@paper.example')).toBe('田中さん@paper.example');
  });

  it('refuses a Cyrillic letter among Latin ones, in the name or the domain', () => {
    for (const spoof of ['\u0441hief@paper.example', 'chief@p\u0430per.example']) {
      expect(refusal(spoof)).toMatchObject({ kind: 'invalid', field: 'email' });
      expect(refusal(spoof)?.message).toMatch(/^email: mixes letters of different alphabets/);
    }
    expect(refusal('chief@paper.\u03bfrg')?.field).toBe('email');
  });

  it('refuses full-width and styled letters that only look like plain ones', () => {
    for (const spoof of [
      'ｃｈｉｅｆ@paper.example',
      'chief@paper.ｅｘａｍｐｌｅ',
      '𝐜hief@paper.example',
    ]) {
      expect(refusal(spoof)?.message).toBe(
        'email: must be written in plain letters, not full-width or styled ones',
      );
    }
  });

  it('refuses a domain with a trailing dot or an empty part', () => {
    for (const spoof of ['chief@paper.example.', 'chief@paper..example', 'chief@.paper.example']) {
      expect(refusal(spoof)?.message).toBe(
        'email: the domain must not have empty parts or end with a dot',
      );
    }
  });
});
