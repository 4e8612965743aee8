import { describe, expect, it } from 'vitest';
import { itemOf, wireRecordsOfText } from './wire-test-reading.js';

const RSS = `<?xml version="1.0"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"
  xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:media="http://search.yahoo.com/mrss/">
<channel>
  <title>Gulf Wire</title>
  <language>en-gb</language>
  <image><title>Not the agency</title></image>
  <item>
    <title>Rain expected &amp;amp; winds</title>
    <link>https://wire.example/rain</link>
    <guid isPermaLink="false">gw-1001</guid>
    <pubDate>Thu, 05 Dec 2024 08:30:00 +0400</pubDate>
    <description>Short summary.</description>
    <content:encoded><![CDATA[<p>MUSCAT, Dec 5 (ONA) -- Rain is expected.</p><p>Stay safe.</p>]]></content:encoded>
    <dc:creator>Weather Desk</dc:creator>
    <category>Weather</category>
    <category>Oman</category>
    <enclosure url="https://wire.example/cloud.jpg" type="image/jpeg" length="1"/>
    <enclosure url="https://wire.example/report.mp3" type="audio/mpeg" length="1"/>
    <media:content url="https://wire.example/sky.jpg?w=140" width="140"><media:credit>ONA</media:credit></media:content>
    <media:content url="https://wire.example/sky.jpg?w=960" width="960">
      <media:description>Clouds over Muscat.</media:description><media:credit>ONA</media:credit>
    </media:content>
  </item>
  <item>
    <title>From elsewhere</title>
    <link>https://wire.example/elsewhere</link>
    <source url="https://reuters.example/">Reuters</source>
    <pubDate>Seg, 24 Set 2018 19:42:40 -0300</pubDate>
    <description>Plain text
with a line break &amp; an ampersand.</description>
    <author>desk@wire.example (Amal Said)</author>
  </item>
  <item><title>No date</title><guid>gw-1003</guid></item>
  <item><description>No title</description><guid>gw-1004</guid></item>
</channel></rss>`;

const ATOM = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title type="text">Agentur Nachrichten</title>
  <author><name>Agentur</name></author>
  <entry xml:lang="de">
    <id>tag:agentur.example,2024:1</id>
    <title type="html">Wahl &lt;em&gt;heute&lt;/em&gt;</title>
    <updated>2024-09-01T12:00:00+02:00</updated>
    <published>2024-09-01T09:00:00+02:00</published>
    <link rel="alternate" href="https://agentur.example/1"/>
    <link rel="enclosure" type="image/png" href="https://agentur.example/1.png"/>
    <author><name>Karl Meier</name></author>
    <source><id>tag:dpa.example</id><title>dpa</title><updated>2024-09-01T12:00:00Z</updated></source>
    <category term="politik" label="Politik"/>
    <summary>Kurz.</summary>
    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>BERLIN (dpa) - Heute wird <b>gewählt</b>.</p></div></content>
  </entry>
</feed>`;

describe('an RSS item', () => {
  it('reads guid, date, title, full content, creator, categories, and the agency in the dateline', async () => {
    const item = itemOf((await wireRecordsOfText('rss', RSS))[0]);
    expect(item).toMatchObject({
      uri: 'gw-1001',
      version: 1,
      agency: 'ONA',
      urgency: null,
      headline: 'Rain expected & winds',
      dateline: 'MUSCAT',
      bodyHtml: '<p>Rain is expected.</p><p>Stay safe.</p>',
      bylines: ['Weather Desk'],
      subjects: ['Weather', 'Oman'],
      sentAt: '2024-12-05T04:30:00.000Z',
      language: 'en-gb',
      format: 'rss',
    });
  });

  it('makes image enclosures and the widest media:content rendition photos', async () => {
    const item = itemOf((await wireRecordsOfText('rss', RSS))[0]);
    expect(item.photos).toEqual([
      { href: 'https://wire.example/cloud.jpg', caption: '', credit: '', alt: '' },
      {
        href: 'https://wire.example/sky.jpg?w=960',
        caption: 'Clouds over Muscat.',
        credit: 'ONA',
        alt: '',
      },
    ]);
  });

  it("uses the item's own source as agency, its link as uri, and reads another language's date", async () => {
    const item = itemOf((await wireRecordsOfText('rss', RSS))[1]);
    expect(item).toMatchObject({
      uri: 'https://wire.example/elsewhere',
      agency: 'Reuters',
      sentAt: '2018-09-24T22:42:40.000Z',
      bylines: ['Amal Said'],
      bodyHtml: '<p>Plain text</p><p>with a line break &amp; an ampersand.</p>',
    });
  });

  it('dates an undated item when it was received, or fails it when that is not known', async () => {
    const received = await wireRecordsOfText('rss', RSS, { receivedAt: '2024-12-06T00:00:00Z' });
    expect(itemOf(received[2]).sentAt).toBe('2024-12-06T00:00:00.000Z');
    const unknown = await wireRecordsOfText('rss', RSS);
    expect(unknown[2]).toEqual({ failed: 'it has no date the desk can read', ref: 'gw-1003' });
  });

  it('reads the same records when the file arrives in small pieces', async () => {
    const options = { receivedAt: '2024-12-06T00:00:00Z' };
    expect(await wireRecordsOfText('rss', RSS, options, 7)).toEqual(
      await wireRecordsOfText('rss', RSS, options),
    );
  });

  it('keeps no script, event handler or javascript: link from a description', async () => {
    const xml = `<rss><channel><title>W</title><item><guid>x</guid><title>T</title>
      <pubDate>Thu, 05 Dec 2024 08:30:00 GMT</pubDate>
      <description><![CDATA[<p onmouseover="steal()">Hi<script>alert(1)</script>
        <a href="javascript:alert(2)">link</a><img src="x.jpg" onerror="alert(3)"></p>]]></description>
      </item></channel></rss>`;
    const item = itemOf((await wireRecordsOfText('rss', xml))[0]);
    expect(item.bodyHtml).not.toMatch(/script|onmouseover|onerror|javascript|alert/);
    expect(item.bodyHtml).toContain('Hi');
  });

  it('names the channel as agency only when nothing else names one', async () => {
    const options = { receivedAt: '2024-12-06T00:00:00Z' };
    expect(itemOf((await wireRecordsOfText('rss', RSS, options))[2]).agency).toBe('Gulf Wire');
    const configured = await wireRecordsOfText('rss', RSS, { ...options, agency: 'WAM' });
    expect(itemOf(configured[2]).agency).toBe('WAM');
    expect(itemOf(configured[1]).agency).toBe('Reuters');
  });

  it('fails an item with no title', async () => {
    const records = await wireRecordsOfText('rss', RSS, { receivedAt: '2024-12-06T00:00:00Z' });
    expect(records[3]).toEqual({ failed: 'it has no headline', ref: 'gw-1004' });
  });
});

describe('an Atom entry', () => {
  it('reads id, times, title without markup, xhtml content, author, category and enclosure', async () => {
    const [record] = await wireRecordsOfText('atom', ATOM);
    expect(itemOf(record)).toEqual({
      uri: 'tag:agentur.example,2024:1',
      version: 1,
      agency: 'dpa',
      urgency: null,
      headline: 'Wahl heute',
      dateline: 'BERLIN',
      bodyHtml: '<p>Heute wird <strong>gewählt</strong>.</p>',
      bylines: ['Karl Meier'],
      subjects: ['Politik'],
      photos: [{ href: 'https://agentur.example/1.png', caption: '', credit: '', alt: '' }],
      firstCreatedAt: '2024-09-01T07:00:00.000Z',
      sentAt: '2024-09-01T10:00:00.000Z',
      language: 'de',
      format: 'atom',
    });
  });
});
