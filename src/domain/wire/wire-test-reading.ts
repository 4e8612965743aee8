/** For the parsers' tests: an XML text read the way a file is, record by record. */
import type { WireItem, WireRecord } from './wire-item.js';
import { readWireRecords, type WireReadOptions, type WireXmlFormat } from './wire-records.js';

function* inChunks(text: string, size: number) {
  for (let at = 0; at < text.length; at += size) yield text.slice(at, at + size);
}

/** The records of `xml`, handed to the reader in chunks of `chunkSize` characters. */
export async function wireRecordsOfText(
  format: WireXmlFormat,
  xml: string,
  options?: WireReadOptions,
  chunkSize = xml.length,
): Promise<WireRecord[]> {
  const records: WireRecord[] = [];
  for await (const record of readWireRecords(format, inChunks(xml, chunkSize), options))
    records.push(record);
  return records;
}

/** The item a record holds; fails the test with the record's reason when it holds none. */
export function itemOf(record: WireRecord | undefined): WireItem {
  if (!record || !('item' in record)) throw new Error(`not an item: ${JSON.stringify(record)}`);
  return record.item;
}
