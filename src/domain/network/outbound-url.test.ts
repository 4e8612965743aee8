import { describe, expect, it } from 'vitest';
import { addressPolicy } from './address-rules.js';
import { checkOutboundUrl } from './outbound-url.js';

const rules = addressPolicy();
const reasonFor = (url: string, policy = rules) => {
  const check = checkOutboundUrl(url, policy);
  return check.ok ? null : check.reason;
};

describe('checking a URL before it is ever requested', () => {
  it('accepts http and https URLs with public or named hosts', () => {
    expect(reasonFor('https://hooks.example.com/dateline?x=1')).toBeNull();
    expect(reasonFor('http://93.184.215.14:8080/')).toBeNull();
    expect(reasonFor('https://[2606:4700:4700::1111]/')).toBeNull();
  });

  it('refuses other schemes, credentials and things that are not URLs', () => {
    expect(reasonFor('file:///etc/passwd')).toBe('must start with http:// or https://');
    expect(reasonFor('gopher://example.com/')).toBe('must start with http:// or https://');
    expect(reasonFor('ftp://example.com/')).toBe('must start with http:// or https://');
    expect(reasonFor('https://user:pw@example.com/')).toBe(
      'must not carry a user name or password',
    );
    expect(reasonFor('https://user@example.com/')).toBe('must not carry a user name or password');
    expect(reasonFor('example.com/hook')).toBe('is not a URL');
    expect(reasonFor('http://999.1.1.1/')).toBe('is not a URL');
  });

  it.each([
    ['http://127.0.0.1:8080/', '127.0.0.1'],
    ['http://2130706433/', '127.0.0.1'],
    ['http://017700000001/', '127.0.0.1'],
    ['http://0177.0.0.1/', '127.0.0.1'],
    ['http://0x7f.0.0.1/', '127.0.0.1'],
    ['http://0x7f.1/', '127.0.0.1'],
    ['http://127.1/', '127.0.0.1'],
    ['http://127.0.0.1./', '127.0.0.1'],
    ['http://%31%32%37.0.0.1/', '127.0.0.1'],
    ['http://0/', '0.0.0.0'],
    ['http://169.254.169.254/latest/meta-data/', '169.254.169.254'],
    ['http://[::1]:8080/', '::1'],
    ['http://[0:0:0:0:0:0:0:1]/', '::1'],
    ['http://[::ffff:127.0.0.1]/', '::ffff:7f00:1'],
    ['http://[::127.0.0.1]/', '::7f00:1'],
    ['http://[fd00:ec2::254]/', 'fd00:ec2::254'],
    ['http://10.0.0.5/', '10.0.0.5'],
  ])('refuses %s, which points at %s', (url, address) => {
    expect(reasonFor(url)).toMatch(new RegExp(`^points at ${address.replace(/\./g, '\\.')}, `));
  });

  it('refuses localhost by name, unless loopback is allow-listed', () => {
    expect(reasonFor('http://localhost:3000/')).toBe('points at localhost, which is this machine');
    expect(reasonFor('http://LOCALHOST./')).toBe('points at localhost., which is this machine');
    expect(reasonFor('http://api.localhost/')).toBe(
      'points at api.localhost, which is this machine',
    );
    expect(reasonFor('http://localhost:3000/', addressPolicy(['127.0.0.1']))).toBeNull();
  });

  it('lets an allow-listed literal address through', () => {
    expect(reasonFor('http://127.0.0.1:9000/', addressPolicy(['127.0.0.0/8']))).toBeNull();
    expect(reasonFor('http://[::1]:9000/', addressPolicy(['::1']))).toBeNull();
  });
});
