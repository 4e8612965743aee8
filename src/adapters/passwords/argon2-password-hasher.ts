import { hash, verify } from '@node-rs/argon2';
import type { PasswordHasher } from '../../services/ports.js';

/**
 * argon2id with the configured cost (by default 19 MiB, 2 passes, 1 lane: OWASP's recommended
 * minimum). The PHC string it returns carries the parameters, so changing them later keeps
 * old hashes verifiable.
 */
export class Argon2PasswordHasher implements PasswordHasher {
  constructor(private readonly cost: { memoryKiB: number; passes: number }) {}

  hash(password: string): Promise<string> {
    // The library's default algorithm is argon2id; its enum is a const enum we cannot import.
    return hash(password, {
      memoryCost: this.cost.memoryKiB,
      timeCost: this.cost.passes,
      parallelism: 1,
    });
  }

  async verify(passwordHash: string, password: string): Promise<boolean> {
    try {
      return await verify(passwordHash, password);
    } catch {
      return false;
    }
  }
}
