import { describe, expect, it } from 'vitest';
import { addressPolicy } from './address-rules.js';
import { parseIp, parseRange } from './ip-address.js';

const rules = addressPolicy();
const refusal = (address: string) => rules.refusalOf(address);

describe('reading addresses', () => {
  it('reads dotted quads and IPv6 in all its canonical shapes', () => {
    expect(parseIp('192.0.2.1')).toEqual({ version: 4, value: 0xc0000201n });
    expect(parseIp('::1')).toEqual({ version: 6, value: 1n });
    expect(parseIp('::')).toEqual({ version: 6, value: 0n });
    expect(parseIp('::ffff:127.0.0.1')).toEqual(parseIp('::ffff:7f00:1'));
    expect(parseIp('2001:db8::8:800:200c:417a')?.value).toBe(0x20010db8000000000008080020_0c417an);
    expect(parseIp('fe80::1%eth0')).toEqual(parseIp('fe80::1'));
  });

  it('takes odd IPv4 notations for names, never for addresses', () => {
    for (const text of [
      '0177.0.0.1',
      '0x7f.0.0.1',
      '2130706433',
      '127.1',
      '256.0.0.1',
      '1.2.3.4.5',
    ])
      expect(parseIp(text), text).toBeNull();
    for (const text of ['1::2::3', '1:2:3:4:5:6:7:8:9', 'g::1', ':::', '1:2:3:4:5:6:7'])
      expect(parseIp(text), text).toBeNull();
  });

  it('reads CIDR ranges and refuses malformed ones', () => {
    expect(parseRange('10.0.0.0/8')).toMatchObject({ first: 0x0a000000n, last: 0x0affffffn });
    expect(parseRange('10.1.2.3')).toMatchObject({ first: 0x0a010203n, last: 0x0a010203n });
    expect(parseRange('10.0.0.0/33')).toBeNull();
    expect(parseRange('fc00::/7')?.last).toBe((0xfe00n << 112n) - 1n);
    expect(parseRange('10.0.0.0/8/1')).toBeNull();
  });
});

describe('the outbound address rules', () => {
  it.each([
    ['10.1.2.3', 'a private address'],
    ['172.16.0.1', 'a private address'],
    ['172.31.255.255', 'a private address'],
    ['192.168.1.1', 'a private address'],
    ['127.0.0.1', 'a loopback address'],
    ['127.255.255.254', 'a loopback address'],
    ['169.254.1.1', 'a link-local address'],
    ['169.254.169.254', 'a cloud metadata address'],
    ['100.64.0.1', 'a carrier-grade NAT address'],
    ['100.127.255.255', 'a carrier-grade NAT address'],
    ['0.0.0.0', 'an unspecified ("this network") address'],
    ['224.0.0.1', 'a multicast address'],
    ['239.255.255.250', 'a multicast address'],
    ['255.255.255.255', 'the broadcast address'],
    ['240.0.0.1', 'a reserved address'],
    ['192.0.2.10', 'an address reserved for documentation'],
    ['198.18.0.1', 'an address reserved for benchmarking'],
  ])('refuses %s: %s', (address, reason) => {
    expect(refusal(address)).toBe(reason);
  });

  it.each([
    ['::1', 'a loopback address'],
    ['::', 'the unspecified address'],
    ['fe80::1', 'a link-local address'],
    ['febf::1', 'a link-local address'],
    ['fc00::1', 'a unique-local address'],
    ['fd12:3456::1', 'a unique-local address'],
    ['fd00:ec2::254', 'a cloud metadata address'],
    ['ff02::1', 'a multicast address'],
    ['2001:db8::1', 'an address reserved for documentation'],
  ])('refuses %s: %s', (address, reason) => {
    expect(refusal(address)).toBe(reason);
  });

  it('refuses IPv4 addresses dressed as IPv6', () => {
    expect(refusal('::ffff:127.0.0.1')).toBe(
      'an IPv4-mapped address of 127.0.0.1, a loopback address',
    );
    expect(refusal('::ffff:7f00:1')).toBe(refusal('::ffff:127.0.0.1'));
    expect(refusal('::ffff:a9fe:a9fe')).toBe(
      'an IPv4-mapped address of 169.254.169.254, a cloud metadata address',
    );
    expect(refusal('::127.0.0.1')).toBe('a deprecated IPv4-compatible address');
    expect(refusal('::7f00:1')).toBe('a deprecated IPv4-compatible address');
    expect(refusal('64:ff9b::10.0.0.1')).toBe('a NAT64 address of 10.0.0.1, a private address');
    expect(refusal('2002:7f00:1::')).toBe('a 6to4 address of 127.0.0.1, a loopback address');
    // Teredo keeps the client's address with every bit flipped: 127.0.0.1 → 80ff:fffe.
    expect(refusal('2001:0:4136:e378:8000:63bf:80ff:fffe')).toBe(
      'a Teredo address of 127.0.0.1, a loopback address',
    );
  });

  it('lets public addresses through, in either family and embedded', () => {
    for (const address of [
      '93.184.215.14',
      '1.1.1.1',
      '8.8.8.8',
      '172.32.0.1',
      '100.128.0.1',
      '2606:4700:4700::1111',
      '::ffff:8.8.8.8',
      '64:ff9b::8.8.8.8',
    ])
      expect(refusal(address), address).toBeNull();
  });

  it('lets the operator allow-list addresses and ranges, mapped forms included', () => {
    const allowing = addressPolicy(['127.0.0.1', '10.20.0.0/16', 'fd00::/8']);
    expect(allowing.refusalOf('127.0.0.1')).toBeNull();
    expect(allowing.refusalOf('::ffff:127.0.0.1')).toBeNull();
    expect(allowing.refusalOf('10.20.3.4')).toBeNull();
    expect(allowing.refusalOf('fd00:ec2::254')).toBeNull();
    expect(allowing.refusalOf('127.0.0.2')).toBe('a loopback address');
    expect(allowing.refusalOf('10.21.0.1')).toBe('a private address');
    expect(allowing.refusalOf('169.254.169.254')).toBe('a cloud metadata address');
    expect(() => addressPolicy(['not-an-address'])).toThrow(/not an address/);
  });

  it('does not take a name for an address', () => {
    expect(refusal('localhost')).toBe('not an IP address');
  });
});
