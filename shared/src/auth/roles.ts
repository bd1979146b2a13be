import { registerEnumType } from 'type-graphql';

/** What a person does in the arrangements (DOMAIN.md §1); carried in the token's `roles` claim. */
export enum Role {
  PRACTITIONER = 'PRACTITIONER',
  DESIGNATED_SAFEGUARDING_LEAD = 'DESIGNATED_SAFEGUARDING_LEAD',
  SAFEGUARDING_MANAGER = 'SAFEGUARDING_MANAGER',
  PARTNERSHIP_BUSINESS_MANAGER = 'PARTNERSHIP_BUSINESS_MANAGER',
  LEAD_SAFEGUARDING_PARTNER = 'LEAD_SAFEGUARDING_PARTNER',
  DELEGATED_SAFEGUARDING_PARTNER = 'DELEGATED_SAFEGUARDING_PARTNER',
  SCRUTINEER = 'SCRUTINEER',
  PANEL_MEMBER = 'PANEL_MEMBER',
}
registerEnumType(Role, { name: 'Role' });

/** Those who act for the partnership as a whole rather than for one agency's cases. */
export const partnershipStaffRoles: readonly Role[] = [
  Role.PARTNERSHIP_BUSINESS_MANAGER,
  Role.LEAD_SAFEGUARDING_PARTNER,
  Role.DELEGATED_SAFEGUARDING_PARTNER,
  Role.SCRUTINEER,
];

/** Those who may change a partnership's arrangements, policies and registers. */
export const partnershipAdministratorRoles: readonly Role[] = [
  Role.PARTNERSHIP_BUSINESS_MANAGER,
  Role.LEAD_SAFEGUARDING_PARTNER,
  Role.DELEGATED_SAFEGUARDING_PARTNER,
];

/** Those who may read a partnership's audit trail. */
export const auditReaderRoles: readonly Role[] = [Role.PARTNERSHIP_BUSINESS_MANAGER, Role.SCRUTINEER];
