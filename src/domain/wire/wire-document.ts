/**
 * An agency document fetched whole (a feed's answer): its format told from its content, as
 * `dateline import` tells a file's, and its records read by the same parsers. A document that
 * is no agency format, or cannot be read, is one failed record with the reason.
 */
import { detectJsonFormat, detectXmlFormat, FORMAT_NAMES } from '../import/import-format.js';
import { XmlRefusedError } from '../import/xml-records.js';
import { decodeXmlChunks } from '../import/xml-text-decoder.js';
import type { WireRecord } from './wire-item.js';
import {
  readWireRecords,
  wireRecordsFromJson,
  type WireReadOptions,
  type WireXmlFormat,
} from './wire-records.js';

const XML_WIRE_FORMATS = new Set<string>(['rss', 'atom', 'newsml-g2', 'newsml-1', 'nitf']);
const HEAD_BYTES = 64 * 1024;

async function textOf(bytes: Uint8Array): Promise<string> {
  let text = '';
  for await (const part of decodeXmlChunks([bytes])) text += part;
  return text;
}

function jsonRecords(bytes: Uint8Array, options: WireReadOptions): WireRecord[] {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(bytes)) as unknown;
  } catch (error) {
    return [{ failed: `not valid JSON (${(error as Error).message})`, ref: 'document' }];
  }
  if (detectJsonFormat(json) !== 'ninjs')
    return [{ failed: 'JSON, but not IPTC ninjs', ref: 'document' }];
  return wireRecordsFromJson(json, options);
}

/** The wire records of a fetched document; see the module comment. */
export async function* wireRecordsOfDocument(
  bytes: Uint8Array,
  options: WireReadOptions = {},
): AsyncGenerator<WireRecord> {
  const start = new TextDecoder().decode(bytes.subarray(0, 512)).replace(/^\uFEFF/, '');
  const first = start.trimStart()[0];
  if (first === '{' || first === '[') {
    yield* jsonRecords(bytes, options);
    return;
  }
  try {
    const format =
      first === '<' ? detectXmlFormat(await textOf(bytes.subarray(0, HEAD_BYTES))) : undefined;
    if (!format || !XML_WIRE_FORMATS.has(format)) {
      const what = format ? `a ${FORMAT_NAMES[format]}` : 'no format the wire desk reads';
      yield {
        failed: `the document is ${what} (RSS, Atom, NewsML-G2, NITF or ninjs)`,
        ref: 'document',
      };
      return;
    }
    yield* readWireRecords(format as WireXmlFormat, decodeXmlChunks([bytes]), options);
  } catch (error) {
    if (!(error instanceof XmlRefusedError)) throw error;
    yield { failed: error.message, ref: 'document' };
  }
}
