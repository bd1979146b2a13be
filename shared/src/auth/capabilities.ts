import { registerEnumType } from 'type-graphql';
import type { Identity } from '../identity';
import {
  auditReaderRoles,
  nationalRegisterRoles,
  partnershipAdministratorRoles,
  Role,
  schoolDelegatorRoles,
} from './roles';

/**
 * What a caller may do, told from the same role lists the services check, so that an integrator
 * can shape its screens without trying every mutation. A capability is the first test only: each
 * service still asks whether the caller acts for the record's organisation or partnership.
 */
export enum Capability {
  RAISE_PROFESSIONAL_DISAGREEMENTS = 'RAISE_PROFESSIONAL_DISAGREEMENTS',
  KEEP_SCHOOL_SAFEGUARDING_RECORDS = 'KEEP_SCHOOL_SAFEGUARDING_RECORDS',
  DELEGATE_TO_SYSTEMS = 'DELEGATE_TO_SYSTEMS',
  COMPLETE_SECTION_11_RETURNS = 'COMPLETE_SECTION_11_RETURNS',
  ADMINISTER_PARTNERSHIP = 'ADMINISTER_PARTNERSHIP',
  READ_AUDIT_TRAIL = 'READ_AUDIT_TRAIL',
  SCRUTINISE_ARRANGEMENTS = 'SCRUTINISE_ARRANGEMENTS',
  OVERSEE_NATIONALLY = 'OVERSEE_NATIONALLY',
  KEEP_NATIONAL_REGISTERS = 'KEEP_NATIONAL_REGISTERS',
}

registerEnumType(Capability, {
  name: 'Capability',
  description:
    'What the caller may do in the arrangements; each record still checks that the caller acts for its organisation or partnership',
  valuesConfig: {
    RAISE_PROFESSIONAL_DISAGREEMENTS: {
      description:
        'Raise and respond to professional disagreements and make referrals (Working Together 2023 ch. 2 and 3)',
    },
    KEEP_SCHOOL_SAFEGUARDING_RECORDS: {
      description:
        "A school's designated safeguarding leads, calendar, self-assessment and child protection file transfers (KCSIE Part 2 and Annex C)",
    },
    DELEGATE_TO_SYSTEMS: {
      description:
        "Allow a system (the school's MIS supplier) to act for your school, and end it: the DSL or the headteacher, signed in as a person",
    },
    COMPLETE_SECTION_11_RETURNS: { description: "The organisation's Children Act 2004 s11 self-assessment" },
    ADMINISTER_PARTNERSHIP: {
      description:
        'Change the arrangements, registers and policies of your partnerships (Children Act 2004 s16E to 16G)',
    },
    READ_AUDIT_TRAIL: { description: "Read your partnerships' audit trail" },
    SCRUTINISE_ARRANGEMENTS: { description: 'Independent scrutiny of the arrangements (Working Together 2023 ch. 2)' },
    OVERSEE_NATIONALLY: {
      description:
        'The Child Safeguarding Practice Review Panel: notifications, rapid reviews and national reviews (Children Act 2004 s16B to 16D)',
    },
    KEEP_NATIONAL_REGISTERS: {
      description: 'Add or correct schools, trusts and relevant agencies in the national registers',
    },
  },
});

const practitionerRoles: readonly Role[] = [
  Role.PRACTITIONER,
  Role.DESIGNATED_SAFEGUARDING_LEAD,
  Role.SAFEGUARDING_MANAGER,
];

const grants: ReadonlyArray<readonly [Capability, (identity: Identity) => boolean]> = [
  [Capability.RAISE_PROFESSIONAL_DISAGREEMENTS, (i) => i.roles.some((role) => practitionerRoles.includes(role))],
  [
    Capability.KEEP_SCHOOL_SAFEGUARDING_RECORDS,
    (i) => i.organisation.kind === 'SCHOOL' && i.roles.includes(Role.DESIGNATED_SAFEGUARDING_LEAD),
  ],
  [
    Capability.DELEGATE_TO_SYSTEMS,
    (i) => !i.client && i.organisation.kind === 'SCHOOL' && i.roles.some((role) => schoolDelegatorRoles.includes(role)),
  ],
  [
    Capability.COMPLETE_SECTION_11_RETURNS,
    (i) =>
      i.organisation.kind !== 'SCHOOL' &&
      i.roles.some((role) => role === Role.SAFEGUARDING_MANAGER || role === Role.DESIGNATED_SAFEGUARDING_LEAD),
  ],
  [
    Capability.ADMINISTER_PARTNERSHIP,
    (i) => i.partnershipIds.length > 0 && i.roles.some((role) => partnershipAdministratorRoles.includes(role)),
  ],
  [
    Capability.READ_AUDIT_TRAIL,
    (i) => i.partnershipIds.length > 0 && i.roles.some((role) => auditReaderRoles.includes(role)),
  ],
  [Capability.SCRUTINISE_ARRANGEMENTS, (i) => i.roles.includes(Role.SCRUTINEER)],
  [Capability.OVERSEE_NATIONALLY, (i) => i.roles.includes(Role.PANEL_MEMBER)],
  [Capability.KEEP_NATIONAL_REGISTERS, (i) => i.roles.some((role) => nationalRegisterRoles.includes(role))],
];

export function capabilitiesOf(identity: Identity): Capability[] {
  return grants.filter(([, holds]) => holds(identity)).map(([capability]) => capability);
}

/**
 * What a school's staff may do that the school's delegation carries to a system acting for it (the
 * schools' services ask "acts for the school" and the role, not the token's organisation).
 */
const schoolCapabilities: readonly Capability[] = [
  Capability.KEEP_SCHOOL_SAFEGUARDING_RECORDS,
  Capability.DELEGATE_TO_SYSTEMS,
];

/**
 * What the caller may do for one school it acts for (its own, or one that delegated to its system):
 * the same grants as `capabilitiesOf`, told as if the caller were the school's, so a supplier holding
 * the DSL role keeps the school's records while delegating stays with the school's people.
 */
export function capabilitiesForSchool(identity: Identity, urn: string): Capability[] {
  const asTheSchool: Identity = { ...identity, organisation: { id: urn, kind: 'SCHOOL' } };
  return capabilitiesOf(asTheSchool).filter((capability) => schoolCapabilities.includes(capability));
}
