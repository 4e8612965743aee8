import { createReadStream } from 'node:fs';
import { open, readFile } from 'node:fs/promises';
import {
  detectJsonFormat,
  detectXmlFormat,
  FORMAT_NAMES,
  type ImportFormat,
} from '../domain/import/import-format.js';
import { readXmlRecords, XmlRefusedError } from '../domain/import/xml-records.js';
import { decodeXmlChunks } from '../domain/import/xml-text-decoder.js';
import type { WireRecord } from '../domain/wire/wire-item.js';
import {
  readWireRecords,
  wireRecordsFromJson,
  type WireReadOptions,
  type WireXmlFormat,
} from '../domain/wire/wire-records.js';
import { UsageError } from './command-context.js';

/** How much of a file tells its format: the declaration, a DOCTYPE and the root's namespaces. */
const HEAD_BYTES = 64 * 1024;

/** A file `dateline import` was given: its format, or why it cannot be read at all. */
export type ImportFile =
  | { format: 'article-json' | 'ghost' | 'ninjs'; json: unknown }
  | { format: Exclude<ImportFormat, 'article-json' | 'ghost' | 'ninjs'> }
  | { unreadable: string };

async function headOf(file: string): Promise<Uint8Array> {
  let handle;
  try {
    handle = await open(file, 'r');
  } catch {
    throw new UsageError(`cannot read ${file}`);
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

async function readJsonFile(file: string): Promise<ImportFile> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(file, 'utf8')) as unknown;
  } catch (error) {
    return { unreadable: `${file} is not valid JSON (${(error as Error).message})` };
  }
  const format = detectJsonFormat(json);
  if (format === 'article-json' || format === 'ghost' || format === 'ninjs')
    return { format, json };
  return { unreadable: `${file} is JSON, but not in a format Dateline reads` };
}

/**
 * What a file is, from its content: JSON is read whole (exports of that kind are small);
 * XML only as far as its head, since the importers stream the rest.
 */
export async function readImportFile(file: string): Promise<ImportFile> {
  const head = await headOf(file);
  const start = new TextDecoder()
    .decode(head.subarray(0, 512))
    .replace(/^\uFEFF/, '')
    .trimStart();
  if (start.startsWith('{') || start.startsWith('[')) return readJsonFile(file);
  if (!start.startsWith('<'))
    return { unreadable: `${file} is neither JSON nor XML, so not a format Dateline reads` };
  try {
    const format = detectXmlFormat(await checkedXmlHead(head));
    if (format && format !== 'article-json' && format !== 'ghost' && format !== 'ninjs')
      return { format };
    return {
      unreadable: `${file} is XML, but not a format Dateline reads (WXR, RSS, Atom, NewsML-G2 or NITF)`,
    };
  } catch (error) {
    if (error instanceof XmlRefusedError) return { unreadable: `${file}: ${error.message}` };
    throw error;
  }
}

/** The reason a recognised file is not imported yet: named, so the operator knows what it is. */
export const notYetImported = (file: string, format: ImportFormat) =>
  `${file} is a ${FORMAT_NAMES[format]} file; Dateline cannot import those yet`;

/**
 * The wire records of an agency file, streamed: its bytes decoded as `decodeXmlChunks` reads
 * them, its records read one at a time, each handed to its format's parser. A file that turns
 * out unreadable past its head gives one failed record saying why, never a throw.
 */
export async function* readWireFile(
  file: string,
  format: WireXmlFormat | 'ninjs',
  options: WireReadOptions = {},
): AsyncGenerator<WireRecord> {
  try {
    if (format === 'ninjs') {
      yield* wireRecordsFromJson(JSON.parse(await readFile(file, 'utf8')) as unknown, options);
      return;
    }
    const chunks = decodeXmlChunks(createReadStream(file) as AsyncIterable<Uint8Array>);
    yield* readWireRecords(format, chunks, options);
  } catch (error) {
    if (!(error instanceof XmlRefusedError || error instanceof SyntaxError)) throw error;
    yield { failed: `${file}: ${error.message}`, ref: file };
  }
}
