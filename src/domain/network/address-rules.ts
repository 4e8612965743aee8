/**
 * Which addresses a server-side request to a URL someone typed may reach: the public internet
 * only. Everything that leads back into the machine, its network or its cloud provider is
 * refused, including IPv6 forms that carry such an IPv4 address inside them (mapped, NAT64,
 * 6to4, Teredo), unless the operator allow-lists it (OUTBOUND_ALLOW).
 */
import {
  formatIpv4,
  inRange,
  parseIp,
  parseRange,
  type IpAddress,
  type IpRange,
} from './ip-address.js';

type Rule = { range: IpRange; reason: string };

const rules = (list: [string, string][]): Rule[] =>
  list.map(([cidr, reason]) => {
    const range = parseRange(cidr);
    if (!range) throw new Error(`bad range in the address rules: ${cidr}`);
    return { range, reason };
  });

/** Most specific first: the first match names the reason. */
const IPV4_RULES = rules([
  ['169.254.169.254', 'a cloud metadata address'],
  ['168.63.129.16', 'a cloud metadata address'],
  ['0.0.0.0/8', 'an unspecified ("this network") address'],
  ['10.0.0.0/8', 'a private address'],
  ['100.64.0.0/10', 'a carrier-grade NAT address'],
  ['127.0.0.0/8', 'a loopback address'],
  ['169.254.0.0/16', 'a link-local address'],
  ['172.16.0.0/12', 'a private address'],
  ['192.0.0.0/24', 'an address reserved for protocol assignments'],
  ['192.0.2.0/24', 'an address reserved for documentation'],
  ['192.88.99.0/24', 'a 6to4 relay address'],
  ['192.168.0.0/16', 'a private address'],
  ['198.18.0.0/15', 'an address reserved for benchmarking'],
  ['198.51.100.0/24', 'an address reserved for documentation'],
  ['203.0.113.0/24', 'an address reserved for documentation'],
  ['224.0.0.0/4', 'a multicast address'],
  ['255.255.255.255', 'the broadcast address'],
  ['240.0.0.0/4', 'a reserved address'],
]);

const IPV6_RULES = rules([
  ['::', 'the unspecified address'],
  ['::1', 'a loopback address'],
  ['fd00:ec2::254', 'a cloud metadata address'],
  // IPv4-compatible addresses are deprecated (RFC 4291) and lead nowhere public.
  ['::/96', 'a deprecated IPv4-compatible address'],
  ['64:ff9b:1::/48', 'a local-use NAT64 address'],
  ['100::/64', 'a discard-only address'],
  ['2001:2::/48', 'an address reserved for benchmarking'],
  ['2001:10::/28', 'a non-routable ORCHID address'],
  ['2001:db8::/32', 'an address reserved for documentation'],
  ['fc00::/7', 'a unique-local address'],
  ['fe80::/10', 'a link-local address'],
  ['fec0::/10', 'a site-local address'],
  ['ff00::/8', 'a multicast address'],
]);

/** IPv6 ranges that carry an IPv4 address, and where in the 128 bits it sits. */
const EMBEDDINGS: { range: IpRange; name: string; v4Of: (value: bigint) => bigint }[] = [
  ['::ffff:0:0/96', 'an IPv4-mapped address', (v: bigint) => v & 0xffffffffn],
  ['::ffff:0:0:0/96', 'an IPv4-translated address', (v: bigint) => v & 0xffffffffn],
  ['64:ff9b::/96', 'a NAT64 address', (v: bigint) => v & 0xffffffffn],
  ['2002::/16', 'a 6to4 address', (v: bigint) => (v >> 80n) & 0xffffffffn],
  // Teredo keeps the client's IPv4 address in the last 32 bits, every bit flipped.
  ['2001::/32', 'a Teredo address', (v: bigint) => ~v & 0xffffffffn],
].map(([cidr, name, v4Of]) => ({
  range: parseRange(cidr as string) as IpRange,
  name: name as string,
  v4Of: v4Of as (value: bigint) => bigint,
}));

const reasonIn = (address: IpAddress, list: Rule[]) =>
  list.find((rule) => inRange(address, rule.range))?.reason ?? null;

/** The IPv4 address an IPv6 one carries, and the name of the form that carries it. */
export function embeddedIpv4(address: IpAddress): { v4: IpAddress; form: string } | null {
  if (address.version !== 6) return null;
  const embedding = EMBEDDINGS.find((e) => inRange(address, e.range));
  return embedding
    ? { v4: { version: 4, value: embedding.v4Of(address.value) }, form: embedding.name }
    : null;
}

/** Why the address may not be reached regardless of configuration, or null when it may. */
export function reservedReason(address: IpAddress): string | null {
  if (address.version === 4) return reasonIn(address, IPV4_RULES);
  const embedded = embeddedIpv4(address);
  if (embedded) {
    const inner = reasonIn(embedded.v4, IPV4_RULES);
    return inner && `${embedded.form} of ${formatIpv4(embedded.v4.value)}, ${inner}`;
  }
  return reasonIn(address, IPV6_RULES);
}

export interface AddressPolicy {
  /** Why a request may not go to this address (in canonical text), or null when it may. */
  refusalOf(address: string): string | null;
}

/**
 * The rules with the operator's exceptions: `allow` lists addresses and CIDR ranges (an
 * IPv4 entry also covers that address written as IPv4-mapped IPv6).
 */
export function addressPolicy(allow: readonly string[] = []): AddressPolicy {
  const allowed = allow.map((entry) => {
    const range = parseRange(entry);
    if (!range) throw new Error(`not an address or CIDR range: ${entry}`);
    return range;
  });
  const isAllowed = (address: IpAddress) => {
    const embedded = embeddedIpv4(address);
    return allowed.some(
      (range) => inRange(address, range) || (embedded !== null && inRange(embedded.v4, range)),
    );
  };
  return {
    refusalOf(text) {
      const address = parseIp(text);
      if (!address) return 'not an IP address';
      if (isAllowed(address)) return null;
      return reservedReason(address);
    },
  };
}
