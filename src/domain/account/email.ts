import { invalid } from '../errors.js';

/** RFC 5321 limits a path to 256 octets, so an address to 254 characters. */
const MAX_LENGTH = 254;
/** Deliberately loose: one @, no spaces; the invitation mail proves the rest. */
const SHAPE = /^[^\s@]+@[^\s@]+$/;

/** The one form an email address is stored and compared in: trimmed, lower-case. */
export function normalizeEmail(raw: string, field = 'email'): string {
  const email = raw.trim().toLowerCase();
  if (!email) throw invalid(`${field}: must not be empty`, field);
  if (email.length > MAX_LENGTH || !SHAPE.test(email))
    throw invalid(`${field}: must be an email address such as name@example.com`, field);
  return email;
}
