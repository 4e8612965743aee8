import { hash, verify } from '@node-rs/argon2';
import type { PasswordHasher } from '../../services/ports.js';

/**
 * argon2id with the library's defaults (19 MiB, 2 passes, 1 lane: OWASP's recommended
 * minimum). The PHC string it returns carries the parameters, so raising them later keeps
 * old hashes verifiable.
 */
export class Argon2PasswordHasher implements PasswordHasher {
  hash(password: string): Promise<string> {
    // The library's default algorithm is argon2id; its enum is a const enum we cannot import.
    return hash(password);
  }

  async verify(passwordHash: string, password: string): Promise<boolean> {
    try {
      return await verify(passwordHash, password);
    } catch {
      return false;
    }
  }
}
