import { z } from 'zod';
import { organisationKinds, type Identity } from '../identity';
import { Role } from './roles';
import { systemScopes } from './scopes';

export const organisationIdPattern = /^(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|\d{6})$/i;

/** The claims a caller's token must carry, beyond the registered ones (sub, exp, nbf, iss, aud). */
export const identityClaims = z.object({
  sub: z.string().min(1, 'must name the person (sub)').max(200),
  org: z.object({
    // The forms the graph's records hold an organisation by (and their columns' width).
    id: z.string().regex(organisationIdPattern, 'must be an agency id (a UUID) or a school URN (6 digits)'),
    kind: z.enum(organisationKinds),
  }),
  roles: z.array(z.enum(Role)).max(20),
  partnerships: z.array(z.uuid()).max(200),
});

export type IdentityClaims = z.infer<typeof identityClaims> & {
  client_id?: string;
  scope?: string;
  act?: { sub: string };
};

const clientIdPattern = /^[\w.:@-]{1,100}$/;

/**
 * A system's token (OAuth 2.0 client credentials, RFC 9068's `client_id`): `sub` absent or the client
 * itself; or, acting for a person, `sub` the person and `act.sub` the client (RFC 8693). Scopes are
 * the space-separated `scope` claim; any the graph does not know are ignored (an identity provider
 * adds its own, such as `openid`).
 */
const systemClaims = identityClaims.extend({
  sub: z.string().min(1).max(200).optional(),
  client_id: z.string().regex(clientIdPattern, 'must be a client id (letters, digits and . : @ _ -, at most 100)'),
  scope: z.string().max(1000).default(''),
  act: z.object({ sub: z.string().min(1).max(200) }).optional(),
});

/** A person's token may name the client it came through; only one with no person of its own (or an `act`) is a system's. */
function isSystemToken(payload: unknown): boolean {
  if (payload === null || typeof payload !== 'object') return false;
  const claims = payload as Record<string, unknown>;
  if (typeof claims['client_id'] !== 'string') return false;
  return claims['sub'] === undefined || claims['sub'] === claims['client_id'] || claims['act'] !== undefined;
}

function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  return `claim ${issue?.path.join('.') || '(payload)'} ${issue?.message ?? 'is invalid'}`;
}

/** Claims -> Identity, or a one-line reason naming the claim at fault. */
export function identityFromClaims(payload: unknown): Identity | string {
  if (isSystemToken(payload)) return systemFromClaims(payload);
  const parsed = identityClaims.safeParse(payload);
  if (!parsed.success) return firstIssue(parsed.error);
  const { sub, org, roles, partnerships } = parsed.data;
  return { subject: sub, organisation: org, roles, partnershipIds: partnerships };
}

function systemFromClaims(payload: unknown): Identity | string {
  const parsed = systemClaims.safeParse(payload);
  if (!parsed.success) return firstIssue(parsed.error);
  const { sub, client_id: clientId, scope, act, org, roles, partnerships } = parsed.data;
  const person = sub !== undefined && sub !== clientId ? sub : null;
  // RFC 8693: the actor is the system; a token naming another actor is not this client's.
  if (act && act.sub !== clientId) return 'claim act.sub must name the client (client_id) acting for the person';
  if (act && !person) return 'claim sub must name the person the system acts for when act is given';
  const known = new Set<string>(systemScopes);
  const scopes = [...new Set(scope.split(' ').filter((s) => known.has(s)))];
  return {
    subject: person ?? clientId,
    organisation: org,
    roles,
    partnershipIds: partnerships,
    client: { id: clientId, scopes, actingFor: person },
  };
}

export function claimsFromIdentity(identity: Identity): IdentityClaims {
  const claims: IdentityClaims = {
    sub: identity.subject,
    org: { id: identity.organisation.id, kind: identity.organisation.kind },
    roles: [...identity.roles],
    partnerships: [...identity.partnershipIds],
  };
  const client = identity.client;
  if (!client) return claims;
  return {
    ...claims,
    sub: client.actingFor ?? client.id,
    client_id: client.id,
    scope: client.scopes.join(' '),
    ...(client.actingFor ? { act: { sub: client.id } } : {}),
  };
}
