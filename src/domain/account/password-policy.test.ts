import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.js';
import { checkPassword } from './password-policy.js';

const refusal = (password: string, email = 'amal@paper.example') => {
  try {
    checkPassword(password, email);
  } catch (error) {
    return error as DomainError;
  }
  return undefined;
};

describe('the password policy', () => {
  it('accepts a passphrase of twelve characters or more', () => {
    expect(refusal('twelve chars')).toBeUndefined();
    expect(refusal('كلمة مرور طويلة')).toBeUndefined();
  });

  it('refuses a password shorter than twelve characters, naming the field', () => {
    const error = refusal('eleven char');
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({
      kind: 'invalid',
      field: 'password',
      message: 'password: must be at least 12 characters',
    });
  });

  it('counts characters as people see them, not UTF-16 units', () => {
    expect(refusal('🗞️🗞️🗞️🗞️🗞️')?.field).toBe('password');
  });

  it('refuses a password longer than 256 characters', () => {
    expect(refusal('x'.repeat(257))?.message).toBe('password: must be at most 256 characters');
    expect(refusal('x'.repeat(256))).toBeUndefined();
  });

  it('refuses the email address as the password, whatever its case', () => {
    expect(refusal('Amal@Paper.Example', 'amal@paper.example')?.message).toBe(
      'password: must not be the same as the email address',
    );
  });
});
