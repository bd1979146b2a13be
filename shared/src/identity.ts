import { UnauthenticatedError } from './errors';

/** The kinds of organisation a caller can act for (DOMAIN.md §1). */
export const organisationKinds = [
  'LOCAL_AUTHORITY',
  'INTEGRATED_CARE_BOARD',
  'POLICE',
  'RELEVANT_AGENCY',
  'SCHOOL',
  'NATIONAL_PANEL',
  'INDEPENDENT_SCRUTINEER',
] as const;
export type OrganisationKind = (typeof organisationKinds)[number];

/** A verified caller. Filled by the security layer; never built from unverified headers. */
export interface Identity {
  readonly subject: string;
  readonly organisation: { readonly id: string; readonly kind: OrganisationKind };
  readonly roles: readonly string[];
  readonly partnershipIds: readonly string[];
}

/**
 * What a request may reach. Every repository is constructed with one, so a query that forgets
 * to filter by the caller has to go out of its way to do so.
 */
export class AccessScope {
  private constructor(readonly identity: Identity | null) {}

  static readonly anonymous = new AccessScope(null);

  static of(identity: Identity | null): AccessScope {
    return identity ? new AccessScope(identity) : AccessScope.anonymous;
  }

  get isAnonymous(): boolean {
    return this.identity === null;
  }

  /** For restricted (case-level) data: an anonymous caller is refused before any query runs. */
  requireIdentity(): Identity {
    if (!this.identity) throw new UnauthenticatedError();
    return this.identity;
  }
}
