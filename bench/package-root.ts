import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The folder holding package.json. The bench runs from dist/bench/, so walking up beats a fixed
 * number of '..' that would break if the build layout changed.
 */
export function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('package.json not found above the running bench');
    dir = parent;
  }
  return dir;
}

/** The shared folder beside the repository, holding the reference article and settings. */
export function sharedSeedDir(root: string): string {
  return resolve(root, '..', 'shared', 'seed');
}
