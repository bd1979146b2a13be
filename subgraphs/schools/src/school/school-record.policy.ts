import { partnershipAdministratorRoles, Role, statutoryOrganisationId, type AccessScope } from '@safeguarding/shared';

/**
 * Who holds a school's records, as far as this subgraph can tell. Partnerships and their footprints
 * live in the partnerships subgraph, which this one cannot query; what it holds itself is which
 * partnerships designate which schools, so a partnership designating some school of a local
 * authority today is taken to cover that authority (footprints as designations record them), and
 * the caller's verified token says which organisation it acts for and in which partnerships.
 */
export interface SchoolHolders {
  readonly localAuthorityDfeCode: string;
  /** Partnerships whose designation of the school is in force today. */
  readonly designatedBy: readonly string[];
  /** Partnerships designating, today, any school of the school's local authority. */
  readonly coveredBy: readonly string[];
}

export function actsForLocalAuthority(scope: AccessScope, dfeCode: string): boolean {
  return scope.actsFor(statutoryOrganisationId({ kind: 'LOCAL_AUTHORITY', dfeCode }));
}

/**
 * The school's partnership: an administrator of a partnership that designates the school or whose
 * footprint covers its local authority, or of the local authority itself acting in a partnership
 * (the partner whose area the school is in, before any school there is designated).
 */
export function administersSchoolPartnership(scope: AccessScope, holders: SchoolHolders): boolean {
  if (!scope.hasRole(...partnershipAdministratorRoles)) return false;
  if (scope.actsInAnyOf([...holders.designatedBy, ...holders.coveredBy], partnershipAdministratorRoles)) return true;
  return (
    actsForLocalAuthority(scope, holders.localAuthorityDfeCode) && (scope.identity?.partnershipIds.length ?? 0) > 0
  );
}

/** A school's safeguarding records (its DSL and deputies, its calendar): the school's own DSL or safeguarding manager, or its partnership (KCSIE). */
export function mayChangeSchoolSafeguardingRecord(scope: AccessScope, urn: string, holders: SchoolHolders): boolean {
  // A system the school delegated to acts with the school's rights while the delegation lasts, never more.
  const ownStaff =
    scope.actsForSchool(urn) && scope.hasRole(Role.DESIGNATED_SAFEGUARDING_LEAD, Role.SAFEGUARDING_MANAGER);
  return ownStaff || administersSchoolPartnership(scope, holders);
}

/**
 * The national register of schools (GIAS records): changed only by the school's partnership or a
 * national administrator, never by an administrator of somewhere else. The one place to add a
 * registered data provider's delegation (an MIS vendor's machine identity) when those arrive.
 */
export function mayChangeSchoolRegisterRecord(scope: AccessScope, holders: SchoolHolders): boolean {
  return scope.hasRole(Role.NATIONAL_ADMINISTRATOR) || administersSchoolPartnership(scope, holders);
}

export const schoolSafeguardingRefusal =
  "Only the school's own DSL or safeguarding manager, or administrators of a partnership that designates the school or covers its local authority, may change this";
export const schoolRegisterRefusal =
  "A school's record is changed only by administrators of a partnership that designates it or covers its local authority, or a national administrator";
