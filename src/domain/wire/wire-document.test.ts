import { describe, expect, it } from 'vitest';
import type { WireRecord } from './wire-item.js';
import { wireRecordsOfDocument } from './wire-document.js';

const bytes = (text: string) => new TextEncoder().encode(text);

async function recordsOf(text: string): Promise<WireRecord[]> {
  const records: WireRecord[] = [];
  for await (const record of wireRecordsOfDocument(bytes(text), {
    agency: 'Reuters',
    receivedAt: '2026-12-06T10:00:00Z',
  }))
    records.push(record);
  return records;
}

const RSS = `<?xml version="1.0"?><rss version="2.0"><channel><title>Desk</title>
<item><guid>urn:desk:1</guid><title>Harbour reopens</title>
<description>&lt;p&gt;MUSCAT: The harbour reopened on Sunday.&lt;/p&gt;</description>
<pubDate>Sun, 06 Dec 2026 08:00:00 GMT</pubDate></item></channel></rss>`;

describe('a fetched agency document', () => {
  it('is read by its content: an RSS feed’s items, signed off by the source’s agency', async () => {
    const [record] = await recordsOf(RSS);
    expect(record).toMatchObject({
      item: { uri: 'urn:desk:1', headline: 'Harbour reopens', agency: 'Reuters', format: 'rss' },
    });
  });

  it('reads a ninjs document given as JSON', async () => {
    const ninjs = JSON.stringify({
      uri: 'urn:ninjs:1',
      version: '2',
      versioncreated: '2026-12-06T08:00:00Z',
      headlines: [{ value: 'Rain floods wadis' }],
      bodies: [{ role: 'main', contenttype: 'text/html', value: '<p>Rain fell.</p>' }],
    });
    const [record] = await recordsOf(ninjs);
    expect(record).toMatchObject({ item: { uri: 'urn:ninjs:1', format: 'ninjs' } });
  });

  it('is one failed record, saying what it is, when it is no agency copy', async () => {
    const wxr = `<?xml version="1.0"?><rss version="2.0"
      xmlns:wp="http://wordpress.org/export/1.2/"><channel><wp:wxr_version>1.2</wp:wxr_version></channel></rss>`;
    expect(await recordsOf(wxr)).toEqual([
      { failed: expect.stringMatching(/WordPress export/) as unknown, ref: 'document' },
    ]);
    expect(await recordsOf('Service unavailable')).toEqual([
      {
        failed: expect.stringMatching(/no format the wire desk reads/) as unknown,
        ref: 'document',
      },
    ]);
    expect(await recordsOf('{"hello": "world"}')).toEqual([
      { failed: 'JSON, but not IPTC ninjs', ref: 'document' },
    ]);
  });

  it('refuses a document that declares entities, reading nothing from it', async () => {
    const xxe = `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
      <rss version="2.0"><channel><item><guid>x</guid><title>&secret;</title></item></channel></rss>`;
    const records = await recordsOf(xxe);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({
      ref: 'document',
      failed: expect.stringMatching(/entit/i) as unknown,
    });
  });
});
