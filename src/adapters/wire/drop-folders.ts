/**
 * Drop folders on the server's disk (ADR 0058): agencies (or a sync tool) put files in a folder
 * under the one root the operator configured; each is read once and moved into `done/`, or
 * into `failed/` with the reason beside it. A path an editor types is resolved, symbolic links
 * and all, and refused unless it lies under the root, so no source can read the server's files.
 */
import { mkdir, readdir, realpath, rename, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, resolve, sep } from 'node:path';
import type { WireRecord } from '../../domain/wire/wire-item.js';
import type { WireReadOptions } from '../../domain/wire/wire-records.js';
import type { DropFolderPlace, WireDropFolders } from '../../services/ports.js';

/** Where read files go, inside each drop folder; never read again. */
const SETTLED = new Set(['done', 'failed']);

/** A file still being written is named so (a dot first, or .part/.tmp last) until renamed. */
const isUnfinished = (name: string) => name.startsWith('.') || /\.(part|tmp)$/i.test(name);

const inside = (root: string, path: string) => path === root || path.startsWith(root + sep);

/** The path itself, or its closest ancestor that exists. */
async function nearestExisting(path: string): Promise<string> {
  for (let at = path; ; at = dirname(at)) {
    if (
      await stat(at).then(
        () => true,
        () => false,
      )
    )
      return at;
    if (dirname(at) === at) return at;
  }
}

async function placeUnder(root: string, path: string): Promise<DropFolderPlace> {
  const trimmed = path.trim();
  if (trimmed === '' || trimmed.includes('\0'))
    return { refused: 'name a folder under the drop folders’ root' };
  let rootReal: string;
  try {
    await mkdir(root, { recursive: true });
    rootReal = await realpath(root);
  } catch {
    return { refused: 'the server has no drop folders’ root (WIRE_DROP_ROOT) to put folders in' };
  }
  const target = isAbsolute(trimmed) ? resolve(trimmed) : resolve(rootReal, trimmed);
  const outside = {
    refused: `${trimmed} is outside the drop folders’ root; a drop folder must be inside it`,
  };
  if (!inside(rootReal, target)) return outside;
  // A folder named inside the root is made, but never through a link that leads out of it.
  if (!inside(rootReal, await realpath(await nearestExisting(target)))) return outside;
  await mkdir(target, { recursive: true }).catch(() => undefined);
  let real: string;
  try {
    real = await realpath(target);
  } catch {
    return { refused: `${trimmed} cannot be opened as a folder` };
  }
  if (!inside(rootReal, real)) return outside;
  if (!(await stat(real)).isDirectory()) return { refused: `${trimmed} is a file, not a folder` };
  return { folder: real };
}

/** A name in `folder` not taken yet: the file's own, or with the time before it. */
async function freeName(folder: string, name: string) {
  const taken = new Set(await readdir(folder));
  return taken.has(name) ? `${new Date().toISOString().replace(/[:.]/g, '-')}-${name}` : name;
}

/** Drop folders under `root`, their files read by `readRecords` (the import command's readers). */
export function createDropFolders(
  root: string,
  readRecords: (file: string, options: WireReadOptions) => AsyncIterable<WireRecord>,
): WireDropFolders {
  return {
    place: (path) => placeUnder(resolve(root), path),
    async waiting(folder) {
      const entries = await readdir(folder, { withFileTypes: true });
      return entries
        .filter((e) => e.isFile() && !SETTLED.has(e.name) && !isUnfinished(e.name))
        .map((e) => e.name)
        .sort()
        .map((name) => join(folder, name));
    },
    records: readRecords,
    async settle(file, outcome, reason) {
      const folder = join(file, '..', outcome);
      await mkdir(folder, { recursive: true });
      const name = await freeName(folder, basename(file));
      await rename(file, join(folder, name));
      if (outcome === 'failed' && reason)
        await writeFile(join(folder, `${name}.reason.txt`), `${reason}\n`);
    },
  };
}
