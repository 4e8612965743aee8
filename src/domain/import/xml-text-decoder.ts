/**
 * Bytes of an XML file to text, as real exports arrive: the encoding its BOM or declaration
 * names (ISO-8859-1, windows-1252, UTF-16 …), and UTF-8 files with stray bytes of another
 * encoding in them (a WordPress database that once stored latin-1), which are read as
 * windows-1252 rather than lost to U+FFFD. Chunk by chunk, so a 1 GB file never sits in memory.
 */

/** The windows-1252 characters at 0x80–0x9F; the other high bytes are latin-1's own. */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

const windows1252 = (byte: number) =>
  byte >= 0x80 && byte <= 0x9f ? (CP1252_HIGH[byte - 0x80] as string) : String.fromCharCode(byte);

/** How many bytes the UTF-8 sequence led by `byte` takes, or 0 when it leads none. */
function sequenceLength(byte: number): number {
  if (byte < 0x80) return 1;
  if (byte >= 0xc2 && byte <= 0xdf) return 2;
  if (byte >= 0xe0 && byte <= 0xef) return 3;
  if (byte >= 0xf0 && byte <= 0xf4) return 4;
  return 0;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** UTF-8 where it is valid, windows-1252 byte by byte where it is not. */
function decodeMixed(bytes: Uint8Array): string {
  let text = '';
  let start = 0;
  let i = 0;
  while (i < bytes.length) {
    const length = sequenceLength(bytes[i] as number);
    const end = i + length;
    let valid = length > 0 && end <= bytes.length;
    for (let j = i + 1; valid && j < end; j++) valid = ((bytes[j] as number) & 0xc0) === 0x80;
    if (valid && length > 1) {
      try {
        strictUtf8.decode(bytes.subarray(i, end)); // overlong forms and surrogates
      } catch {
        valid = false;
      }
    }
    if (valid) {
      i = end;
      continue;
    }
    text += strictUtf8.decode(bytes.subarray(start, i)) + windows1252(bytes[i] as number);
    i += 1;
    start = i;
  }
  return text + strictUtf8.decode(bytes.subarray(start));
}

/** Where the last whole UTF-8 sequence of `bytes` ends: the rest waits for the next chunk. */
function completeUpTo(bytes: Uint8Array): number {
  for (let back = 1; back <= Math.min(3, bytes.length); back++) {
    const byte = bytes[bytes.length - back] as number;
    if ((byte & 0xc0) === 0x80) continue;
    const length = sequenceLength(byte);
    return length > back ? bytes.length - back : bytes.length;
  }
  return bytes.length;
}

/** The encoding a file's first bytes name: its BOM, else its XML declaration, else UTF-8. */
export function sniffXmlEncoding(head: Uint8Array): string {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8';
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  const declaration = new TextDecoder('latin1').decode(head.subarray(0, 200));
  const named = /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(declaration);
  const label = named?.[1]?.toLowerCase() ?? 'utf-8';
  try {
    return new TextDecoder(label).encoding;
  } catch {
    return 'utf-8'; // a name no decoder knows: UTF-8, with stray bytes read as windows-1252
  }
}

/** The text of a file's chunks, decoded as its first bytes say. */
export async function* decodeXmlChunks(
  chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
): AsyncGenerator<string> {
  let encoding: string | undefined;
  let other: TextDecoder | undefined;
  let carry = new Uint8Array(0);
  let started = false;
  for await (const chunk of chunks) {
    encoding ??= sniffXmlEncoding(chunk);
    if (encoding !== 'utf-8') {
      other ??= new TextDecoder(encoding);
      yield other.decode(chunk, { stream: true });
      continue;
    }
    const first = carry.length === 0 && !started;
    const bytes = carry.length > 0 ? concat(carry, chunk) : chunk;
    const cut = completeUpTo(bytes);
    carry = bytes.slice(cut);
    const text = decodeUtf8(bytes.subarray(0, cut));
    started = true;
    yield first && text.startsWith('\uFEFF') ? text.slice(1) : text;
  }
  if (other) yield other.decode();
  else if (carry.length > 0) yield decodeMixed(carry);
}

function decodeUtf8(bytes: Uint8Array): string {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return decodeMixed(bytes);
  }
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const joined = new Uint8Array(a.length + b.length);
  joined.set(a, 0);
  joined.set(b, a.length);
  return joined;
}
