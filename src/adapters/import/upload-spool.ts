import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
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

/**
 * Uploaded import files, written to a folder of the system's temporary directory as they arrive
 * (`folder` in tests). A file cut short by the limit or a broken connection is removed.
 */
export function createUploadSpool(folder = join(tmpdir(), 'dateline-imports')): ImportUploads {
  return {
    async receive(stream, maxBytes) {
      await mkdir(folder, { recursive: true, mode: 0o700 });
      const path = join(folder, `${randomUUID()}.upload`);
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
