/**
 * A WordPress export of the size asked for, written in a stream: posts of about 4 KB of HTML
 * each, in a dozen categories and fifty tags, by one author, as a real archive is laid out.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

const PARAGRAPH = `<p>${'The harbour reopened on Tuesday after the storm, and the boats came back. '.repeat(8)}</p>\n`;
const BODY = PARAGRAPH.repeat(6);

const HEAD = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>Synthetic Gazette</title><link>https://old.example</link>
<wp:author><wp:author_login>desk</wp:author_login><wp:author_display_name>The Desk</wp:author_display_name></wp:author>
`;

const post = (n: number) =>
  `<item><title>Story ${n}</title><link>https://old.example/${n}/story-${n}/</link>` +
  `<dc:creator>desk</dc:creator><content:encoded><![CDATA[${BODY}]]></content:encoded>` +
  `<excerpt:encoded><![CDATA[]]></excerpt:encoded><wp:post_id>${n}</wp:post_id>` +
  `<wp:post_date_gmt>2019-05-01 08:30:00</wp:post_date_gmt><wp:post_name>story-${n}</wp:post_name>` +
  `<wp:status>publish</wp:status><wp:post_type>post</wp:post_type>` +
  `<category domain="category" nicename="s"><![CDATA[Section ${n % 12}]]></category>` +
  `<category domain="post_tag" nicename="t"><![CDATA[Tag ${n % 50}]]></category></item>\n`;

/** Writes about `bytes` of export to `file`; returns how many posts it holds. */
export async function writeSyntheticWxr(file: string, bytes: number): Promise<number> {
  const out = createWriteStream(file);
  let written = HEAD.length;
  let posts = 0;
  out.write(HEAD);
  while (written < bytes) {
    const item = post(++posts);
    written += item.length;
    if (!out.write(item)) await once(out, 'drain');
  }
  out.end('</channel></rss>\n');
  await once(out, 'finish');
  return posts;
}
