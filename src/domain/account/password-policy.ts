import { invalid } from '../errors.js';

export const PASSWORD_MIN_LENGTH = 12;
/** Long enough for any passphrase, short enough that hashing it cannot be used to stall us. */
export const PASSWORD_MAX_LENGTH = 256;

/**
 * The least strength accepted, on zxcvbn's scale of 0–4. Four means at least 10^10 guesses:
 * three means only 10^8, which any three pieces reach (the paper's name, a space, a year).
 */
export const PASSWORD_MIN_SCORE = 4;

/** How guessable a password is, as the estimator judged it. */
export interface PasswordEstimate {
  /** 0 (a common password) to 4 (very hard to guess). */
  score: 0 | 1 | 2 | 3 | 4;
  /** Why it is weak, in a sentence: `This is a commonly used password.`; null when unsure. */
  warning: string | null;
  /** What would make it stronger, in a sentence. */
  suggestion: string | null;
}

/** Throws Invalid naming the field `password` unless the password may be used by `email`. */
export function checkPassword(password: string, email: string): void {
  // Counted in code points, so a passphrase in Arabic is measured as people see it.
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH)
    throw invalid(`password: must be at least ${PASSWORD_MIN_LENGTH} characters`, 'password');
  if (length > PASSWORD_MAX_LENGTH)
    throw invalid(`password: must be at most ${PASSWORD_MAX_LENGTH} characters`, 'password');
  if (password.trim().toLowerCase() === email.trim().toLowerCase())
    throw invalid('password: must not be the same as the email address', 'password');
}

/** The words a guesser would try first for this person: the paper, the product, their name and address. */
export function passwordGuesses(person: { paper: string; name: string; email: string }): string[] {
  const [local = '', domain = ''] = person.email.toLowerCase().split('@');
  const phrases = [person.paper, 'Dateline', person.name, local, domain.split('.')[0] ?? ''];
  const words = phrases.flatMap((phrase) => phrase.toLowerCase().split(/[^\p{L}\p{N}]+/u));
  // Whole phrases, run together and word by word: `the daily courier`, `thedailycourier`, `courier`.
  const whole = phrases.flatMap((phrase) => {
    const lower = phrase.toLowerCase().trim();
    return [lower, lower.replace(/[^\p{L}\p{N}]+/gu, '')];
  });
  return [...new Set([...whole, ...words, person.email.toLowerCase()])].filter(
    (word) => [...word].length >= 3,
  );
}

/** Throws Invalid naming the field `password`, with the estimator's reason, unless it is strong enough. */
export function refuseGuessablePassword(estimate: PasswordEstimate): void {
  if (estimate.score >= PASSWORD_MIN_SCORE) return;
  const reason = estimate.warning ?? estimate.suggestion;
  const because = reason ? `: ${reason.charAt(0).toLowerCase()}${reason.slice(1)}` : '';
  throw invalid(`password: must be harder to guess${because.replace(/\.$/, '')}`, 'password');
}
