/** For the parsers' tests: an XML text read the way a file is, record by record. */
import { readXmlRecords } from '../import/xml-records.js';
import type { WireItem, WireRecord } from './wire-item.js';
import {
  wireRecordPicker,
  wireRecordsOf,
  type WireReadOptions,
  type WireXmlFormat,
} from './wire-records.js';

export async function wireRecordsOfText(
  format: WireXmlFormat,
  xml: string,
  options?: WireReadOptions,
): Promise<WireRecord[]> {
  const records: WireRecord[] = [];
  const xmlRecords = readXmlRecords([xml], wireRecordPicker(format));
  for await (const record of wireRecordsOf(format, xmlRecords, options)) records.push(record);
  return records;
}

/** The item a record holds; fails the test with the record's reason when it holds none. */
export function itemOf(record: WireRecord | undefined): WireItem {
  if (!record || !('item' in record)) throw new Error(`not an item: ${JSON.stringify(record)}`);
  return record.item;
}
