/**
 * The one way into the wire parsers, for `dateline import` and the polling job alike: give it
 * a file's format and its streamed XML records (or a ninjs document), and it gives back one
 * `WireRecord` per story in it, each an item or the reason it is not one.
 */
import {
  readXmlRecords,
  type RecordPicker,
  type XmlElement,
  type XmlRecord,
} from '../import/xml-records.js';
import { feedRecord, isFeedRecord, readChannelField, type FeedChannel } from './feed-items.js';
import { isNewsmlG2Record, messageSentOf, newsmlG2Record } from './newsml-g2-items.js';
import { ninjsRecord } from './ninjs-items.js';
import { nitfRecord } from './nitf-items.js';
import type { WireReadOptions } from './wire-draft.js';
import type { WireRecord } from './wire-item.js';
import { localName } from './wire-xml.js';

export type { WireReadOptions } from './wire-draft.js';

/** The XML formats that carry agency copy. */
export type WireXmlFormat = 'rss' | 'atom' | 'newsml-g2' | 'nitf' | 'newsml-1';

const isNitfRecord: RecordPicker = (path) =>
  path.length === 1 && localName(path[0] ?? '') === 'nitf';

/** Which elements of a file of `format` are records to hand to `wireRecordsOf`. */
export function wireRecordPicker(format: WireXmlFormat): RecordPicker {
  if (format === 'rss' || format === 'atom') return isFeedRecord;
  if (format === 'newsml-g2') return isNewsmlG2Record;
  if (format === 'nitf') return isNitfRecord;
  return () => false;
}

/** Records that frame the stories (a channel's title, a message's header), not stories. */
const FRAME = new Set(['header', 'title', 'language', 'author']);
const isFrame = (element: XmlElement) => FRAME.has(localName(element.name));

/**
 * The wire records of a file of `format`, from its XML records (read with `wireRecordPicker`)
 * in document order. The channel's title and a message's header are read as they pass.
 */
export async function* wireRecordsOf(
  format: WireXmlFormat,
  records: AsyncIterable<XmlRecord> | Iterable<XmlRecord>,
  options: WireReadOptions = {},
): AsyncGenerator<WireRecord> {
  if (format === 'newsml-1') {
    yield {
      failed: 'NewsML 1 is the older IPTC format; the wire desk reads NewsML-G2, NITF and ninjs',
      ref: 'file',
    };
    return;
  }
  const channel: FeedChannel = { title: '', language: '' };
  let messageSent = '';
  let count = 0;
  for await (const { element } of records) {
    if (isFrame(element)) {
      if (localName(element.name) === 'header') messageSent = messageSentOf(element);
      else readChannelField(channel, element);
      continue;
    }
    count += 1;
    const ref = `record ${count}`;
    if (format === 'nitf') yield nitfRecord(element, ref, options);
    else if (format === 'newsml-g2')
      yield newsmlG2Record(element, ref, { ...options, messageSent });
    else yield feedRecord(element, channel, ref, options);
  }
}

/**
 * The wire records of an XML document of `format` arriving as text in `chunks` (a file
 * decoded by `decodeXmlChunks`, a feed's response): read record by record, never whole.
 */
export function readWireRecords(
  format: WireXmlFormat,
  chunks: AsyncIterable<string> | Iterable<string>,
  options: WireReadOptions = {},
): AsyncGenerator<WireRecord> {
  return wireRecordsOf(format, readXmlRecords(chunks, wireRecordPicker(format)), options);
}

/** The wire records of a ninjs document: one item, or a list of them. */
export function wireRecordsFromJson(json: unknown, options: WireReadOptions = {}): WireRecord[] {
  const items = Array.isArray(json) ? (json as unknown[]) : [json];
  return items.map((item, index) => ninjsRecord(item, `record ${index + 1}`, options));
}
