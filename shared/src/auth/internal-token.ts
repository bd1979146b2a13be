import { createHash, createSecretKey, randomUUID, type KeyObject } from 'node:crypto';
import { jwtVerify, SignJWT, errors, type JWTPayload } from 'jose';
import { z } from 'zod';
import type { Identity } from '../identity';
import { claimsFromIdentity, identityFromClaims } from './claims';

/**
 * The gateway vouches for a verified caller to the subgraphs with a short-lived token of its own.
 * A subgraph trusts nothing else: a request that reaches it directly, without this header, is
 * anonymous and sees public data only, so going around the gateway gains nothing. The token is
 * bound to one subgraph request (a digest of its document and variables, the request id, a
 * single-use id): one captured from the network opens nothing but the request it came with.
 */
export const internalIdentityHeader = 'x-safeguarding-identity';
const issuer = 'safeguarding-gateway';
const audience = 'safeguarding-subgraphs';
// Signed just before it is sent; long enough for the clocks of two hosts to disagree a little.
const lifetimeSeconds = 30;

export const internalTokenSecret = z
  .string()
  .min(32, 'must be at least 32 characters (a shared secret between the gateway and the subgraphs)');

export interface InternalIdentity {
  /** Null for an anonymous caller: the gateway still vouches that the request came through it. */
  readonly identity: Identity | null;
  /** The client's operation name, for the audit trail. */
  readonly operationName: string | null;
  /** The gateway's own id for the client request: the one the audit trail and every log line carry. */
  readonly requestId: string | null;
  /** Whatever `x-request-id` the client sent, kept apart because the client chose it. */
  readonly clientRequestId: string | null;
}

/** A client's own correlation id, kept only if it is a plain token short enough to store. */
export function clientRequestId(header: string | undefined): string | null {
  return header && /^[\w.:-]{1,64}$/.test(header) ? header : null;
}

// jose turns raw bytes into a KeyObject on every call (profiled: a subgraph request's most costly
// crypto step after the HMAC itself); the process holds one secret, so its key is built once.
let cachedKey: { secret: string; key: KeyObject } | null = null;

function key(secret: string): KeyObject {
  if (cachedKey?.secret !== secret) cachedKey = { secret, key: createSecretKey(new TextEncoder().encode(secret)) };
  return cachedKey.key;
}

/** The request a subgraph receives, as its body says. */
export interface SubgraphOperation {
  readonly query?: unknown;
  readonly operationName?: unknown;
  readonly variables?: unknown;
}

/**
 * SHA-256 of the document, operation name and variables in a canonical JSON (keys sorted), so the
 * gateway and the subgraph, serialising separately, agree on the same request.
 */
export function operationDigest(operation: SubgraphOperation): string {
  const canonical = canonicalJson({
    query: operation.query ?? null,
    operationName: operation.operationName ?? null,
    variables: operation.variables ?? null,
  });
  return createHash('sha256').update(canonical).digest('base64url');
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

export interface InternalGrant {
  readonly identity: Identity | null;
  /** The client's operation name, for the audit trail. */
  readonly operationName: string | null;
  /** The gateway's id for the whole client request. */
  readonly requestId: string | null;
  /** The client's own `x-request-id`, a label only. */
  readonly clientRequestId?: string | null;
  /** The one subgraph request this token may accompany. */
  readonly operation: SubgraphOperation;
}

export async function signInternalToken(grant: InternalGrant, secret: string): Promise<string> {
  return new SignJWT({
    id: grant.identity ? claimsFromIdentity(grant.identity) : null,
    op: grant.operationName,
    rid: grant.requestId,
    crid: grant.clientRequestId ?? null,
    oph: operationDigest(grant.operation),
  })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuer(issuer)
    .setAudience(audience)
    .setIssuedAt()
    .setJti(randomUUID())
    .setExpirationTime(`${lifetimeSeconds}s`)
    .sign(key(secret));
}

export class InternalTokenError extends Error {
  override name = 'InternalTokenError';
}

/**
 * Single-use ids seen within their token's life. Per process: a replica would accept a replay that
 * another one saw, but only of the very same request (the digest), for at most the token's life.
 */
export class ReplayGuard {
  private readonly seen = new Map<string, number>();
  constructor(private readonly maxEntries = 100_000) {}

  /** False when the id was already used. */
  firstUse(jti: string, expiresAtSeconds: number, nowSeconds: number): boolean {
    for (const [id, expiry] of this.seen) {
      if (expiry >= nowSeconds && this.seen.size < this.maxEntries) break;
      this.seen.delete(id);
    }
    if (this.seen.has(jti)) return false;
    this.seen.set(jti, expiresAtSeconds + 5);
    return true;
  }
}

export interface ReceivedRequest {
  readonly operation: SubgraphOperation;
  /** The x-request-id header the subgraph received, if any. */
  readonly requestId: string | undefined;
}

/**
 * The token's own checks (signature, issuer, audience, lifetime), which need no body: a subgraph
 * runs them before it reads the body, to know whether the gateway vouches for the request. The
 * binding to the request (`checkInternalGrant`) follows once the body is read.
 */
export async function verifyInternalTokenSignature(token: string, secret: string): Promise<JWTPayload> {
  try {
    const { payload } = await jwtVerify(token, key(secret), {
      issuer,
      audience,
      algorithms: ['HS256'],
      clockTolerance: 5,
      requiredClaims: ['exp', 'iat', 'jti', 'oph'],
      maxTokenAge: lifetimeSeconds + 5,
    });
    return payload;
  } catch (error) {
    if (error instanceof errors.JOSEError)
      throw new InternalTokenError(`identity from the gateway is not valid (${error.code})`);
    throw error;
  }
}

/** A verified token's binding to the request received: its digest, its request id, its single use. */
export function checkInternalGrant(
  payload: JWTPayload,
  received: ReceivedRequest,
  replays: ReplayGuard,
): InternalIdentity {
  if (payload['oph'] !== operationDigest(received.operation)) {
    throw new InternalTokenError('identity from the gateway was issued for another request');
  }
  const rid = typeof payload['rid'] === 'string' ? payload['rid'] : null;
  if (received.requestId !== undefined && rid !== null && received.requestId !== rid) {
    throw new InternalTokenError('identity from the gateway was issued for another request id');
  }
  if (!replays.firstUse(payload.jti as string, payload.exp as number, Math.floor(Date.now() / 1000))) {
    throw new InternalTokenError('identity from the gateway was already used');
  }
  const claims = payload['id'];
  const identity = claims === null || claims === undefined ? null : identityFromClaims(claims);
  if (typeof identity === 'string') throw new InternalTokenError(`identity from the gateway: ${identity}`);
  const crid = payload['crid'];
  return {
    identity,
    operationName: typeof payload['op'] === 'string' ? payload['op'] : null,
    requestId: rid,
    clientRequestId: typeof crid === 'string' ? crid : null,
  };
}

export async function verifyInternalToken(
  token: string,
  secret: string,
  received: ReceivedRequest,
  replays: ReplayGuard,
): Promise<InternalIdentity> {
  return checkInternalGrant(await verifyInternalTokenSignature(token, secret), received, replays);
}
