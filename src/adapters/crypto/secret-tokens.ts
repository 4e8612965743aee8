import { createHash, randomBytes } from 'node:crypto';
import type { SecretTokens } from '../../services/ports.js';

/** 256 random bits, and SHA-256 to store them: a secret this long needs no slow hash. */
export const secretTokens: SecretTokens = {
  create: () => randomBytes(32).toString('base64url'),
  hash: (token) => createHash('sha256').update(token, 'utf8').digest('hex'),
};
