import { lookup as dnsLookup } from 'node:dns/promises';
import type { LookupAddress } from 'node:dns';
import type { AddressPolicy } from '../../domain/network/address-rules.js';
import { OutboundError } from '../../domain/network/outbound-error.js';

/** Resolves a host name to every address it has; dns.lookup (the system resolver) by default. */
export type Resolve = (hostname: string) => Promise<LookupAddress[]>;

export const systemResolve: Resolve = (hostname) =>
  dnsLookup(hostname, { all: true, verbatim: true });

type LookupCallback = (
  error: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

/** Every address, or the refusal of the first one the policy does not allow. */
async function checkedAddresses(
  hostname: string,
  family: number | undefined,
  policy: AddressPolicy,
  resolve: Resolve,
): Promise<LookupAddress[]> {
  let addresses: LookupAddress[];
  try {
    addresses = await resolve(hostname);
  } catch (error) {
    throw new OutboundError('network', `could not resolve ${hostname}: ${String(error)}`, {
      cause: error,
    });
  }
  // One bad address refuses the name: a name pointing both outside and inside is a trick.
  for (const { address } of addresses) {
    const refusal = policy.refusalOf(address);
    if (refusal)
      throw new OutboundError('refused', `${hostname} resolves to ${address}, ${refusal}`);
  }
  const usable =
    family === 4 || family === 6 ? addresses.filter((a) => a.family === family) : addresses;
  if (usable.length === 0) throw new OutboundError('network', `${hostname} has no address`);
  return usable;
}

/**
 * A `lookup` for node:net that checks what it resolves. The socket connects to exactly the
 * addresses this hands back, so the address checked is the address connected to: no second
 * resolution, no DNS-rebinding window. (node:net skips `lookup` for literal IPs; those are
 * checked before the request is made.)
 */
export function guardedLookup(policy: AddressPolicy, resolve: Resolve) {
  return (
    hostname: string,
    options: { family?: number | string; all?: boolean },
    callback: LookupCallback,
  ): void => {
    const family = typeof options.family === 'number' ? options.family : undefined;
    checkedAddresses(hostname, family, policy, resolve).then(
      (addresses) => {
        const [first] = addresses as [LookupAddress];
        if (options.all) callback(null, addresses);
        else callback(null, first.address, first.family);
      },
      (error: NodeJS.ErrnoException) => callback(error, ''),
    );
  };
}
