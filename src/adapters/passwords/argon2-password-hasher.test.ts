import { describe, expect, it } from 'vitest';
import { readConfig } from '../../config/config.js';
import { Argon2PasswordHasher } from './argon2-password-hasher.js';

describe('the argon2id password hasher', () => {
  // The production defaults, whatever cheaper cost the test run itself is configured with.
  const hasher = new Argon2PasswordHasher(readConfig({}).passwordHashing);

  it("hashes with argon2id at OWASP's minimum cost, and a fresh salt every time", async () => {
    const first = await hasher.hash('correct horse battery staple');
    const second = await hasher.hash('correct horse battery staple');
    expect(first).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(first).not.toBe(second);
  });

  it('recognises the right password and refuses a wrong one', async () => {
    const hash = await hasher.hash('correct horse battery staple');
    expect(await hasher.verify(hash, 'correct horse battery staple')).toBe(true);
    expect(await hasher.verify(hash, 'Correct horse battery staple')).toBe(false);
  });

  it('hashes at a configured cost, and still verifies hashes made at another', async () => {
    const cheap = new Argon2PasswordHasher({ memoryKiB: 64, passes: 1 });
    const hash = await cheap.hash('correct horse battery staple');
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=64,t=1,p=1\$/);
    expect(await hasher.verify(hash, 'correct horse battery staple')).toBe(true);
  });

  it('answers false, not an error, for a hash it cannot read', async () => {
    expect(await hasher.verify('not-a-hash', 'anything at all')).toBe(false);
  });
});
