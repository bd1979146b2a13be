import type { Role } from './auth/roles';
import { ForbiddenError, UnauthenticatedError } from './errors';

/** The kinds of organisation a caller can act for (DOMAIN.md §1). */
export const organisationKinds = [
  'LOCAL_AUTHORITY',
  'INTEGRATED_CARE_BOARD',
  'POLICE',
  'RELEVANT_AGENCY',
  'SCHOOL',
  'NATIONAL_PANEL',
  'INDEPENDENT_SCRUTINEER',
  // A national body that keeps registers (e.g. the Department for Education); it works no cases.
  'NATIONAL_BODY',
  // A supplier of school systems (an MIS vendor): acts for a school only while the school delegates to it.
  'SYSTEM_SUPPLIER',
] as const;
export type OrganisationKind = (typeof organisationKinds)[number];

/** A verified caller. Built only from a verified token, never from a plain header. */
export interface Identity {
  readonly subject: string;
  /** An agency's id, or a school's URN. */
  readonly organisation: { readonly id: string; readonly kind: OrganisationKind };
  readonly roles: readonly Role[];
  readonly partnershipIds: readonly string[];
  /**
   * Present when a system calls (an OAuth 2.0 client-credentials token): which client, the scopes
   * the identity provider granted it, and the person it acts for when it passed one (RFC 8693).
   */
  readonly client?: SystemClient;
}

export interface SystemClient {
  readonly id: string;
  readonly scopes: readonly string[];
  /** The `sub` of the person the system acts for (then also the identity's subject), or null. */
  readonly actingFor: string | null;
}

/** How a request reached the subgraph: through the gateway (vouched for) or directly (anonymous). */
export type Channel = 'gateway' | 'direct';

/**
 * What a request may reach. Every repository is constructed with one, so a query that forgets
 * to filter by the caller has to go out of its way to do so.
 */
export class AccessScope {
  private constructor(
    readonly identity: Identity | null,
    /** Schools (URNs) that have delegated to the calling system; loaded by the schools subgraph only. */
    readonly delegatedSchools: ReadonlySet<string> = new Set(),
  ) {}

  static readonly anonymous = new AccessScope(null);

  static of(identity: Identity | null, delegatedSchools: Iterable<string> = []): AccessScope {
    return identity ? new AccessScope(identity, new Set(delegatedSchools)) : AccessScope.anonymous;
  }

  /** A system (client-credentials token) rather than a person. */
  get isSystem(): boolean {
    return this.identity?.client !== undefined;
  }

  get isAnonymous(): boolean {
    return this.identity === null;
  }

  /** For restricted (case-level) data: an anonymous caller is refused before any query runs. */
  requireIdentity(): Identity {
    if (!this.identity) throw new UnauthenticatedError();
    return this.identity;
  }

  hasRole(...roles: readonly Role[]): boolean {
    return roles.some((role) => this.identity?.roles.includes(role) ?? false);
  }

  actsIn(partnershipId: string): boolean {
    return this.identity?.partnershipIds.includes(partnershipId) ?? false;
  }

  /** Holds one of the roles and acts in at least one of the partnerships (none given: false). */
  actsInAnyOf(partnershipIds: readonly string[], roles: readonly Role[]): boolean {
    return this.hasRole(...roles) && partnershipIds.some((id) => this.actsIn(id));
  }

  /** Acts for this organisation: an agency's id, or a school's URN, in the caller's verified token. */
  actsFor(organisationId: string): boolean {
    return this.identity?.organisation.id === organisationId;
  }

  /**
   * Acts for this school: its own staff, or a system the school has delegated to (an MIS vendor)
   * while the delegation is active. Roles are still checked by the caller of this.
   */
  actsForSchool(urn: string): boolean {
    return this.schoolsActedFor.includes(urn);
  }

  /**
   * The schools (URNs) the caller acts for: its own, for a school's staff, and every school that
   * delegates to the calling system. The one rule for "the school's own" wherever a school's
   * records are read or written, so a delegated supplier may do what the school's staff may.
   */
  get schoolsActedFor(): readonly string[] {
    const identity = this.identity;
    if (!identity) return [];
    const own = identity.organisation.kind === 'SCHOOL' ? [identity.organisation.id] : [];
    return [...new Set([...own, ...this.delegatedSchools])];
  }

  /** Acts for this school (as its staff or through its delegation) and holds one of the roles. */
  actsForSchoolAs(urn: string, roles: readonly Role[]): boolean {
    return this.actsForSchool(urn) && this.hasRole(...roles);
  }

  /** Acting for a partnership needs both a role and membership of that partnership. */
  requirePartnershipRole(partnershipId: string, roles: readonly Role[]): Identity {
    const identity = this.requireIdentity();
    const target = { entityType: 'Partnership', entityId: partnershipId, partnershipId };
    if (!this.hasRole(...roles)) throw new ForbiddenError(`This needs one of the roles ${roles.join(', ')}`, target);
    if (!this.actsIn(partnershipId)) throw new ForbiddenError('You do not act in that partnership', target);
    return identity;
  }
}
