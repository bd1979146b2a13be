import { lookup } from 'node:dns/promises';
import ipaddr from 'ipaddr.js';
import { BadUserInputError } from '@safeguarding/shared';

/**
 * Where deliveries may go. In production only HTTPS, and never to an address inside our own network
 * (loopback, private, link-local, metadata services): an endpoint is a stranger's URL, and a
 * delivery must not become a way to reach what sits behind the graph. Development and tests may use
 * plain HTTP on loopback for a local receiver.
 */
export interface WebhookUrlPolicy {
  readonly allowPrivateNetworks: boolean;
  readonly requireHttps: boolean;
}

export function webhookUrlPolicy(nodeEnv: string): WebhookUrlPolicy {
  const production = nodeEnv === 'production';
  return { allowPrivateNetworks: !production, requireHttps: production };
}

/** Checks the URL's form; the field named is the input's `url`. */
export function parseWebhookUrl(value: string, policy: WebhookUrlPolicy): URL {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw new BadUserInputError('input.url', 'must be an absolute URL');
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && !policy.requireHttps)) {
    throw new BadUserInputError('input.url', policy.requireHttps ? 'must use https' : 'must use https or http');
  }
  if (url.username || url.password) throw new BadUserInputError('input.url', 'must not carry a user name or password');
  if (url.hash) throw new BadUserInputError('input.url', 'must not have a fragment');
  if (value.length > 2000) throw new BadUserInputError('input.url', 'must be at most 2000 characters');
  return url;
}

/**
 * Resolves the host and refuses it if any address it names is not public unicast. Run at
 * registration and again before every attempt, since a name can be repointed after it was checked.
 */
export async function assertPublicDestination(url: URL, policy: WebhookUrlPolicy): Promise<void> {
  if (policy.allowPrivateNetworks) return;
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const addresses = ipaddr.isValid(host)
    ? [host]
    : (await lookup(host, { all: true, order: 'verbatim' })).map((entry) => entry.address);
  for (const address of addresses) {
    let parsed = ipaddr.parse(address);
    if (parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).isIPv4MappedAddress())
      parsed = (parsed as ipaddr.IPv6).toIPv4Address();
    if (parsed.range() !== 'unicast') throw new UnsafeDestinationError();
  }
}

export class UnsafeDestinationError extends Error {
  override name = 'UnsafeDestinationError';
  constructor() {
    super('the endpoint resolves to an address that is not public (loopback, private, link-local or reserved)');
  }
}
