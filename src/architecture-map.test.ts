import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Every folder under `dir`, as `src/x/y/` paths relative to the repository. */
function foldersUnder(dir: string): string[] {
  const here = `${relative(ROOT, dir)}/`;
  const children = readdirSync(dir, { withFileTypes: true }).filter((entry) => entry.isDirectory());
  return [here, ...children.flatMap((child) => foldersUnder(join(dir, child.name)))];
}

describe('docs/architecture.md', () => {
  const map = readFileSync(join(ROOT, 'docs', 'architecture.md'), 'utf8');

  it.each(['src', 'admin/src'])('names every folder of %s/', (top) => {
    const missing = foldersUnder(join(ROOT, top)).filter(
      (folder) => !map.includes(`\`${folder}\``),
    );
    expect(missing).toEqual([]);
  });
});
