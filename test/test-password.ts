/**
 * The one password test accounts sign in with: long, uncommon words, nothing of the paper's
 * or the person's, so the password check lets it through. Weak ones are spelled out where a
 * test shows them refused.
 */
export const STRONG_PASSWORD = 'marmalade kiosk vellum 1787 tundra';

/**
 * argon2id at a fraction of production's cost: suites sign in thousands of times, and at 19 MiB
 * each hash takes a tenth of a second of a core. The hasher's own test checks the defaults.
 */
export const CHEAP_PASSWORD_HASHING = {
  PASSWORD_HASH_MEMORY_KIB: '64',
  PASSWORD_HASH_PASSES: '1',
} as const;
