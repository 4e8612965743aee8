import { resolve } from 'node:path';

export { packageRoot } from '../src/cli/package-root.js';

/** The shared folder beside the repository, holding the reference article and settings. */
export function sharedSeedDir(root: string): string {
  return resolve(root, '..', 'shared', 'seed');
}
