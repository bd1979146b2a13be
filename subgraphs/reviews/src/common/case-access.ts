import { In, type FindOptionsWhere } from 'typeorm';
import { partnershipStaffRoles, Role, type AccessScope } from '@safeguarding/shared';

/**
 * Those of a safeguarding partner told of a serious incident who see its notification (Working
 * Together 2023: the local authority tells its safeguarding partners): the partner's safeguarding
 * leads, not every practitioner.
 */
export const toldPartnerRoles: readonly Role[] = [
  Role.SAFEGUARDING_MANAGER,
  Role.DESIGNATED_SAFEGUARDING_LEAD,
  Role.LEAD_SAFEGUARDING_PARTNER,
  Role.DELEGATED_SAFEGUARDING_PARTNER,
];

/**
 * Which partnerships' case-level review records a caller reaches: the national Panel every
 * partnership's (where the record goes to the Panel), partnership staff their own partnerships'.
 * Anyone else reaches none through the partnership (owners of actions are added by the caller).
 * An anonymous caller is refused here, before any query is built.
 */
export function caseClauses<T extends { partnershipId: string }>(
  scope: AccessScope,
  where: FindOptionsWhere<T>,
  within: readonly string[] | null,
  options: { readonly panelSees: boolean },
): FindOptionsWhere<T>[] {
  const identity = scope.requireIdentity();
  const narrowed = (ids: readonly string[]) => ({ ...where, partnershipId: In([...ids]) }) as FindOptionsWhere<T>;
  if (options.panelSees && scope.hasRole(Role.PANEL_MEMBER)) return [within ? narrowed(within) : where];
  if (!scope.hasRole(...partnershipStaffRoles)) return [];
  const own = identity.partnershipIds.filter((id) => within?.includes(id) ?? true);
  return own.length > 0 ? [narrowed(own)] : [];
}

/** The same, plus the records the caller's own organisation owns (an agency id or a school URN). */
export function caseOrOwnerClauses<T extends { partnershipId: string; ownerOrganisationId: string }>(
  scope: AccessScope,
  where: FindOptionsWhere<T>,
  within: readonly string[] | null,
): FindOptionsWhere<T>[] {
  const identity = scope.requireIdentity();
  const owned = {
    ...where,
    ...(within ? { partnershipId: In([...within]) } : {}),
    ownerOrganisationId: identity.organisation.id,
  } as FindOptionsWhere<T>;
  return [...caseClauses(scope, where, within, { panelSees: false }), owned];
}
