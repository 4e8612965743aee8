/**
 * The `../shared/` folder beside the checkout holds vectors, fixtures and validators written by
 * others. In CI it must be there; elsewhere a suite that needs it says so and is skipped.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const SHARED_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'shared');

/** Absolute path of a file under ../shared/. */
export const sharedPath = (...parts: string[]) => join(SHARED_DIR, ...parts);

/**
 * True when ../shared/ is present. Throws in CI, where a missing folder must fail the run
 * rather than skip suites silently.
 */
export function hasSharedFolder(): boolean {
  if (existsSync(SHARED_DIR)) return true;
  const message = `../shared/ is missing (looked in ${SHARED_DIR}): suites that read it are skipped`;
  if (process.env.CI) throw new Error(message);
  console.warn(message);
  return false;
}
