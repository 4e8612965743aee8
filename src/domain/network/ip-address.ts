/**
 * IP addresses and CIDR ranges as numbers, so rules can compare them. Only the canonical text
 * forms are read (dotted quads without leading zeros, RFC 4291 IPv6): the WHATWG URL parser
 * and the resolver both hand addresses over in those forms, and anything else is a host name.
 */

export interface IpAddress {
  version: 4 | 6;
  /** The address as an unsigned 32- or 128-bit number. */
  value: bigint;
}

export interface IpRange {
  version: 4 | 6;
  first: bigint;
  last: bigint;
}

const V4_PART = /^(0|[1-9]\d{0,2})$/;
const HEXTET = /^[0-9a-f]{1,4}$/i;

/** Reads a dotted quad such as 192.0.2.1 (no octal, hex or shortened forms). */
export function parseIpv4(text: string): bigint | null {
  const parts = text.split('.');
  if (parts.length !== 4 || !parts.every((p) => V4_PART.test(p))) return null;
  const bytes = parts.map(Number);
  if (bytes.some((b) => b > 255)) return null;
  return bytes.reduce((value, byte) => (value << 8n) | BigInt(byte), 0n);
}

/** The hextets of one side of `::`, an IPv4 tail counting as two. */
function hextetsOf(side: string, allowV4Tail: boolean): number[] | null {
  if (side === '') return [];
  const parts = side.split(':');
  const out: number[] = [];
  for (const [i, part] of parts.entries()) {
    if (allowV4Tail && i === parts.length - 1 && part.includes('.')) {
      const v4 = parseIpv4(part);
      if (v4 === null) return null;
      out.push(Number(v4 >> 16n), Number(v4 & 0xffffn));
    } else if (HEXTET.test(part)) {
      out.push(parseInt(part, 16));
    } else {
      return null;
    }
  }
  return out;
}

/** Reads an IPv6 address (`::1`, `2001:db8::1`, `::ffff:192.0.2.1`); a zone (`%eth0`) is ignored. */
export function parseIpv6(text: string): bigint | null {
  const address = text.replace(/%.*$/, '');
  const halves = address.split('::');
  if (halves.length > 2) return null;
  const head = hextetsOf(halves[0] ?? '', halves.length === 1);
  const tail = halves.length === 2 ? hextetsOf(halves[1] ?? '', true) : [];
  if (!head || !tail) return null;
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return null;
  const hextets = [...head, ...Array<number>(halves.length === 2 ? missing : 0).fill(0), ...tail];
  return hextets.reduce((value, h) => (value << 16n) | BigInt(h), 0n);
}

/** An IPv4 or IPv6 address in canonical text, or null when the text is not one. */
export function parseIp(text: string): IpAddress | null {
  const v4 = parseIpv4(text);
  if (v4 !== null) return { version: 4, value: v4 };
  const v6 = text.includes(':') ? parseIpv6(text) : null;
  return v6 === null ? null : { version: 6, value: v6 };
}

/** Reads `10.0.0.0/8`, `fc00::/7`, or a single address (a range of one). */
export function parseRange(text: string): IpRange | null {
  const [addressText = '', bitsText, ...rest] = text.trim().split('/');
  const address = parseIp(addressText);
  if (!address || rest.length > 0) return null;
  const width = address.version === 4 ? 32 : 128;
  if (bitsText !== undefined && !/^\d{1,3}$/.test(bitsText)) return null;
  const bits = bitsText === undefined ? width : Number(bitsText);
  if (bits > width) return null;
  const hostBits = BigInt(width - bits);
  const first = (address.value >> hostBits) << hostBits;
  return { version: address.version, first, last: first + (1n << hostBits) - 1n };
}

export const inRange = (address: IpAddress, range: IpRange) =>
  address.version === range.version && address.value >= range.first && address.value <= range.last;

/** A 32-bit number as a dotted quad. */
export const formatIpv4 = (value: bigint) =>
  [24n, 16n, 8n, 0n].map((shift) => String((value >> shift) & 0xffn)).join('.');
