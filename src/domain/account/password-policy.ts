import { invalid } from '../errors.js';

export const PASSWORD_MIN_LENGTH = 12;
/** Long enough for any passphrase, short enough that hashing it cannot be used to stall us. */
export const PASSWORD_MAX_LENGTH = 256;

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
