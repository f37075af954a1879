import { lookup as dnsLookup } from 'node:dns';
import type { LookupFunction } from 'node:net';

import * as ipaddr from 'ipaddr.js';

import { DomainError, ErrorCode } from '@pilotis/shared';

/** Ranges a webhook may reach only when the tenant's setting allows private targets. */
const PRIVATE_RANGES = new Set(['private', 'loopback', 'linkLocal', 'uniqueLocal', 'carrierGradeNat']);

/**
 * Whether a webhook may be sent to `address`. Public unicast addresses always; private, loopback,
 * link-local (cloud metadata at 169.254.169.254 among them) and carrier-grade NAT ranges only when the
 * tenant allows private targets; unspecified, broadcast, multicast and reserved ranges never.
 */
export function addressAllowed(address: string, allowPrivate: boolean): boolean {
  if (!ipaddr.isValid(address)) return false;
  let ip = ipaddr.parse(address);
  if (ip.kind() === 'ipv6' && (ip as ipaddr.IPv6).isIPv4MappedAddress()) ip = (ip as ipaddr.IPv6).toIPv4Address();
  const range = ip.range();
  return range === 'unicast' || (allowPrivate && PRIVATE_RANGES.has(range));
}

export const addressNotAllowed = (message: string): DomainError => new DomainError(ErrorCode.ADDRESS_NOT_ALLOWED, message);

/**
 * Checks a subscription's URL: http(s) only, no credentials, https unless private targets are allowed,
 * and every address its host resolves to allowed. Throws ADDRESS_NOT_ALLOWED or BAD_USER_INPUT.
 */
export async function checkWebhookUrl(raw: string, allowPrivate: boolean): Promise<URL> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw addressNotAllowed('URL invalide.');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw addressNotAllowed('Seules les URL http(s) sont acceptées.');
  if (url.username || url.password)
    throw addressNotAllowed("L'URL ne doit pas contenir d'identifiants : le secret de signature authentifie les envois.");
  if (url.protocol === 'http:' && !allowPrivate) throw addressNotAllowed('Une URL https est requise.');
  const addresses = await resolveAll(url.hostname.replace(/^\[|\]$/g, ''));
  if (addresses.length === 0) throw addressNotAllowed(`L'hôte ${url.hostname} ne se résout pas.`);
  const refused = addresses.filter((a) => !addressAllowed(a, allowPrivate));
  if (refused.length > 0)
    throw addressNotAllowed(
      `Adresse refusée par la politique du territoire (${refused.join(', ')}) : adresses privées, locales ou réservées interdites.`,
    );
  return url;
}

function resolveAll(host: string): Promise<string[]> {
  if (ipaddr.isValid(host)) return Promise.resolve([host]);
  return new Promise((resolve) =>
    dnsLookup(host, { all: true }, (error, addresses) => resolve(error ? [] : addresses.map((a) => a.address))),
  );
}

/**
 * A DNS lookup for the delivery's socket that applies the policy to the address actually connected to:
 * a host that resolved to a public address at subscription and to a private one now (DNS rebinding) is
 * refused at connection time.
 */
export function policyLookup(allowPrivate: boolean): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, '', 4);
      const list = addresses as unknown as { address: string; family: number }[];
      const refused = list.find((a) => !addressAllowed(a.address, allowPrivate));
      if (refused)
        return callback(
          Object.assign(new Error(`address ${refused.address} refused by the tenant's webhook policy`), { code: 'EADDRNOTALLOWED' }),
          '',
          4,
        );
      if ((options as { all?: boolean }).all) return (callback as unknown as (e: null, a: typeof list) => void)(null, list);
      callback(null, list[0].address, list[0].family);
    });
  };
}
