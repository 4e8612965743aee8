import { isWireFormat } from '../../domain/import/import-format.js';
import type { ImportContent, ImportFiles } from '../../services/import-ports.js';
import { ghostStories } from './ghost-file.js';
import { readImportFile } from './import-file-reader.js';
import { wireRecordsOfRead } from './wire-file-records.js';
import { wxrStories } from './wxr-file.js';

/**
 * Import files on the server's disk: told from their content, then streamed item by item (a
 * WordPress export in two passes; JSON, small by nature, read whole). The one reader of both
 * `dateline import` and the newsroom's upload.
 */
export const importFilesOnDisk: ImportFiles = {
  async open(file, name, progress): Promise<ImportContent> {
    const read = await readImportFile(file, name, progress);
    if ('unreadable' in read) return read;
    const { format } = read;
    if (format === 'wxr') return { format, stories: wxrStories(file, progress) };
    if (format === 'ghost') return { format, stories: ghostStories(read.json) };
    if (format === 'article-json') return { format, json: read.json };
    if (isWireFormat(format))
      return { format, records: wireRecordsOfRead(file, read, {}, { name, progress }) };
    return { unreadable: `${name} is not a format Dateline reads` };
  },
};
