import type { Role } from '../auth/roles';
import type { AccessScope } from '../identity';

/**
 * Who may see an obligation, decided by the subgraph that owns the entity it is about and carried in
 * every obligation event, so the notifications service applies the owner's rule without copying its
 * policy or calling back per row. A caller sees the obligation when any one clause admits it.
 */
export interface ObligationAudience {
  /** Organisations (agency id or school URN) whose people may see it… */
  readonly organisationIds: readonly string[];
  /** …holding one of these roles (empty: any role of those organisations). */
  readonly organisationRoles: readonly Role[];
  /** Partnerships whose staff may see it… */
  readonly partnershipIds: readonly string[];
  /** …holding one of these roles in that partnership (empty: nobody by partnership). */
  readonly partnershipRoles: readonly Role[];
  /** Roles that see it wherever they act (e.g. the Panel for national duties). */
  readonly nationalRoles: readonly Role[];
  /**
   * Further organisations, each group with roles of its own, where one list of roles cannot say it:
   * a file transfer is seen by the two schools' DSLs and by anyone of their local authorities.
   * Optional, so every audience written before it existed reads the same.
   */
  readonly organisationGroups?: ReadonlyArray<{
    readonly organisationIds: readonly string[];
    readonly organisationRoles: readonly Role[];
  }>;
}

export const noAudience: ObligationAudience = {
  organisationIds: [],
  organisationRoles: [],
  partnershipIds: [],
  partnershipRoles: [],
  nationalRoles: [],
};

export function audienceAdmits(audience: ObligationAudience, scope: AccessScope): boolean {
  const identity = scope.identity;
  if (!identity) return false;
  if (audience.organisationIds.includes(identity.organisation.id)) {
    if (audience.organisationRoles.length === 0 || scope.hasRole(...audience.organisationRoles)) return true;
  }
  for (const group of audience.organisationGroups ?? []) {
    if (
      group.organisationIds.includes(identity.organisation.id) &&
      (group.organisationRoles.length === 0 || scope.hasRole(...group.organisationRoles))
    ) {
      return true;
    }
  }
  if (audience.partnershipRoles.length > 0 && scope.actsInAnyOf(audience.partnershipIds, audience.partnershipRoles))
    return true;
  return audience.nationalRoles.length > 0 && scope.hasRole(...audience.nationalRoles);
}
