import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, readdir, rename, rm, rmdir, stat } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import type { MediaStorage } from '../../services/media/media-ports.js';
import { assertMediaKey, assertMediaKeyPrefix } from './media-key.js';

/** Temp files are dot files beside their target; keys never start a segment with a dot. */
const TEMP_FILE = /^\..+\.partial$/;

const isMissing = (error: unknown) =>
  ['ENOENT', 'ENOTDIR', 'EISDIR'].includes((error as NodeJS.ErrnoException).code ?? '');

/** Media files on the local disk under MEDIA_DIR, the default store of a one-machine paper. */
export class LocalMediaStorage implements MediaStorage {
  readonly localRoot: string;

  constructor(root: string) {
    this.localRoot = resolve(root);
  }

  async put(key: string, bytes: Uint8Array, _contentType: string): Promise<void> {
    const target = this.pathOf(key);
    // A remove() of the folder's last file may take the folder away between mkdir and write.
    for (let attempt = 1; ; attempt++) {
      await mkdir(dirname(target), { recursive: true });
      try {
        await writeAtomically(target, bytes);
        return;
      } catch (error) {
        if (attempt >= 3 || (error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      }
    }
  }

  async get(key: string): Promise<Uint8Array | undefined> {
    try {
      const bytes = await readFile(this.pathOf(key));
      return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    } catch (error) {
      if (isMissing(error)) return undefined;
      throw error;
    }
  }

  async has(key: string): Promise<boolean> {
    try {
      return (await stat(this.pathOf(key))).isFile();
    } catch (error) {
      if (isMissing(error)) return false;
      throw error;
    }
  }

  async remove(keys: string[]): Promise<void> {
    const paths = keys.map((key) => this.pathOf(key));
    for (const path of paths) {
      await rm(path, { force: true });
      await this.removeEmptyFolders(dirname(path));
    }
  }

  async list(prefix: string): Promise<string[]> {
    assertMediaKeyPrefix(prefix);
    // Walk only the deepest folder the prefix names in full, not the whole store.
    const folder = prefix.includes('/') ? prefix.slice(0, prefix.lastIndexOf('/')) : '';
    const keys: string[] = [];
    await this.collect(join(this.localRoot, folder), keys);
    return keys.filter((key) => key.startsWith(prefix)).sort();
  }

  private pathOf(key: string): string {
    assertMediaKey(key);
    const full = resolve(this.localRoot, key);
    if (!full.startsWith(this.localRoot + sep))
      throw new Error(`Refused media key ${JSON.stringify(key)}: it escapes MEDIA_DIR`);
    return full;
  }

  /** Removes the folder and its parents while they are empty, stopping at the root. */
  private async removeEmptyFolders(folder: string): Promise<void> {
    while (folder.startsWith(this.localRoot + sep)) {
      try {
        await rmdir(folder);
      } catch {
        return; // not empty (another file lives there), or already gone
      }
      folder = dirname(folder);
    }
  }

  private async collect(folder: string, keys: string[]): Promise<void> {
    let entries;
    try {
      entries = await readdir(folder, { withFileTypes: true });
    } catch (error) {
      if (isMissing(error)) return;
      throw error;
    }
    for (const entry of entries) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) await this.collect(path, keys);
      else if (entry.isFile() && !TEMP_FILE.test(entry.name))
        keys.push(relative(this.localRoot, path).split(sep).join('/'));
    }
  }
}

/**
 * Writes beside the target and renames over it: readers see the old file or the new one,
 * never half of either, and a crash leaves at most a temp file, never a short final file.
 */
async function writeAtomically(target: string, bytes: Uint8Array): Promise<void> {
  const temp = join(
    dirname(target),
    `.${basename(target)}.${randomBytes(6).toString('hex')}.partial`,
  );
  try {
    const file = await open(temp, 'wx');
    try {
      await file.writeFile(bytes);
      // Without the sync a power cut after the rename can leave an empty file under the name.
      await file.sync();
    } finally {
      await file.close();
    }
    await rename(temp, target);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}
