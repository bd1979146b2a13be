import { createRemoteJWKSet, errors, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { identityFromClaims, refusedCredential, type Identity } from '@safeguarding/shared';

export interface AuthenticationOptions {
  /** Production: the identity provider's JWKS, asymmetric algorithms only. */
  readonly jwksUrl?: string | undefined;
  /** Development and tests: a shared HS256 secret. */
  readonly secret?: string | undefined;
  readonly issuer: string;
  readonly audience: string;
}

export interface Authenticator {
  /** Null without a credential (public data only); refuses a credential that does not verify. */
  authenticate(authorization: string | undefined): Promise<Identity | null>;
}

const asymmetric = ['RS256', 'PS256', 'ES256', 'EdDSA'];

export function createAuthenticator(options: AuthenticationOptions): Authenticator {
  const jwks: JWTVerifyGetKey | null = options.jwksUrl ? createRemoteJWKSet(new URL(options.jwksUrl)) : null;
  const secret = options.secret ? new TextEncoder().encode(options.secret) : null;
  if (!jwks && !secret) throw new Error('authentication needs a JWKS URL or a secret');
  const verifyOptions = { issuer: options.issuer, audience: options.audience, clockTolerance: 30 };

  return {
    async authenticate(authorization) {
      if (authorization === undefined || authorization === '') return null;
      const match = /^Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*)$/.exec(authorization.trim());
      if (!match?.[1]) throw refusedCredential('The Authorization header must be "Bearer" followed by a JWT');
      const token = match[1];
      try {
        const { payload } = jwks
          ? await jwtVerify(token, jwks, { ...verifyOptions, algorithms: asymmetric })
          : await jwtVerify(token, secret as Uint8Array, { ...verifyOptions, algorithms: ['HS256'] });
        const identity = identityFromClaims(payload);
        if (typeof identity === 'string') throw refusedCredential(`The token is not usable: ${identity}`);
        return identity;
      } catch (error) {
        if (error instanceof errors.JOSEError) throw refusedCredential(explain(error));
        throw error;
      }
    },
  };
}

// Each reason is safe to tell the caller: it is about their token, never about our keys or data.
function explain(error: errors.JOSEError): string {
  if (error instanceof errors.JWTExpired) return 'The token has expired';
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === 'nbf') return 'The token is not valid yet';
    return `The token's ${error.claim} claim is not accepted`;
  }
  if (error instanceof errors.JOSEAlgNotAllowed) return 'The token is signed with an algorithm that is not accepted';
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'The token signature does not verify';
  if (error instanceof errors.JWKSNoMatchingKey) return 'The token is signed with a key that is not trusted';
  if (error instanceof errors.JWKSTimeout || error instanceof errors.JOSENotSupported) return 'The token cannot be checked';
  return 'The token is malformed';
}
