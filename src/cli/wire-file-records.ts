import { FORMAT_NAMES, isWireFormat } from '../domain/import/import-format.js';
import type { WireRecord } from '../domain/wire/wire-item.js';
import type { WireReadOptions } from '../domain/wire/wire-records.js';
import { readImportFile, readWireFile } from './import-file-reader.js';

/**
 * The wire records of one agency file, told and streamed as `dateline import` reads it: a file
 * that is unreadable, or not agency copy (a WordPress export dropped by mistake), is one
 * failed record with the reason. The drop folders' poller reads its files with this.
 */
export async function* wireRecordsOfFile(
  file: string,
  options: WireReadOptions,
): AsyncGenerator<WireRecord> {
  const read = await readImportFile(file);
  if ('unreadable' in read) {
    yield { failed: read.unreadable, ref: file };
    return;
  }
  if (read.format === 'newsml-1' || !isWireFormat(read.format)) {
    yield {
      failed: `${file} is a ${FORMAT_NAMES[read.format]} file, not agency copy the wire desk reads`,
      ref: file,
    };
    return;
  }
  yield* readWireFile(file, read.format, options);
}
