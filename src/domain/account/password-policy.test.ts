import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.js';
import {
  checkPassword,
  passwordGuesses,
  refuseGuessablePassword,
  type PasswordEstimate,
} from './password-policy.js';

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

describe('guessable passwords', () => {
  const estimate = (score: PasswordEstimate['score'], warning: string | null = null) => ({
    score,
    warning,
    suggestion: 'Add more words that are less common.',
  });

  it('are refused below the top score, with the estimator’s reason, naming the field', () => {
    expect(() => refuseGuessablePassword(estimate(0, 'This is a commonly used password.'))).toThrow(
      'password: must be harder to guess: this is a commonly used password',
    );
    expect(() => refuseGuessablePassword(estimate(3))).toThrow(
      'password: must be harder to guess: add more words that are less common',
    );
    expect(() => refuseGuessablePassword(estimate(4))).not.toThrow();
  });

  it('are guessed first from the paper’s name, the product’s, and the person’s name and address', () => {
    const guesses = passwordGuesses({
      paper: 'The Daily Courier',
      name: 'Amal Haddad',
      email: 'amal.h@paper.example',
    });
    for (const word of ['the daily courier', 'thedailycourier', 'courier', 'dateline'])
      expect(guesses).toContain(word);
    for (const word of ['amal haddad', 'amalhaddad', 'haddad', 'amal.h', 'amal.h@paper.example'])
      expect(guesses).toContain(word);
    expect(guesses).toContain('paper');
    // Two letters are no clue: they would only make every password look personal.
    expect(guesses.every((word) => [...word].length >= 3)).toBe(true);
  });
});
