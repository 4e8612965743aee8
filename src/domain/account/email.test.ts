import { describe, expect, it } from 'vitest';
import { normalizeEmail } from './email.js';

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
});
