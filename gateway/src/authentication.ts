import { createHash } from 'node:crypto';
import {
  createRemoteJWKSet,
  decodeJwt,
  decodeProtectedHeader,
  type JWTHeaderParameters,
  type JWTVerifyGetKey,
} from 'jose';
import { createLRU } from 'lru.min';
import {
  createAuthenticator as createVerifyingAuthenticator,
  type AuthenticationOptions,
  type Authenticator,
  type Identity,
} from '@safeguarding/shared';

// The caller's token is verified by one code in shared/, so a subgraph behind a Router applies the same rules.
export {
  defaultClockToleranceSeconds,
  defaultMaxTokenLifetimeSeconds,
  lifetimeProblem,
  type AuthenticationOptions,
  type Authenticator,
} from '@safeguarding/shared';

export interface GatewayAuthenticationOptions extends AuthenticationOptions {
  /** How many verified tokens the gateway remembers; default 10 000. */
  readonly cachedTokens?: number;
}

export const defaultCachedTokens = 10_000;

/**
 * The gateway's authenticator: the shared verification, with verified tokens remembered until their
 * expiry, so a client sending the same token with every request pays for one verification.
 */
export function createAuthenticator(options: GatewayAuthenticationOptions): Authenticator {
  const verifier = createVerifyingAuthenticator(options);
  // A key set of the gateway's own, fetched and refreshed as the verifier's is: a remembered token
  // is accepted only while it still resolves to the very key it was verified with, so a key the
  // identity provider withdraws stops working as soon as it would without the cache.
  const keys = options.jwksUrl
    ? createRemoteJWKSet(new URL(options.jwksUrl), { timeoutDuration: options.jwksTimeoutMs ?? 5000 })
    : undefined;
  return cachingAuthenticator(verifier, {
    maxEntries: options.cachedTokens ?? defaultCachedTokens,
    ...(options.now ? { now: options.now } : {}),
    ...(keys ? { keys } : {}),
  });
}

export interface TokenCacheOptions {
  readonly maxEntries: number;
  readonly now?: () => number;
  /** The identity provider's key set, when tokens are signed with its keys rather than a shared secret. */
  readonly keys?: JWTVerifyGetKey;
}

export interface CachingAuthenticator extends Authenticator {
  /** How many verified tokens are remembered now. */
  readonly size: number;
}

interface Verified {
  readonly identity: Identity;
  /** `exp` in milliseconds: never accepted from memory at or after it. */
  readonly expiresAt: number;
  readonly key: unknown;
}

/**
 * Only a token the verifier accepted is remembered, so a forged or refused one is checked (and
 * refused) every time. Entries are keyed by the header's SHA-256, so the heap holds no bearer
 * credential beyond its request; the least recently used one goes first once the cache is full.
 */
export function cachingAuthenticator(verifier: Authenticator, options: TokenCacheOptions): CachingAuthenticator {
  const now = options.now ?? Date.now;
  const verified = createLRU<string, Verified>({ max: options.maxEntries });

  async function currentKey(token: string): Promise<unknown> {
    if (!options.keys) return null;
    // Only tokens the verifier accepted get here, so their header is a JWS one (it has `alg`).
    return options.keys(decodeProtectedHeader(token) as JWTHeaderParameters, { payload: '', signature: '' });
  }

  async function remembered(cacheKey: string, token: string): Promise<Identity | null> {
    const entry = verified.get(cacheKey);
    if (!entry) return null;
    if (now() >= entry.expiresAt) {
      verified.delete(cacheKey);
      return null;
    }
    if (options.keys) {
      const key = await currentKey(token).catch(() => undefined);
      if (key !== entry.key) {
        verified.delete(cacheKey);
        return null;
      }
    }
    return entry.identity;
  }

  return {
    get size() {
      return verified.size;
    },
    async authenticate(authorization) {
      if (authorization === undefined || authorization === '') return verifier.authenticate(authorization);
      const token = authorization.trim().slice('Bearer '.length);
      const cacheKey = createHash('sha256').update(authorization).digest('base64url');
      const hit = await remembered(cacheKey, token);
      if (hit) return hit;
      const identity = await verifier.authenticate(authorization);
      if (identity) {
        const exp = decodeJwt(token).exp;
        const key = await currentKey(token).catch(() => undefined);
        if (typeof exp === 'number' && key !== undefined)
          verified.set(cacheKey, { identity, expiresAt: exp * 1000, key });
      }
      return identity;
    },
  };
}
