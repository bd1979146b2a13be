import { jwtVerify, SignJWT, errors } from 'jose';
import { z } from 'zod';
import type { Identity } from '../identity';
import { claimsFromIdentity, identityFromClaims } from './claims';

/**
 * The gateway vouches for a verified caller to the subgraphs with a short-lived token of its own.
 * A subgraph trusts nothing else: a request that reaches it directly, without this header, is
 * anonymous and sees public data only, so going around the gateway gains nothing.
 */
export const internalIdentityHeader = 'x-safeguarding-identity';
const issuer = 'safeguarding-gateway';
const audience = 'safeguarding-subgraphs';
const lifetimeSeconds = 60;

export const internalTokenSecret = z
  .string()
  .min(32, 'must be at least 32 characters (a shared secret between the gateway and the subgraphs)');

export interface InternalIdentity {
  /** Null for an anonymous caller: the gateway still vouches that the request came through it. */
  readonly identity: Identity | null;
  /** The client's operation name, for the audit trail. */
  readonly operationName: string | null;
  /** The gateway's own id for this request: the one the audit trail and every log line carry. */
  readonly requestId: string | null;
  /** Whatever `x-request-id` the client sent, kept apart because the client chose it. */
  readonly clientRequestId: string | null;
}

export interface RequestIds {
  readonly requestId: string;
  readonly clientRequestId: string | null;
}

function key(secret: string): Uint8Array {
  return new TextEncoder().encode(secret);
}

export async function signInternalToken(
  identity: Identity | null,
  operationName: string | null,
  secret: string,
  ids?: RequestIds,
): Promise<string> {
  return new SignJWT({ id: identity ? claimsFromIdentity(identity) : null, op: operationName, rid: ids?.requestId ?? null, crid: ids?.clientRequestId ?? null })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuer(issuer)
    .setAudience(audience)
    .setIssuedAt()
    .setExpirationTime(`${lifetimeSeconds}s`)
    .sign(key(secret));
}

export class InternalTokenError extends Error {
  override name = 'InternalTokenError';
}

export async function verifyInternalToken(token: string, secret: string): Promise<InternalIdentity> {
  try {
    const { payload } = await jwtVerify(token, key(secret), { issuer, audience, algorithms: ['HS256'], clockTolerance: 5 });
    const claims = payload['id'];
    const identity = claims === null || claims === undefined ? null : identityFromClaims(claims);
    if (typeof identity === 'string') throw new InternalTokenError(`identity from the gateway: ${identity}`);
    const text = (value: unknown) => (typeof value === 'string' ? value : null);
    return { identity, operationName: text(payload['op']), requestId: text(payload['rid']), clientRequestId: text(payload['crid']) };
  } catch (error) {
    if (error instanceof InternalTokenError) throw error;
    if (error instanceof errors.JOSEError) throw new InternalTokenError(`identity from the gateway is not valid (${error.code})`);
    throw error;
  }
}
