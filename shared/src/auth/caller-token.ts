import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { identityProviderUnavailable, refusedCredential } from '../errors';
import type { Identity } from '../identity';
import { identityFromClaims } from './claims';

/**
 * A caller's own token, as the identity provider issued it: verified by the gateway for every
 * request, and by a subgraph behind a Router (`SUBGRAPH_AUTH=jwks`), with the same claims and rules
 * in both places, so the two paths cannot drift apart.
 */

export interface AuthenticationOptions {
  /** Production: the identity provider's JWKS, asymmetric algorithms only. */
  readonly jwksUrl?: string | undefined;
  /** Development and tests: a shared HS256 secret. */
  readonly secret?: string | undefined;
  readonly issuer: string;
  readonly audience: string;
  /** The longest a token may live from issue (or from now, without `iat`) to `exp`; default one hour. */
  readonly maxLifetimeSeconds?: number;
  /** Clock difference forgiven between us and the identity provider; default 30 s. */
  readonly clockToleranceSeconds?: number;
  /** How long to wait for the key set; default 5 s. */
  readonly jwksTimeoutMs?: number;
  readonly now?: () => number;
}

export interface Authenticator {
  /** Null without a credential (public data only); refuses a credential that does not verify. */
  authenticate(authorization: string | undefined): Promise<Identity | null>;
}

const asymmetric = ['RS256', 'PS256', 'ES256', 'EdDSA'];

export const defaultMaxTokenLifetimeSeconds = 3600;
export const defaultClockToleranceSeconds = 30;

export function createAuthenticator(options: AuthenticationOptions): Authenticator {
  const jwks = options.jwksUrl
    ? keySetOf(createRemoteJWKSet(new URL(options.jwksUrl), { timeoutDuration: options.jwksTimeoutMs ?? 5000 }))
    : null;
  const secret = options.secret ? new TextEncoder().encode(options.secret) : null;
  if (!jwks && !secret) throw new Error('authentication needs a JWKS URL or a secret');
  const tolerance = options.clockToleranceSeconds ?? defaultClockToleranceSeconds;
  const maxLifetime = options.maxLifetimeSeconds ?? defaultMaxTokenLifetimeSeconds;
  const now = options.now ?? Date.now;
  const verifyOptions = {
    issuer: options.issuer,
    audience: options.audience,
    clockTolerance: tolerance,
    requiredClaims: ['exp'],
    currentDate: new Date(now()),
  };

  return {
    async authenticate(authorization) {
      if (authorization === undefined || authorization === '') return null;
      const match = /^Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*)$/.exec(authorization.trim());
      if (!match?.[1]) throw refusedCredential('The Authorization header must be "Bearer" followed by a JWT');
      const token = match[1];
      let payload: JWTPayload;
      try {
        const checks = { ...verifyOptions, currentDate: new Date(now()) };
        ({ payload } = jwks
          ? await jwtVerify(token, jwks, { ...checks, algorithms: asymmetric })
          : await jwtVerify(token, secret as Uint8Array, { ...checks, algorithms: ['HS256'] }));
      } catch (error) {
        if (error instanceof IdentityProviderUnreachable) throw identityProviderUnavailable();
        if (error instanceof errors.JOSEError) throw refusedCredential(explain(error));
        throw error;
      }
      const problem = lifetimeProblem(payload, Math.floor(now() / 1000), maxLifetime, tolerance);
      if (problem) throw refusedCredential(problem);
      const identity = identityFromClaims(payload);
      if (typeof identity === 'string') throw refusedCredential(`The token is not usable: ${identity}`);
      return identity;
    },
  };
}

/**
 * A token that lives for years is a password that cannot be changed: once `exp` has been checked
 * (jose does, with the tolerance), its whole life must fit the maximum, and it cannot be issued
 * later than now.
 */
export function lifetimeProblem(
  payload: JWTPayload,
  nowSeconds: number,
  maxLifetime: number,
  tolerance: number,
): string | null {
  const exp = payload.exp as number;
  const iat = payload.iat;
  if (iat !== undefined && iat > nowSeconds + tolerance) return 'The token is issued in the future';
  const from = iat ?? nowSeconds;
  if (exp - from > maxLifetime) return `The token lives longer than the ${maxLifetime} seconds accepted`;
  return null;
}

class IdentityProviderUnreachable extends Error {
  override name = 'IdentityProviderUnreachable';
}

/**
 * The key set failing is not the caller's fault: anything but "no such key" (the network, a
 * timeout, an error page, a body that is not a key set) means no token can be checked now.
 */
function keySetOf(remote: JWTVerifyGetKey): JWTVerifyGetKey {
  return async (header, token) => {
    try {
      return await remote(header, token);
    } catch (error) {
      if (
        error instanceof errors.JWKSNoMatchingKey ||
        error instanceof errors.JWKSMultipleMatchingKeys ||
        error instanceof errors.JOSEAlgNotAllowed
      )
        throw error;
      throw new IdentityProviderUnreachable();
    }
  };
}

// Each reason is safe to tell the caller: it is about their token, never about our keys or data.
function explain(error: errors.JOSEError): string {
  if (error instanceof errors.JWTExpired) return 'The token has expired';
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === 'nbf') return 'The token is not valid yet';
    if (error.claim === 'exp' && error.reason === 'missing') return 'The token has no expiry (exp claim)';
    if (error.claim === 'iat') return 'The token is issued in the future';
    return `The token's ${error.claim} claim is not accepted`;
  }
  if (error instanceof errors.JOSEAlgNotAllowed) return 'The token is signed with an algorithm that is not accepted';
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'The token signature does not verify';
  if (error instanceof errors.JWKSNoMatchingKey) return 'The token is signed with a key that is not trusted';
  if (error instanceof errors.JWKSMultipleMatchingKeys) return 'The token does not say which key signed it (kid)';
  if (error instanceof errors.JOSENotSupported) return 'The token cannot be checked';
  return 'The token is malformed';
}
