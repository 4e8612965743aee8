/**
 * The checks a URL someone typed must pass before the server will ever request it, as far as
 * they can be made without resolving its host: the scheme, no credentials, and a literal IP
 * address (in any notation the WHATWG parser accepts: 2130706433, 0x7f.1, 0177.0.0.1 all
 * become 127.0.0.1) inside the rules. Names are checked again when connecting.
 */
import type { AddressPolicy } from './address-rules.js';

export type OutboundUrlCheck = { ok: true; url: URL } | { ok: false; reason: string };

/** The address inside a URL's hostname when it is a literal: `[::1]` → `::1`. */
export const literalAddressOf = (hostname: string) =>
  hostname.startsWith('[') && hostname.endsWith(']') ? hostname.slice(1, -1) : hostname;

/** Names that resolve to this machine by definition (RFC 6761), whatever DNS says. */
const isLocalName = (hostname: string) => /(^|\.)localhost\.?$/i.test(hostname);

/** Passes the URL, parsed, or says why the server will not request it. */
export function checkOutboundUrl(raw: string, policy: AddressPolicy): OutboundUrlCheck {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, reason: 'is not a URL' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    return { ok: false, reason: 'must start with http:// or https://' };
  if (url.username || url.password)
    return { ok: false, reason: 'must not carry a user name or password' };
  const host = literalAddressOf(url.hostname);
  const isLiteral = /^[\d.]+$/.test(host) || host.includes(':');
  if (isLiteral) {
    const refusal = policy.refusalOf(host);
    if (refusal) return { ok: false, reason: `points at ${host}, ${refusal}` };
  } else if (isLocalName(host) && policy.refusalOf('127.0.0.1') && policy.refusalOf('::1')) {
    return { ok: false, reason: `points at ${host}, which is this machine` };
  }
  return { ok: true, url };
}
