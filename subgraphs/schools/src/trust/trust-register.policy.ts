import { partnershipAdministratorRoles, Role, type AccessScope } from '@safeguarding/shared';
import { administersSchoolPartnership, type SchoolHolders } from '../school/school-record.policy';

/** A trust as far as ownership goes: not yet recorded (or running no school yet), or the proprietor of these schools. */
export type TrustRecord =
  { readonly kind: 'new' } | { readonly kind: 'held'; readonly schools: readonly SchoolHolders[] };

/**
 * The national register of trusts (GIAS groups). A trust's record is part of the record of every
 * academy it runs, so it is changed only by those who hold all of them (a multi-area trust: a
 * national administrator), and a new one by an administrator acting in a partnership. The one place
 * to add a registered data provider's delegation when machine identities arrive.
 */
export function mayChangeTrustRegisterRecord(scope: AccessScope, record: TrustRecord): boolean {
  if (scope.hasRole(Role.NATIONAL_ADMINISTRATOR)) return true;
  if (record.kind === 'new' || record.schools.length === 0) {
    return scope.actsInAnyOf(scope.identity?.partnershipIds ?? [], partnershipAdministratorRoles);
  }
  return record.schools.every((school) => administersSchoolPartnership(scope, school));
}

export const trustRegisterRefusal =
  "A trust's record is changed only by administrators of the partnerships holding every school it runs, or a national administrator";
