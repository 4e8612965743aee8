import { createReadStream } from 'node:fs';
import { open, readFile } from 'node:fs/promises';
import {
  detectJsonFormat,
  detectXmlFormat,
  type ImportFormat,
} from '../../domain/import/import-format.js';
import { readXmlRecords, XmlRefusedError } from '../../domain/import/xml-records.js';
import { decodeXmlChunks } from '../../domain/import/xml-text-decoder.js';
import { invalid } from '../../domain/errors.js';
import type { WireRecord } from '../../domain/wire/wire-item.js';
import {
  readWireRecords,
  wireRecordsFromJson,
  type WireReadOptions,
  type WireXmlFormat,
} from '../../domain/wire/wire-records.js';
import type { ReadProgress } from '../../services/import-ports.js';

/** How much of a file tells its format: the declaration, a DOCTYPE and the root's namespaces. */
const HEAD_BYTES = 64 * 1024;

/** A file given to import: its format, or why it cannot be read at all. */
export type ImportFile =
  | { format: 'article-json' | 'ghost' | 'ninjs'; json: unknown }
  | { format: Exclude<ImportFormat, 'article-json' | 'ghost' | 'ninjs'> }
  | { unreadable: string };

async function headOf(file: string, name: string): Promise<Uint8Array> {
  let handle;
  try {
    handle = await open(file, 'r');
  } catch {
    throw invalid(`cannot read ${name}`, 'file');
  }
  try {
    const buffer = new Uint8Array(HEAD_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, HEAD_BYTES, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** The head's text, refused when it declares entities of its own (XXE, billion laughs). */
async function checkedXmlHead(head: Uint8Array): Promise<string> {
  let text = '';
  for await (const part of decodeXmlChunks([head])) text += part;
  for await (const record of readXmlRecords([text], () => false)) void record;
  return text;
}

async function readJsonFile(
  file: string,
  name: string,
  progress?: ReadProgress,
): Promise<ImportFile> {
  let json: unknown;
  try {
    const text = await readFile(file, 'utf8');
    if (progress) progress.bytesRead += Buffer.byteLength(text);
    json = JSON.parse(text) as unknown;
  } catch (error) {
    return { unreadable: `${name} is not valid JSON (${(error as Error).message})` };
  }
  const format = detectJsonFormat(json);
  if (format === 'article-json' || format === 'ghost' || format === 'ninjs')
    return { format, json };
  return { unreadable: `${name} is JSON, but not in a format Dateline reads` };
}

/**
 * What a file is, from its content: JSON is read whole (exports of that kind are small);
 * XML only as far as its head, since the importers stream the rest. Messages call the file
 * `name` (an upload's own name, not where it waits on disk).
 */
export async function readImportFile(
  file: string,
  name = file,
  progress?: ReadProgress,
): Promise<ImportFile> {
  const head = await headOf(file, name);
  if (head.length === 0) return { unreadable: `${name} is empty` };
  const start = new TextDecoder()
    .decode(head.subarray(0, 512))
    .replace(/^\uFEFF/, '')
    .trimStart();
  if (start.startsWith('{') || start.startsWith('[')) return readJsonFile(file, name, progress);
  if (!start.startsWith('<'))
    return { unreadable: `${name} is neither JSON nor XML, so not a format Dateline reads` };
  try {
    const format = detectXmlFormat(await checkedXmlHead(head));
    if (format && format !== 'article-json' && format !== 'ghost' && format !== 'ninjs')
      return { format };
    return {
      unreadable: `${name} is XML, but not a format Dateline reads (WXR, RSS, Atom, NewsML-G2 or NITF)`,
    };
  } catch (error) {
    if (error instanceof XmlRefusedError) return { unreadable: `${name}: ${error.message}` };
    throw error;
  }
}

/**
 * The wire records of an agency file, streamed: its bytes decoded as `decodeXmlChunks` reads
 * them, its records read one at a time, each handed to its format's parser. A file that turns
 * out unreadable past its head gives one failed record saying why, never a throw.
 */
export async function* readWireFile(
  file: string,
  format: WireXmlFormat | 'ninjs',
  options: WireReadOptions = {},
  { name = file, progress }: { name?: string; progress?: ReadProgress } = {},
): AsyncGenerator<WireRecord> {
  try {
    if (format === 'ninjs') {
      const text = await readFile(file, 'utf8');
      if (progress) progress.bytesRead += Buffer.byteLength(text);
      yield* wireRecordsFromJson(JSON.parse(text) as unknown, options);
      return;
    }
    yield* readWireRecords(format, decodeXmlChunks(bytesOf(file, progress)), options);
  } catch (error) {
    if (!(error instanceof XmlRefusedError || error instanceof SyntaxError)) throw error;
    yield { failed: `${name}: ${error.message}`, ref: name };
  }
}

/** The file's bytes as they stream from disk, counted into `progress` as they are read. */
export async function* bytesOf(file: string, progress?: ReadProgress): AsyncGenerator<Uint8Array> {
  for await (const chunk of createReadStream(file) as AsyncIterable<Buffer>) {
    if (progress) progress.bytesRead += chunk.length;
    yield chunk;
  }
}
