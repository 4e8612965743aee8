import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  childNamed,
  innerMarkup,
  readXmlRecords,
  textOf,
  XmlRefusedError,
} from '../src/domain/import/xml-records.js';

const fixture = (path: string) =>
  readFileSync(new URL(`./fixtures/imports/${path}`, import.meta.url), 'utf8');

function* inChunks(text: string, size: number) {
  for (let at = 0; at < text.length; at += size) yield text.slice(at, at + size);
}

const items = (path: readonly string[]) => path.join('/') === 'rss/channel/item';

async function collect(text: string, size = 64 * 1024, picker = items) {
  const records = [];
  for await (const record of readXmlRecords(inChunks(text, size), picker)) records.push(record);
  return records;
}

describe('reading an XML export record by record', () => {
  it('hands over every WXR item with its fields, the same in tiny chunks as in one', async () => {
    const wxr = fixture('wxr/migrate-sample.xml');
    const whole = await collect(wxr);
    expect(whole.length).toBe(wxr.match(/<item>/g)?.length);
    expect(whole.length).toBeGreaterThan(1);
    const first = whole[0]?.element;
    expect(textOf(childNamed(first, 'title')).length).toBeGreaterThan(0);
    expect(textOf(childNamed(first, 'content:encoded'))).toContain('<');
    expect(await collect(wxr, 7)).toEqual(whole);
  });

  it('reads raw ampersands and HTML entities as a lenient reader must', async () => {
    const [record] = await collect(
      '<rss><channel><item><link>http://x.test/?a=1&b=2</link><t>a&nbsp;b &amp; c</t></item></channel></rss>',
    );
    expect(textOf(childNamed(record?.element, 'link'))).toBe('http://x.test/?a=1&b=2');
    expect(textOf(childNamed(record?.element, 't'))).toBe('a\u00a0b & c');
  });

  it('refuses a file that declares an external entity, and reads nothing through it', async () => {
    const xxe = `<?xml version="1.0"?>
      <!DOCTYPE rss [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
      <rss><channel><item><title>&secret;</title></item></channel></rss>`;
    await expect(collect(xxe)).rejects.toThrow(XmlRefusedError);
    await expect(collect(xxe)).rejects.toThrow(/declares entities/);
  });

  it('refuses a billion-laughs file before expanding anything', async () => {
    const levels = Array.from(
      { length: 9 },
      (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i};`.repeat(10)}">`,
    ).join('');
    const bomb = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol0 "lol">${levels}]>
      <rss><channel><item><title>&lol9;</title></item></channel></rss>`;
    await expect(collect(bomb)).rejects.toThrow(XmlRefusedError);
  });

  it('leaves an undeclared entity as the text it is, expanding nothing', async () => {
    const [record] = await collect(
      '<rss><channel><item><t>&lol9; &xxe;</t></item></channel></rss>',
    );
    expect(textOf(childNamed(record?.element, 't'))).toBe('&lol9; &xxe;');
  });

  it('reads a file that names an outside DTD without fetching it', async () => {
    const nitf = `<?xml version="1.0"?><!DOCTYPE nitf SYSTEM "http://dtd.invalid/nitf.dtd">
      <nitf><body><body.content><p>One &amp; <em>two</em></p></body.content></body></nitf>`;
    const [record] = await collect(nitf, 16, (path) => path.join('/') === 'nitf/body');
    const content = childNamed(record?.element, 'body.content');
    expect(content && innerMarkup(content)).toBe('<p>One &amp; <em>two</em></p>');
  });
});
