import { mkdir, rm, rmdir, writeFile } from 'node:fs/promises';
import { dirname, resolve, sep } from 'node:path';
import type { MediaFiles } from '../../services/ports.js';

/** Media files on the local disk under MEDIA_DIR. */
export class LocalMediaFiles implements MediaFiles {
  readonly localRoot: string;

  constructor(root: string) {
    this.localRoot = resolve(root);
  }

  private pathOf(relative: string): string {
    const full = resolve(this.localRoot, relative);
    if (!full.startsWith(this.localRoot + sep))
      throw new Error(`media path escapes MEDIA_DIR: ${relative}`);
    return full;
  }

  async put(relative: string, bytes: Uint8Array): Promise<boolean> {
    const full = this.pathOf(relative);
    await mkdir(dirname(full), { recursive: true });
    try {
      // 'wx': content-hashed names mean an existing file already holds these bytes.
      await writeFile(full, bytes, { flag: 'wx' });
      return true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
      throw error;
    }
  }

  async remove(relative: string): Promise<void> {
    const full = this.pathOf(relative);
    await rm(full, { force: true });
    // Leave no empty hash folder behind; another file may still live there.
    await rmdir(dirname(full)).catch(() => undefined);
  }
}
