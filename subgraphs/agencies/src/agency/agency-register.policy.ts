import { partnershipAdministratorRoles, Role, type AccessScope } from '@safeguarding/shared';

/**
 * A relevant agency's record in the register, as far as ownership goes: not yet held (a new
 * agency), or held by the partnerships whose designation of it has not ended.
 */
export type RelevantAgencyRecord =
  { readonly kind: 'new' } | { readonly kind: 'held'; readonly designatedBy: readonly string[] };

/**
 * The register of relevant agencies (SI 2018/789 Schedule) is shared by every partnership, so a
 * record is changed only by those who hold it: the administrators of a partnership that names the
 * agency, or a national administrator. A new agency takes nothing from anyone, so an administrator
 * acting in a partnership may add one it is about to name; one acting in none may not. The one place
 * to add a registered data provider's delegation when machine identities arrive.
 */
export function mayChangeRelevantAgencyRecord(scope: AccessScope, record: RelevantAgencyRecord): boolean {
  if (scope.hasRole(Role.NATIONAL_ADMINISTRATOR)) return true;
  switch (record.kind) {
    case 'new':
      return scope.actsInAnyOf(scope.identity?.partnershipIds ?? [], partnershipAdministratorRoles);
    case 'held':
      return scope.actsInAnyOf(record.designatedBy, partnershipAdministratorRoles);
    default: {
      const unhandled: never = record;
      throw new Error(`unhandled relevant agency record ${JSON.stringify(unhandled)}`);
    }
  }
}

export const relevantAgencyRegisterRefusal =
  'Only a national administrator, or administrators of a partnership that names the agency as a relevant agency, change its record; a new agency is added by an administrator acting in a partnership';
