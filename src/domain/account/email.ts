import { invalid } from '../errors.js';
import { scriptsOf } from './confusable-skeleton.js';

/** RFC 5321 limits a path to 256 octets, so an address to 254 characters. */
const MAX_LENGTH = 254;
/** Deliberately loose: one @, no spaces; the invitation mail proves the rest. */
const SHAPE = /^[^\s@]+@[^\s@]+$/;

/**
 * The one form an email address is stored and compared in: trimmed, lower-case. Refuses
 * addresses made to look like another: stylised or full-width letters, a domain with empty
 * parts or a trailing dot, and letters of two scripts in one word (`сhief` with a Cyrillic с).
 */
export function normalizeEmail(raw: string, field = 'email'): string {
  const email = raw.trim().toLowerCase();
  if (!email) throw invalid(`${field}: must not be empty`, field);
  if (email.length > MAX_LENGTH || !SHAPE.test(email))
    throw invalid(`${field}: must be an email address such as name@example.com`, field);
  refuseLookAlike(email, field);
  return email;
}

function refuseLookAlike(email: string, field: string) {
  // NFKC folds full-width and stylised letters (ａ, 𝐚) into plain ones: such an address is a disguise.
  if (email.normalize('NFKC') !== email)
    throw invalid(
      `${field}: must be written in plain letters, not full-width or styled ones`,
      field,
    );
  const at = email.lastIndexOf('@');
  const local = email.slice(0, at);
  const labels = email.slice(at + 1).split('.');
  if (labels.some((label) => label === ''))
    throw invalid(`${field}: the domain must not have empty parts or end with a dot`, field);
  for (const word of [local, ...labels])
    if (scriptsOf(word).size > 1)
      throw invalid(
        `${field}: mixes letters of different alphabets in “${word}”, as look-alike addresses do`,
        field,
      );
}
