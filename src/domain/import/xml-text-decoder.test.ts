import { describe, expect, it } from 'vitest';
import { decodeXmlChunks, sniffXmlEncoding } from './xml-text-decoder.js';

async function decode(...chunks: (number[] | string)[]): Promise<string> {
  function* bytes() {
    for (const chunk of chunks)
      yield typeof chunk === 'string' ? new TextEncoder().encode(chunk) : Uint8Array.from(chunk);
  }
  let text = '';
  for await (const part of decodeXmlChunks(bytes())) text += part;
  return text;
}

const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

describe('reading the bytes of an export', () => {
  it('drops a UTF-8 byte order mark and keeps the rest as written', async () => {
    expect(await decode([0xef, 0xbb, 0xbf, ...ascii('<a>'), 0xc3, 0xa9, ...ascii('</a>')])).toBe(
      '<a>é</a>',
    );
  });

  it('keeps a character whose bytes are split between two chunks', async () => {
    // "ü" is 0xC3 0xBC; "€" is 0xE2 0x82 0xAC.
    expect(await decode([0x3c, 0xc3], [0xbc, 0xe2, 0x82], [0xac, 0x3e])).toBe('<ü€>');
  });

  it('reads stray windows-1252 bytes in a UTF-8 file as what they meant, not U+FFFD', async () => {
    // A latin-1 "é" (0xE9) and curly quotes (0x93, 0x94) among valid UTF-8.
    const text = await decode([...ascii('caf'), 0xe9, 0x20, 0x93, 0x68, 0x69, 0x94, 0xc3, 0xa9]);
    expect(text).toBe('café “hi”é');
  });

  it('follows the encoding the declaration names', async () => {
    const declared = ascii('<?xml version="1.0" encoding="ISO-8859-1"?><t>');
    expect(await decode([...declared, 0xe9, ...ascii('</t>')])).toBe(
      '<?xml version="1.0" encoding="ISO-8859-1"?><t>é</t>',
    );
    expect(sniffXmlEncoding(Uint8Array.from(ascii('<?xml encoding="no-such-thing"?>')))).toBe(
      'utf-8',
    );
  });

  it('reads UTF-16 by its byte order mark', async () => {
    expect(await decode([0xff, 0xfe, 0x3c, 0, 0x61, 0, 0x3e, 0])).toBe('<a>');
  });
});
