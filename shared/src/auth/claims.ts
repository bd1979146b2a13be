import { z } from 'zod';
import { organisationKinds, type Identity } from '../identity';
import { Role } from './roles';

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

export type IdentityClaims = z.infer<typeof identityClaims>;

/** Claims -> Identity, or a one-line reason naming the claim at fault. */
export function identityFromClaims(payload: unknown): Identity | string {
  const parsed = identityClaims.safeParse(payload);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return `claim ${issue?.path.join('.') || '(payload)'} ${issue?.message ?? 'is invalid'}`;
  }
  const { sub, org, roles, partnerships } = parsed.data;
  return { subject: sub, organisation: org, roles, partnershipIds: partnerships };
}

export function claimsFromIdentity(identity: Identity): IdentityClaims {
  return {
    sub: identity.subject,
    org: { id: identity.organisation.id, kind: identity.organisation.kind },
    roles: [...identity.roles],
    partnerships: [...identity.partnershipIds],
  };
}
