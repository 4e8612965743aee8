import { resolve } from 'node:path';

export { packageRoot } from '../src/config/package-root.js';

/** The reference article, its photo and the settings of its paper, kept in the repository. */
export function referenceSeedDir(root: string): string {
  return resolve(root, 'test', 'reference', 'seed');
}
