import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { tooLarge } from '../../domain/errors.js';
import { formatFileSize } from '../../domain/media/file-size.js';
import type { ImportUploads } from '../../services/import-ports.js';

/** Counts the bytes passing, and stops the stream the moment they pass the limit. */
const limitTo = (maxBytes: number, seen: { bytes: number }) =>
  new Transform({
    transform(chunk: Buffer, _encoding, done) {
      seen.bytes += chunk.length;
      if (seen.bytes > maxBytes)
        done(
          tooLarge(
            `The file is larger than ${formatFileSize(maxBytes)}, the most an import may be`,
          ),
        );
      else done(null, chunk);
    },
  });

/** Whether process `pid` is running on this machine (signal 0 only asks). */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A spooled file's name: this process's pid, so a later process can tell it was left behind. */
const spooledName = () => `${process.pid}-${randomUUID()}.upload`;
const SPOOLED = /^(\d+)-[0-9a-f-]{36}\.upload$/;

/**
 * Removes the files that processes no longer running left behind: a server killed mid-import
 * never discards its upload, and the folder is shared by every instance on the machine.
 */
async function sweepLeftovers(folder: string) {
  for (const name of await readdir(folder)) {
    const pid = Number(SPOOLED.exec(name)?.[1]);
    if (pid > 0 && pid !== process.pid && !isRunning(pid))
      await rm(join(folder, name), { force: true });
  }
}

/**
 * Uploaded import files, written to a folder of the system's temporary directory as they arrive
 * (`folder` in tests). A file cut short by the limit or a broken connection is removed, and on
 * the first upload a process receives, so are those of processes that died importing.
 */
export function createUploadSpool(folder = join(tmpdir(), 'dateline-imports')): ImportUploads {
  let swept: Promise<void> | undefined;
  return {
    async receive(stream, maxBytes) {
      await mkdir(folder, { recursive: true, mode: 0o700 });
      swept ??= sweepLeftovers(folder).catch(() => {});
      await swept;
      const path = join(folder, spooledName());
      const seen = { bytes: 0 };
      try {
        await pipeline(stream, limitTo(maxBytes, seen), createWriteStream(path, { mode: 0o600 }));
      } catch (error) {
        await rm(path, { force: true });
        throw error;
      }
      return { path, bytes: seen.bytes };
    },
    discard: (path) => rm(path, { force: true }),
  };
}
