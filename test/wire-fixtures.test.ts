/**
 * Agency files other systems' test suites hold (IPTC's NewsML-G2 and ninjs examples, the feeds
 * feedparser and rss-parser test with) go through the same path `dateline import` takes: the
 * head read and checked, the file streamed and decoded, each record to its format's parser.
 */
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readImportFile, readWireFile } from '../src/adapters/import/import-file-reader.js';
import type { WireItem, WireRecord } from '../src/domain/wire/wire-item.js';

const folder = (name: string) => join(import.meta.dirname, 'fixtures', 'imports', name);
const RECEIVED_AT = '2026-12-06T12:00:00.000Z';
const WIRE_FOLDERS = ['newsml-nitf', 'ninjs', 'feeds'];

/** IPTC's listings that are fragments of an item (a `<contentSet>`, a `<contentMeta>`). */
const FRAGMENTS = [
  'iptc-LISTING_25_An_NITF_marked-up_article_conveyed_in_inlineXML.xml',
  'iptc-LISTING_28_Illustrating_Located_Subject_and_Dateline.xml',
];

async function recordsOf(file: string): Promise<WireRecord[] | { unreadable: string }> {
  const kind = await readImportFile(file);
  if ('unreadable' in kind) return kind;
  if (kind.format === 'wxr' || kind.format === 'ghost' || kind.format === 'article-json')
    throw new Error(`${file} is not agency copy (${kind.format})`);
  const records: WireRecord[] = [];
  for await (const record of readWireFile(file, kind.format, { receivedAt: RECEIVED_AT }))
    records.push(record);
  return records;
}

async function recordsIn(folderName: string, name: string): Promise<WireRecord[]> {
  const records = await recordsOf(join(folder(folderName), name));
  if (!Array.isArray(records)) throw new Error(records.unreadable);
  return records;
}

const items = (records: WireRecord[]): WireItem[] =>
  records.flatMap((record) => ('item' in record ? [record.item] : []));

describe('every agency fixture, through the import path', () => {
  const files = WIRE_FOLDERS.flatMap((name) =>
    readdirSync(folder(name))
      .filter((file) => file !== 'SOURCES.md')
      .map((file) => [name, file] as const),
  );

  it.each(files)('%s/%s gives items or failures with reasons', async (name, file) => {
    const records = await recordsOf(join(folder(name), file));
    if (!Array.isArray(records)) {
      expect(FRAGMENTS).toContain(file);
      expect(records.unreadable).toMatch(/is XML, but not a format Dateline reads/);
      return;
    }
    for (const record of records) {
      if ('failed' in record) {
        expect(record.failed.length).toBeGreaterThan(5);
        expect(record.ref).not.toBe('');
        continue;
      }
      const item = record.item;
      expect(item.uri).not.toBe('');
      expect(item.headline).not.toBe('');
      expect(new Date(item.sentAt).toISOString()).toBe(item.sentAt);
      expect(item.bodyHtml).not.toMatch(/<script/i);
    }
  });

  /**
   * The 19 refused: IPTC's package, concept, video, events and hop-history listings and the
   * placeholder items of its news message (10), AP's video (1), and feedparser's one-field test
   * feeds with no guid, link or title (8).
   */
  it('reads 293 items and refuses 19 records across them', async () => {
    let itemCount = 0;
    let failedCount = 0;
    for (const [name, file] of files) {
      const records = await recordsOf(join(folder(name), file));
      if (!Array.isArray(records)) continue;
      itemCount += items(records).length;
      failedCount += records.length - items(records).length;
    }
    expect({ itemCount, failedCount }).toEqual({ itemCount: 293, failedCount: 19 });
  });
});

describe('an agency file that cannot be read past its head', () => {
  const written = (name: string, text: string) => {
    const dir = mkdtempSync(join(tmpdir(), 'wire-'));
    const file = join(dir, name);
    writeFileSync(file, text);
    return { file, remove: () => rmSync(dir, { recursive: true }) };
  };

  it('gives one failed record for entities it will not expand, and reads nothing through them', async () => {
    const secret = written('secret.txt', 'CANARY-77ab');
    const xxe = written(
      'xxe.xml',
      `<?xml version="1.0"?><!DOCTYPE newsItem [<!ENTITY leak SYSTEM "file://${secret.file}">]>
<newsItem guid="x" version="1"><contentMeta><headline>&leak;</headline></contentMeta></newsItem>`,
    );
    const records: WireRecord[] = [];
    for await (const record of readWireFile(xxe.file, 'newsml-g2')) records.push(record);
    secret.remove();
    xxe.remove();
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({
      failed: expect.stringContaining('declares entities') as string,
    });
    expect(JSON.stringify(records)).not.toContain('CANARY');
  });

  it('gives one failed record for a ninjs file that is not JSON', async () => {
    const broken = written('broken.json', '{"uri": "x", "versioncreated": ');
    const records: WireRecord[] = [];
    for await (const record of readWireFile(broken.file, 'ninjs')) records.push(record);
    broken.remove();
    expect(records).toEqual([
      { failed: expect.stringContaining('JSON') as string, ref: broken.file },
    ]);
  });
});

describe('chosen agency files, field by field', () => {
  it("IPTC's news item: Reuters, version 11, filed in Berlin", async () => {
    const [item] = items(
      await recordsIn('newsml-nitf', 'iptc-LISTING_1_A_NewsML-G2_News_Item.xml'),
    );
    expect(item).toMatchObject({
      uri: 'urn:newsml:acmenews.com:20161018:US-FINANCE-FED',
      version: 11,
      agency: 'Reuters',
      urgency: null,
      headline: 'Fed to halt QE to avert "bubble"',
      dateline: 'Berlin',
      bylines: ['Meredith Jameson'],
      sentAt: '2018-10-21T21:25:32.000Z',
      firstCreatedAt: '2016-10-18T18:12:21.000Z',
      language: 'en-GB',
    });
  });

  it("IPTC's sports story: NITF inline, dateline from the located city's code", async () => {
    const [item] = items(
      await recordsIn('newsml-nitf', 'iptc-LISTING_22_Sports_story_in_NewsML-G2NITF.xml'),
    );
    expect(item?.dateline).toBe('Philadelphia');
    expect(item?.agency).toBe('xmlteam.com');
    expect(item?.subjects).toContain('Baseball');
    expect(item?.bodyHtml).toMatch(/^<p>\(Sports Network\) - A pair of teams/);
    expect(item?.bodyHtml.match(/<p>/g)).toHaveLength(6);
  });

  it("IPTC's photo: the high-resolution rendition with Getty's caption and credit", async () => {
    const [item] = items(await recordsIn('newsml-nitf', 'iptc-LISTING_3_Photo_in_NewsML-G2.xml'));
    expect(item?.photos).toHaveLength(1);
    expect(item?.photos[0]).toMatchObject({ href: './GYI0062134533.jpg', credit: 'Getty Images' });
    expect(item?.photos[0]?.caption).toMatch(
      /^A general view of part of downtown, including Las Vegas/,
    );
    expect(item?.agency).toBe('Getty Images');
  });

  it("IPTC's news message: the package and the placeholder items each fail with a reason", async () => {
    const records = await recordsIn(
      'newsml-nitf',
      'iptc-LISTING_24_News_Message_conveying_a_complete_News_Package.xml',
    );
    expect(records.map((record) => ('failed' in record ? record.failed : 'item'))).toEqual([
      'a package (it lists other items; each of them comes on its own)',
      ...Array<string>(4).fill('it has no headline'),
    ]);
  });

  it("IPTC's video is refused as video, and the concept item as no story", async () => {
    const [video] = await recordsIn(
      'newsml-nitf',
      'iptc-LISTING_4_Multiple_Renditions_of_a_Video_in_NewsML-G2.xml',
    );
    expect(video).toMatchObject({ failed: 'a video; the wire desk takes text and pictures' });
    const [concept] = await recordsIn(
      'newsml-nitf',
      'iptc-LISTING_10_Abstract_Concept_conveyed_in_a_NewsML-G2_Concept_Item.xml',
    );
    expect(concept && 'failed' in concept ? concept.failed : '').toMatch(/^a concept item/);
  });

  it("dpa's ninjs text: uri, version, urgency and agency", async () => {
    const [item] = items(await recordsIn('ninjs', 'iptc-ninjs3-dpa_text.json'));
    expect(item).toMatchObject({
      uri: 'urn:newsml:dpa.com:20090101:190510-99-167362',
      version: 2,
      urgency: 4,
      agency: 'dpa',
      headline: 'Faktencheck Derby-Elfmeter: Hat Schiedsrichter Zwayer recht?',
      language: 'de',
    });
  });

  it("IPTC's simple ninjs text: the AP dateline read from the body and taken out of it", async () => {
    const [item] = items(await recordsIn('ninjs', 'iptc-ninjs3-ninjsExSimpleText_3.json'));
    expect(item?.dateline).toBe('GROSSETO');
    expect(item?.agency).toBe('AP');
    expect(item?.bodyHtml).toMatch(/^<p>The trial of the captain/);
  });

  it("TT's ninjs text with a picture: the photo's caption and credit", async () => {
    const [item] = items(await recordsIn('ninjs', 'iptc-ninjs3-tt_text_image_3.json'));
    expect(item?.urgency).toBe(3);
    expect(item?.agency).toBe('TT');
    expect(item?.photos[0]?.credit).toBe('Karl Melander/TT');
    expect(item?.photos[0]?.caption).toMatch(/^En stor internationell försvarsövning/);
  });

  it("The Guardian's RSS: every item, the channel as agency, the widest photo", async () => {
    const records = await recordsIn('feeds', 'rssparser-guardian.rss');
    const all = items(records);
    expect(all).toHaveLength(records.length);
    expect(all[0]).toMatchObject({
      uri: 'https://www.theguardian.com/us-news/2018/jan/31/donald-trump-state-of-the-union-address-unity-discord',
      agency: 'The Guardian',
      headline: 'Trump State of the Union address promised unity but emphasized discord',
      bylines: ['David Smith in Washington'],
      sentAt: '2018-01-31T07:26:05.000Z',
    });
    expect(all[0]?.photos).toHaveLength(1);
    expect(all[0]?.photos[0]?.href).toContain('w=460');
    expect(all[0]?.photos[0]?.credit).toBe('Photograph: Networ/Sipa USA/REX/Shutterstock');
  });

  it("UOL's ISO-8859-1 feed: accents decoded and Portuguese dates read", async () => {
    const all = items(await recordsIn('feeds', 'rssparser-uolNoticias.rss'));
    expect(all[0]?.headline).toBe(
      'Ibope: Bolsonaro perde de Haddad, Ciro e Alckmin em simulações de 2º turno',
    );
    expect(all[0]?.sentAt).toBe('2018-09-24T22:42:40.000Z');
  });

  it('a feed with undated items dates them when they were received', async () => {
    const all = items(await recordsIn('feeds', 'rssparser-heraldsun.rss'));
    expect(all.map((item) => item.sentAt)).toEqual([RECEIVED_AT, RECEIVED_AT]);
  });
});
