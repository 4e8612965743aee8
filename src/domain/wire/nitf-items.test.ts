import { describe, expect, it } from 'vitest';
import { itemOf, wireRecordsOfText } from './wire-test-reading.js';

const NITF = `<?xml version="1.0" encoding="ISO-8859-1"?>
<nitf version="-//IPTC//DTD NITF 3.6//EN" xml:lang="en">
  <head>
    <title>Oman opens new port</title>
    <docdata>
      <doc-id regsrc="ONA" id-string="ONA-2024-1205-001"/>
      <urgency ed-urg="2"/>
      <date.issue norm="20241205T083000+0400"/>
      <du-key version="4" key="port"/>
      <doc.copyright holder="Oman News Agency"/>
      <key-list><keyword key="ports"/><keyword key="trade"/></key-list>
    </docdata>
  </head>
  <body>
    <body.head>
      <hedline><hl1>Oman opens new port at Duqm</hl1></hedline>
      <byline>By Salim Al Harthy, <byttl>ONA correspondent</byttl></byline>
      <distributor>ONA</distributor>
      <dateline><location><city>MUSCAT</city></location>, <story.date norm="20241205">Dec 5</story.date></dateline>
    </body.head>
    <body.content>
      <p>MUSCAT, Dec 5 (ONA) -- The Sultanate opened a new port on Thursday.</p>
      <hl2>Trade</hl2>
      <block><p>Ships will call weekly.</p></block>
      <media media-type="image">
        <media-reference source="duqm.jpg" mime-type="image/jpeg" alternate-text="Cranes at Duqm"/>
        <media-caption>Cranes at the new port of Duqm.</media-caption>
        <media-producer>ONA</media-producer>
      </media>
      <media media-type="video"><media-reference source="duqm.mp4"/></media>
    </body.content>
  </body>
</nitf>`;

describe('an NITF document', () => {
  it('reads its docdata: id, version, urgency, issue time, keywords', async () => {
    const item = itemOf((await wireRecordsOfText('nitf', NITF))[0]);
    expect(item).toMatchObject({
      uri: 'ONA-2024-1205-001',
      version: 4,
      urgency: 2,
      sentAt: '2024-12-05T04:30:00.000Z',
      firstCreatedAt: '2024-12-05T04:30:00.000Z',
      subjects: ['ports', 'trade'],
      language: 'en',
      format: 'nitf',
    });
  });

  it("reads the body's head: headline, byline without its title, dateline and distributor", async () => {
    const item = itemOf((await wireRecordsOfText('nitf', NITF))[0]);
    expect(item).toMatchObject({
      headline: 'Oman opens new port at Duqm',
      bylines: ['Salim Al Harthy'],
      dateline: 'MUSCAT',
      agency: 'ONA',
    });
  });

  it('makes its image media photos and leaves them, and the opening dateline, out of the body', async () => {
    const item = itemOf((await wireRecordsOfText('nitf', NITF))[0]);
    expect(item.photos).toEqual([
      {
        href: 'duqm.jpg',
        caption: 'Cranes at the new port of Duqm.',
        credit: 'ONA',
        alt: 'Cranes at Duqm',
      },
    ]);
    expect(item.bodyHtml).toBe(
      '<p>The Sultanate opened a new port on Thursday.</p> <h3>Trade</h3> <p>Ships will call weekly.</p>',
    );
  });

  it('falls back to the head title for a headline, and fails a document with no id', async () => {
    const noHedline = NITF.replace(/<hedline>.*<\/hedline>/, '');
    expect(itemOf((await wireRecordsOfText('nitf', noHedline))[0]).headline).toBe(
      'Oman opens new port',
    );
    const noId = NITF.replace(/<doc-id[^>]*\/>/, '');
    expect(await wireRecordsOfText('nitf', noId)).toEqual([
      { failed: 'it has no identifier (guid, uri or id)', ref: 'record 1' },
    ]);
  });

  it('fails a document whose dates are not dates, saying what they were', async () => {
    const undated = NITF.replace('20241205T083000+0400', 'soon');
    expect(await wireRecordsOfText('nitf', undated)).toEqual([
      {
        failed: 'it has no date the desk can read ("soon" is not a date)',
        ref: 'ONA-2024-1205-001',
      },
    ]);
  });
});
