import { describe, expect, it } from 'vitest';
import { rfc3339, rfc822 } from './feed-dates.js';
import { el, renderXml, textEl } from './xml.js';

describe('the XML builder', () => {
  it('escapes text and attribute values, so a headline can never open a tag', () => {
    const xml = renderXml(el('item', { title: 'A "quote" & <b>' }, 'Oil & gas <talks> ]]>'));
    expect(xml).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n<item title="A &quot;quote&quot; &amp; &lt;b&gt;">Oil &amp; gas &lt;talks&gt; ]]&gt;</item>\n',
    );
  });

  it('drops the characters XML 1.0 forbids and keeps every other one', () => {
    const xml = renderXml(
      el('t', {}, 'bell\u0007 nul\u0000 lone\uD800 tab\t emoji 🗞 arabic عُمان \uFFFE'),
    );
    expect(xml).toContain('<t>bell nul lone tab\t emoji 🗞 arabic عُمان </t>');
  });

  it('leaves out absent attributes, empty text elements and skipped children', () => {
    const xml = renderXml(el('a', { b: undefined, c: 0 }, textEl('d', ''), null, false, [el('e')]));
    expect(xml).toContain('<a c="0"><e/></a>');
  });
});

describe('feed dates', () => {
  it('writes RFC 822 for RSS and RFC 3339 for Atom, JSON Feed and sitemaps, in UTC', () => {
    const date = new Date('2024-04-24T06:00:00+04:00');
    expect(rfc822(date)).toBe('Wed, 24 Apr 2024 02:00:00 +0000');
    expect(rfc3339(date)).toBe('2024-04-24T02:00:00Z');
  });
});
