import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  detectJsonFormat,
  detectXmlFormat,
  rootElementName,
} from '../src/domain/import/import-format.js';

const root = new URL('./fixtures/imports/', import.meta.url);
const files = (folder: string) =>
  readdirSync(new URL(folder, root)).filter((name) => name !== 'SOURCES.md');
const read = (folder: string, name: string) =>
  readFileSync(new URL(`${folder}/${name}`, root), 'utf8').slice(0, 4096);

describe('telling an import file’s format from its content', () => {
  it('knows every WordPress export as WXR', () => {
    for (const name of files('wxr')) expect(detectXmlFormat(read('wxr', name)), name).toBe('wxr');
  });

  it('knows RSS (0.9x, 1.0 and 2.0) and Atom feeds apart', () => {
    for (const name of files('feeds')) {
      const text = read('feeds', name);
      const expected = rootElementName(text) === 'feed' ? 'atom' : 'rss';
      expect(detectXmlFormat(text), name).toBe(expected);
    }
    expect(
      detectXmlFormat('<?xml version="1.0"?><!-- x --><feed xmlns="http://www.w3.org/2005/Atom">'),
    ).toBe('atom');
  });

  it('knows NewsML-G2 items, messages and packages, and NITF', () => {
    for (const name of files('newsml-nitf')) {
      // IPTC's listings 25 and 28 are excerpts (a bare <contentSet>, <contentMeta>): no item.
      const expected = /LISTING_2[58]_/.test(name) ? undefined : 'newsml-g2';
      expect(detectXmlFormat(read('newsml-nitf', name)), name).toBe(expected);
    }
    expect(
      detectXmlFormat(
        '<!DOCTYPE nitf SYSTEM "nitf.dtd"><nitf version="-//IPTC//DTD NITF 3.4//EN">',
      ),
    ).toBe('nitf');
  });

  it('knows Ghost exports of every version and ninjs items', () => {
    for (const name of files('ghost'))
      expect(
        detectJsonFormat(JSON.parse(readFileSync(new URL(`ghost/${name}`, root), 'utf8'))),
        name,
      ).toBe('ghost');
    for (const name of files('ninjs'))
      expect(
        detectJsonFormat(JSON.parse(readFileSync(new URL(`ninjs/${name}`, root), 'utf8'))),
        name,
      ).toBe('ninjs');
  });

  it('reads any other JSON object as our own format, and knows no stranger XML', () => {
    expect(detectJsonFormat({ headline: 'x' })).toBe('article-json');
    expect(detectJsonFormat([{ headline: 'x' }])).toBe('article-json');
    expect(detectJsonFormat('text')).toBeUndefined();
    expect(detectXmlFormat('<html><body>')).toBeUndefined();
    expect(detectXmlFormat('not xml at all')).toBeUndefined();
  });
});
