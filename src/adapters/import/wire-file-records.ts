import { FORMAT_NAMES, isWireFormat } from '../../domain/import/import-format.js';
import type { WireRecord } from '../../domain/wire/wire-item.js';
import type { WireReadOptions } from '../../domain/wire/wire-records.js';
import type { ReadProgress } from '../../services/import-ports.js';
import { readImportFile, readWireFile, type ImportFile } from './import-file-reader.js';

/**
 * The wire records of a file already told (`read`): one that is unreadable, or not agency copy
 * (a WordPress export dropped by mistake), is one failed record with the reason.
 */
export async function* wireRecordsOfRead(
  file: string,
  read: ImportFile,
  options: WireReadOptions,
  { name = file, progress }: { name?: string; progress?: ReadProgress } = {},
): AsyncGenerator<WireRecord> {
  if ('unreadable' in read) {
    yield { failed: read.unreadable, ref: name };
    return;
  }
  if (read.format === 'newsml-1' || !isWireFormat(read.format)) {
    yield {
      failed: `${name} is a ${FORMAT_NAMES[read.format]} file, not agency copy the wire desk reads`,
      ref: name,
    };
    return;
  }
  // ninjs was read whole to be told: its bytes are counted already.
  const counted = read.format === 'ninjs' ? undefined : progress;
  yield* readWireFile(file, read.format, options, { name, progress: counted });
}

/**
 * The wire records of one agency file, told and streamed as `dateline import` reads it. The
 * drop folders' poller reads its files with this.
 */
export async function* wireRecordsOfFile(
  file: string,
  options: WireReadOptions,
): AsyncGenerator<WireRecord> {
  yield* wireRecordsOfRead(file, await readImportFile(file), options);
}
