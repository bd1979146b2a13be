import { registerEnumType } from 'type-graphql';

/** What a person does in the arrangements (DOMAIN.md §1); carried in the token's `roles` claim. */
export enum Role {
  PRACTITIONER = 'PRACTITIONER',
  DESIGNATED_SAFEGUARDING_LEAD = 'DESIGNATED_SAFEGUARDING_LEAD',
  /**
   * A school's headteacher (or principal), who with the DSL answers for the school's safeguarding
   * (KCSIE Part 2): among other things, which systems may act for the school.
   */
  HEAD_TEACHER = 'HEAD_TEACHER',
  SAFEGUARDING_MANAGER = 'SAFEGUARDING_MANAGER',
  PARTNERSHIP_BUSINESS_MANAGER = 'PARTNERSHIP_BUSINESS_MANAGER',
  LEAD_SAFEGUARDING_PARTNER = 'LEAD_SAFEGUARDING_PARTNER',
  DELEGATED_SAFEGUARDING_PARTNER = 'DELEGATED_SAFEGUARDING_PARTNER',
  SCRUTINEER = 'SCRUTINEER',
  PANEL_MEMBER = 'PANEL_MEMBER',
  /**
   * Keeps the national registers (schools and trusts as GIAS records them, and the relevant agencies
   * partnerships may name) for the Department for Education: corrects or adds a record that no
   * partnership holds. Acts in no partnership and sees no case-level data by this role.
   */
  NATIONAL_ADMINISTRATOR = 'NATIONAL_ADMINISTRATOR',
}
registerEnumType(Role, {
  name: 'Role',
  valuesConfig: {
    HEAD_TEACHER: {
      description:
        "A school's headteacher or principal, who answers with the designated safeguarding lead for the school's safeguarding (KCSIE Part 2)",
    },
    NATIONAL_ADMINISTRATOR: {
      description:
        'Keeps the national registers (schools, trusts, relevant agencies) for records no partnership holds; no case-level data',
    },
  },
});

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

/**
 * Those who may ask to change a national register (schools, trusts, relevant agencies). The role is
 * only the first test: each register's own policy then asks whether the caller holds the record.
 */
export const nationalRegisterRoles: readonly Role[] = [...partnershipAdministratorRoles, Role.NATIONAL_ADMINISTRATOR];

/**
 * A school's staff who may allow a system (its MIS supplier) to act for the school, and end it: the
 * designated safeguarding lead or the headteacher (issue 15), each signed in as a person.
 */
export const schoolDelegatorRoles: readonly Role[] = [Role.DESIGNATED_SAFEGUARDING_LEAD, Role.HEAD_TEACHER];
