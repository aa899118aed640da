import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { promises as dns } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import { BlockList, isIP } from 'node:net';
import { BadUserInputError } from '../shared/errors';

/** Addresses a webhook may never reach in production: loopback, private, link-local, shared, reserved. */
const PRIVATE = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12],
  ['192.0.0.0', 24], ['192.0.2.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['198.51.100.0', 24], ['203.0.113.0', 24],
  ['224.0.0.0', 4], ['240.0.0.0', 4],
] as const) PRIVATE.addSubnet(network, prefix, 'ipv4');
for (const [network, prefix] of [['::', 128], ['::1', 128], ['fc00::', 7], ['fe80::', 10], ['ff00::', 8], ['2001:db8::', 32], ['64:ff9b::', 96]] as const) {
  PRIVATE.addSubnet(network, prefix, 'ipv6');
}

/** Whether an address is one a webhook may reach in production (IPv4-mapped IPv6 checked as IPv4). */
export function isPublicAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return isPublicAddress(mapped[1]);
  const family = isIP(address);
  if (family === 0) return false;
  return !PRIVATE.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * A subscription's URL, checked: in production `https` to a host whose every address is public;
 * elsewhere also `http` to the local machine (a receiver under development). Never credentials.
 */
export async function checkWebhookUrl(raw: string, production: boolean): Promise<URL> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new BadUserInputError('url must be an absolute URL', 'url');
  }
  if (url.username || url.password) throw new BadUserInputError('url must not carry credentials', 'url');
  if (url.hash) throw new BadUserInputError('url must not have a fragment', 'url');
  const local = LOCAL_HOSTS.has(url.hostname);
  if (!production) {
    if (url.protocol === 'https:' || (url.protocol === 'http:' && local)) return url;
    throw new BadUserInputError('url must be https, or http on 127.0.0.1 or localhost in development', 'url');
  }
  if (url.protocol !== 'https:') throw new BadUserInputError('url must be https', 'url');
  const host = url.hostname.replace(/^\[|\]$/g, '');
  let addresses: string[];
  try {
    addresses = isIP(host) ? [host] : (await dns.lookup(host, { all: true, verbatim: true })).map((found) => found.address);
  } catch {
    addresses = [];
  }
  // One answer whether the name does not resolve or resolves to a private address: the check
  // tells nothing of the server's own network.
  if (addresses.length === 0 || !addresses.every(isPublicAddress)) {
    throw new BadUserInputError('url must name a host that resolves to public addresses only', 'url');
  }
  return url;
}

/** What an attempt came to: the receiver's status, or why there was none. */
export type SendOutcome = { status: number } | { error: string };

/**
 * POSTs one delivery and reads the status (the body is drained, never kept). In production the
 * connection may only go to public addresses, checked on the address actually connected to (a
 * name that resolved to a public address when subscribing may not turn private since).
 */
export function postWebhook(url: string, headers: Record<string, string>, body: string, options: { production: boolean; timeoutMs: number }): Promise<SendOutcome> {
  const target = new URL(url);
  const client = target.protocol === 'https:' ? https : http;
  const lookup: typeof dnsLookup = ((hostname: string, lookupOptions: object, callback: (error: Error | null, address: string | LookupAddress[], family?: number) => void) =>
    dnsLookup(hostname, { ...lookupOptions, all: true }, (error, found) => {
      if (error) return callback(error, '');
      const allowed = (found as LookupAddress[]).filter((entry) => isPublicAddress(entry.address));
      if (allowed.length === 0) return callback(new Error('refused: the host resolves to a private address'), '');
      if ((lookupOptions as { all?: boolean }).all) return callback(null, allowed);
      return callback(null, allowed[0].address, allowed[0].family);
    })) as typeof dnsLookup;
  return new Promise((resolve) => {
    let settled = false;
    const settle = (outcome: SendOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(outcome);
    };
    const request = client.request(
      target,
      {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), 'user-agent': 'Passerelle-Webhooks/1' },
        ...(options.production ? { lookup } : {}),
      },
      (response) => {
        response.resume();
        response.on('end', () => settle({ status: response.statusCode ?? 0 }));
        response.on('error', () => settle({ status: response.statusCode ?? 0 }));
      },
    );
    // The whole answer within the limit, however slowly it trickles in.
    const timer = setTimeout(() => {
      request.destroy();
      settle({ error: `no answer within ${options.timeoutMs} ms` });
    }, options.timeoutMs);
    request.on('error', (error) => settle({ error: error.message.slice(0, 200) }));
    request.end(body);
  });
}
