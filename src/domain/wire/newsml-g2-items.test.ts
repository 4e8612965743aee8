import { describe, expect, it } from 'vitest';
import { itemOf, wireRecordsOfText } from './wire-test-reading.js';

const newsItem = (inside: string, attributes = 'guid="urn:newsml:reuters.com:1" version="3"') =>
  `<?xml version="1.0" encoding="UTF-8"?>
<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" ${attributes} xml:lang="en">${inside}</newsItem>`;

const TEXT_ITEM = newsItem(`
  <itemMeta>
    <itemClass qcode="ninat:text"/>
    <provider qcode="nprov:REUTERS"><name>Reuters</name></provider>
    <versionCreated>2024-04-23T10:15:00+03:00</versionCreated>
    <firstCreated>2024-04-23T09:00:00Z</firstCreated>
  </itemMeta>
  <contentMeta>
    <urgency>3</urgency>
    <located qcode="city:Moscow"><name>Moscow</name></located>
    <dateline>MOSCOW, April 23 (Reuters)</dateline>
    <by>Maria Tsvetkova</by>
    <by>Andrew Osborn</by>
    <creator><name>Reuters Staff</name></creator>
    <subject qcode="medtop:11000000"><name xml:lang="en">politics</name><name xml:lang="ru">политика</name></subject>
    <subject qcode="medtop:20000001"/>
    <keyword>Kremlin</keyword>
    <headline>Russia says talks to go on</headline>
  </contentMeta>
  <contentSet>
    <inlineXML contenttype="application/xhtml+xml">
      <html xmlns="http://www.w3.org/1999/xhtml"><head><title>x</title></head><body>
        <p>MOSCOW, April 23 (Reuters) - Russia said on Tuesday
        the talks would go on.</p>
        <p onclick="steal()">More <b>detail</b>.<script>alert(1)</script></p>
      </body></html>
    </inlineXML>
  </contentSet>`);

describe('a NewsML-G2 news item', () => {
  it('reads its identity, agency, urgency, headline, bylines, subjects, dates and language', async () => {
    const [record] = await wireRecordsOfText('newsml-g2', TEXT_ITEM);
    expect(itemOf(record)).toMatchObject({
      uri: 'urn:newsml:reuters.com:1',
      version: 3,
      agency: 'Reuters',
      urgency: 3,
      headline: 'Russia says talks to go on',
      bylines: ['Maria Tsvetkova', 'Andrew Osborn'],
      subjects: ['politics', 'Kremlin'],
      sentAt: '2024-04-23T07:15:00.000Z',
      firstCreatedAt: '2024-04-23T09:00:00.000Z',
      language: 'en',
      format: 'newsml-g2',
    });
  });

  it("takes the dateline field's place and removes the same opening from the body", async () => {
    const item = itemOf((await wireRecordsOfText('newsml-g2', TEXT_ITEM))[0]);
    expect(item.dateline).toBe('MOSCOW');
    expect(item.bodyHtml).toMatch(/^<p>Russia said on Tuesday the talks would go on\.<\/p>/);
  });

  it("keeps the XHTML body's markup but not its scripts or event handlers", async () => {
    const item = itemOf((await wireRecordsOfText('newsml-g2', TEXT_ITEM))[0]);
    expect(item.bodyHtml).toContain('<p>More <strong>detail</strong>.</p>');
    expect(item.bodyHtml).not.toMatch(/script|onclick|alert|<title>/);
  });

  it('reads the dateline from the body when the item has no field for it', async () => {
    const xml = newsItem(`
      <itemMeta><versionCreated>2024-01-01T00:00:00Z</versionCreated></itemMeta>
      <contentMeta><headline>Troops cross border</headline></contentMeta>
      <contentSet><inlineXML><html><body><p>ANKARA: Turkish troops crossed.</p></body></html></inlineXML></contentSet>`);
    const item = itemOf((await wireRecordsOfText('newsml-g2', xml))[0]);
    expect(item.dateline).toBe('ANKARA');
    expect(item.bodyHtml).toBe('<p>Turkish troops crossed.</p>');
  });

  it("prints the place the story opens with when the item's field names another", async () => {
    const xml = newsItem(`
      <itemMeta><versionCreated>2024-01-01T00:00:00Z</versionCreated></itemMeta>
      <contentMeta><located><name>Berlin</name></located><headline>Talks</headline></contentMeta>
      <contentSet><inlineXML><html><body><p>ANKARA, Turkey — Talks began.</p></body></html></inlineXML></contentSet>`);
    const item = itemOf((await wireRecordsOfText('newsml-g2', xml))[0]);
    expect(item.dateline).toBe('ANKARA');
    expect(item.bodyHtml).toBe('<p>Talks began.</p>');
  });

  it('reads NITF carried inline, and elements written with a namespace prefix', async () => {
    const xml = `<nar:newsItem xmlns:nar="http://iptc.org/std/nar/2006-10-01/" guid="g-1" version="2">
      <nar:itemMeta><nar:provider qcode="nprov:AFP"/><nar:versionCreated>2024-02-02T12:00:00Z</nar:versionCreated></nar:itemMeta>
      <nar:contentSet><nar:inlineXML contenttype="application/nitf+xml">
        <nitf><body><body.head><hedline><hl1>Storm hits coast</hl1></hedline>
          <byline>By Jean Dupont, <byttl>AFP correspondent</byttl></byline></body.head>
          <body.content><p>PARIS (AFP) - A storm hit.</p></body.content></body></nitf>
      </nar:inlineXML></nar:contentSet></nar:newsItem>`;
    expect(itemOf((await wireRecordsOfText('newsml-g2', xml))[0])).toMatchObject({
      uri: 'g-1',
      version: 2,
      agency: 'AFP',
      headline: 'Storm hits coast',
      bylines: ['Jean Dupont'],
      dateline: 'PARIS',
      bodyHtml: '<p>A storm hit.</p>',
    });
  });

  it('makes a picture item one photo: its largest rendition, caption and credit', async () => {
    const xml = newsItem(
      `<rightsInfo><copyrightHolder><name>Getty Images</name></copyrightHolder></rightsInfo>
      <itemMeta><itemClass qcode="ninat:picture"/><provider qcode="nprov:GYI"/>
        <versionCreated>2024-03-03T08:00:00Z</versionCreated></itemMeta>
      <contentMeta><headline>Harbour at dawn</headline>
        <description role="drol:caption">Boats in Muscat harbour at dawn.</description>
        <creditline>Photo: A. Photographer/Getty</creditline></contentMeta>
      <contentSet>
        <remoteContent href="thumb.jpg" contenttype="image/jpeg" width="80"/>
        <remoteContent href="high.jpg" contenttype="image/jpeg" width="3000"/>
        <remoteContent href="web.jpg" contenttype="image/jpeg" width="480"/>
      </contentSet>`,
      'guid="pic-1"',
    );
    const item = itemOf((await wireRecordsOfText('newsml-g2', xml))[0]);
    expect(item.photos).toEqual([
      {
        href: 'high.jpg',
        caption: 'Boats in Muscat harbour at dawn.',
        credit: 'Photo: A. Photographer/Getty',
        alt: '',
      },
    ]);
    expect(item.agency).toBe('Getty Images');
    expect(item.version).toBe(1);
  });

  it('reads each item of a news message, dated by the message when an item gives no time', async () => {
    const xml = `<newsMessage xmlns="http://iptc.org/std/nar/2006-10-01/">
      <header><sent>2024-05-05T05:05:05Z</sent></header>
      <itemSet>
        <packageItem guid="pkg"/>
        <newsItem guid="a" version="1"><contentMeta><headline>First</headline></contentMeta></newsItem>
        <newsItem guid="b" version="1"><itemMeta><versionCreated>2024-05-05T06:00:00Z</versionCreated></itemMeta>
          <contentMeta><headline>Second</headline></contentMeta></newsItem>
      </itemSet></newsMessage>`;
    const records = await wireRecordsOfText('newsml-g2', xml);
    expect(records[0]).toEqual({
      failed: 'a package (it lists other items; each of them comes on its own)',
      ref: 'pkg',
    });
    expect(itemOf(records[1]).sentAt).toBe('2024-05-05T05:05:05.000Z');
    expect(itemOf(records[2]).sentAt).toBe('2024-05-05T06:00:00.000Z');
  });

  it('falls back to the first-created time when the version time is not a date', async () => {
    const xml = newsItem(`<itemMeta><versionCreated>yesterday</versionCreated>
      <firstCreated>2024-06-01T10:00:00Z</firstCreated></itemMeta>
      <contentMeta><headline>Dated</headline></contentMeta>`);
    expect(itemOf((await wireRecordsOfText('newsml-g2', xml))[0]).sentAt).toBe(
      '2024-06-01T10:00:00.000Z',
    );
  });

  it('fails an item with no date it can read, naming what it found', async () => {
    const xml = newsItem(`<itemMeta><versionCreated>yesterday</versionCreated></itemMeta>
      <contentMeta><headline>Undated</headline></contentMeta>`);
    expect(await wireRecordsOfText('newsml-g2', xml)).toEqual([
      {
        failed: 'it has no date the desk can read ("yesterday" is not a date)',
        ref: 'urn:newsml:reuters.com:1',
      },
    ]);
  });

  it('fails an item with no headline or no guid, and one the agency withdrew', async () => {
    const noHeadline = newsItem(
      '<itemMeta><versionCreated>2024-01-01T00:00:00Z</versionCreated></itemMeta>',
    );
    const noGuid = newsItem('<contentMeta><headline>Who?</headline></contentMeta>', 'version="1"');
    const withdrawn = newsItem(
      '<itemMeta><pubStatus qcode="stat:canceled"/></itemMeta><contentMeta><headline>Gone</headline></contentMeta>',
    );
    expect((await wireRecordsOfText('newsml-g2', noHeadline))[0]).toMatchObject({
      failed: 'it has no headline',
    });
    expect((await wireRecordsOfText('newsml-g2', noGuid))[0]).toMatchObject({
      failed: 'it has no identifier (guid, uri or id)',
      ref: 'record 1',
    });
    expect((await wireRecordsOfText('newsml-g2', withdrawn))[0]).toMatchObject({
      failed: 'the agency withdrew it (pubStatus stat:canceled)',
    });
  });
});
