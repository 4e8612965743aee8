import { describe, expect, it } from 'vitest';
import { photoshopIptcBlock } from '../../../test/media-fixtures.js';
import { cleanText, readEmbeddedDetails, readExif, readIptc, readXmp } from './embedded-details.js';

/** A TIFF structure with one IFD of ASCII entries, as EXIF stores IFD0. */
function exifBlock(entries: Record<number, string>, order: 'II' | 'MM', prefix = true): Buffer {
  const little = order === 'II';
  const tags = Object.entries(entries).map(([tag, text]) => ({
    tag: Number(tag),
    value: Buffer.from(`${text}\0`, 'latin1'),
  }));
  const ifdSize = 2 + tags.length * 12 + 4;
  const header = Buffer.alloc(8 + ifdSize);
  const u16 = (value: number, at: number) =>
    little ? header.writeUInt16LE(value, at) : header.writeUInt16BE(value, at);
  const u32 = (value: number, at: number) =>
    little ? header.writeUInt32LE(value, at) : header.writeUInt32BE(value, at);
  header.write(order, 0, 'latin1');
  u16(42, 2);
  u32(8, 4);
  u16(tags.length, 8);
  let dataAt = header.length;
  const data: Buffer[] = [];
  tags.forEach(({ tag, value }, i) => {
    const entry = 10 + i * 12;
    u16(tag, entry);
    u16(2, entry + 2);
    u32(value.length, entry + 4);
    if (value.length <= 4) value.copy(header, entry + 8);
    else {
      u32(dataAt, entry + 8);
      data.push(value);
      dataAt += value.length;
    }
  });
  const tiff = Buffer.concat([header, ...data]);
  return prefix ? Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff]) : tiff;
}

const xmpPacket = (description: string) => `<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about=""
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/"
    photoshop:Credit="Reuters &amp; Partners">
   ${description}
   <dc:creator><rdf:Seq><rdf:li>Ann Lee</rdf:li><rdf:li>Bo Chen</rdf:li></rdf:Seq></dc:creator>
   <dc:rights><rdf:Alt><rdf:li xml:lang="x-default">&#169; 2025 Reuters</rdf:li></rdf:Alt></dc:rights>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>`;

describe('reading the credits a photo carries', () => {
  it('reads caption, credit, by-line and copyright from IPTC in UTF-8', () => {
    const block = photoshopIptcBlock({
      caption: 'Ministers leave Número 10 — after the vote',
      credit: 'AFP',
      creator: 'Zoë Brontë',
      copyright: '© 2025 AFP',
    });
    expect(readIptc(block)).toEqual({
      caption: 'Ministers leave Número 10 — after the vote',
      credit: 'AFP',
      creator: 'Zoë Brontë',
      copyright: '© 2025 AFP',
    });
  });

  it('reads IPTC written in Latin-1, with no character set declared', () => {
    const block = photoshopIptcBlock({ caption: 'Café in Zürich', creator: 'José' }, 'latin1');
    expect(readIptc(block)).toEqual({ caption: 'Café in Zürich', creator: 'José' });
  });

  it('reads the curly quotes of Windows-1252 captions', () => {
    const iim = Buffer.from([0x1c, 2, 120, 0, 7, 0x93, 0x48, 0x69, 0x94, 0x20, 0x96, 0x20]);
    expect(readIptc(iim)).toEqual({ caption: '\u201cHi\u201d \u2013' });
  });

  it('joins several by-lines, skips other Photoshop resources, and reads extended lengths', () => {
    const caption = 'x'.repeat(40);
    const iim = Buffer.concat([
      Buffer.from([0x1c, 2, 80, 0, 3]),
      Buffer.from('Ann'),
      Buffer.from([0x1c, 2, 80, 0, 3]),
      Buffer.from('Bob'),
      // An extended dataset: the length takes the next two bytes.
      Buffer.from([0x1c, 2, 120, 0x80, 2, 0, caption.length]),
      Buffer.from(caption),
    ]);
    const other = Buffer.from([
      ...Buffer.from('8BIM'),
      0x03,
      0xed,
      3,
      0x41,
      0x42,
      0x43,
      0,
      0,
      0,
      2,
      9,
      9,
    ]);
    const iptc = Buffer.from([...Buffer.from('8BIM'), 0x04, 0x04, 0, 0, 0, 0, 0, iim.length]);
    const block = Buffer.concat([Buffer.from('Photoshop 3.0\0'), other, iptc, iim]);
    expect(readIptc(block)).toEqual({ creator: 'Ann, Bob', caption });
  });

  it('reads EXIF ImageDescription, Artist and Copyright in either byte order', () => {
    const entries = { 0x010e: 'Flooded high street', 0x013b: 'Sam Roe', 0x8298: 'Sam Roe\0Desk' };
    const expected = {
      caption: 'Flooded high street',
      creator: 'Sam Roe',
      copyright: 'Sam Roe; Desk',
    };
    expect(readExif(exifBlock(entries, 'II'))).toEqual(expected);
    expect(readExif(exifBlock(entries, 'MM', false))).toEqual(expected);
    expect(readExif(exifBlock({ 0x013b: 'Al' }, 'II'))).toEqual({ creator: 'Al' });
  });

  it('reads XMP language alternatives, lists and attributes', () => {
    const description =
      '<dc:description><rdf:Alt><rdf:li xml:lang="fr">Bonjour</rdf:li>' +
      '<rdf:li xml:lang="x-default">Crowds &lt;3 the parade</rdf:li></rdf:Alt></dc:description>';
    expect(readXmp(xmpPacket(description))).toEqual({
      caption: 'Crowds <3 the parade',
      credit: 'Reuters & Partners',
      creator: 'Ann Lee, Bo Chen',
      copyright: '© 2025 Reuters',
    });
  });

  it('prefers IPTC over XMP over EXIF, field by field', () => {
    const details = readEmbeddedDetails({
      iptc: photoshopIptcBlock({ caption: 'From IPTC' }),
      xmp: Buffer.from(xmpPacket('')),
      exif: exifBlock({ 0x010e: 'From EXIF', 0x013b: 'EXIF Artist', 0x8298: 'EXIF ©' }, 'II'),
    });
    expect(details).toEqual({
      caption: 'From IPTC',
      credit: 'Reuters & Partners',
      creator: 'Ann Lee, Bo Chen',
      copyright: '© 2025 Reuters',
    });
  });

  it('ignores the descriptions cameras fill in by themselves', () => {
    const exif = exifBlock({ 0x010e: 'OLYMPUS DIGITAL CAMERA         ' }, 'II');
    expect(readEmbeddedDetails({ exif })).toEqual({});
  });

  it('drops control characters, collapses line breaks and caps the length', () => {
    const details = readEmbeddedDetails({
      iptc: photoshopIptcBlock({
        caption: `  Line one\r\nline\u0007 two\u0000 ${'x'.repeat(3000)}`,
      }),
    });
    expect(details.caption?.startsWith('Line one line two x')).toBe(true);
    expect([...(details.caption ?? '')]).toHaveLength(2000);
    expect(cleanText('\ufeff a \t b ', 10)).toBe('a b');
  });

  it('shrugs off damaged or foreign blocks instead of failing the upload', () => {
    expect(
      readEmbeddedDetails({
        iptc: Buffer.from('Photoshop 3.0\u00008BIM\u0004\u0004garbage'),
        exif: Buffer.from('Exif\0\0MM\0\x2a\xff\xff\xff\xff', 'latin1'),
        xmp: '<not xml',
      }),
    ).toEqual({});
    expect(readEmbeddedDetails({})).toEqual({});
  });
});
