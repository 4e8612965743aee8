import { describe, expect, it } from 'vitest';
import { passwordGuesses, PASSWORD_MIN_SCORE } from '../../domain/account/password-policy.js';
import { ZxcvbnPasswordStrength } from './zxcvbn-password-strength.js';

const strength = new ZxcvbnPasswordStrength();
const guesses = passwordGuesses({
  paper: 'The Daily Courier',
  name: 'Amal Haddad',
  email: 'amal@paper.example',
});
const scoreOf = async (password: string) => (await strength.estimate(password, guesses)).score;

describe('the password strength estimator', () => {
  it('knows the passwords attackers try first', async () => {
    for (const weak of [
      'aaaaaaaaaaaaaaa',
      'Password123!',
      'qwertyuiop123',
      'iloveyou12345',
      'P@ssw0rd!2024',
    ])
      expect(await scoreOf(weak), weak).toBeLessThan(PASSWORD_MIN_SCORE);
    expect((await strength.estimate('Password123!', [])).warning).toMatch(/commonly used password/);
  });

  it('sees through the product’s name, the paper’s and the person’s own, with a year', async () => {
    for (const personal of [
      'Dateline2024!',
      'The Daily Courier 2024',
      'DailyCourier1987',
      'Amal Haddad 1990',
      'amalhaddad1990!',
    ])
      expect(await scoreOf(personal), personal).toBeLessThan(PASSWORD_MIN_SCORE);
  });

  it('lets through passphrases of uncommon words, in any alphabet', async () => {
    for (const strong of [
      'marmalade kiosk vellum 1787 tundra',
      'Beirut harbour at dawn',
      'kx7#Pq2!vLm9',
      'كلمة مرور طويلة',
    ])
      expect(await scoreOf(strong), strong).toBe(4);
  });

  it('judges a long password of look-alike symbols in well under a second', async () => {
    await strength.prepare();
    const started = performance.now();
    await scoreOf('a1!|@$0'.repeat(36));
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
