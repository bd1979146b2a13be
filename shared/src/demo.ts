import { Role } from './auth/roles';
import type { Identity } from './identity';
import { nameBasedId, statutoryOrganisationId } from './ids';

/**
 * Ids of the demo (pan-Sussex) records that more than one subgraph refers to. Name-based, so every
 * subgraph's loader writes the same ids and a second start finds them already there.
 */
export const demoIds = {
  partnerships: {
    brightonAndHove: nameBasedId('demo:partnership:brighton-and-hove'),
    eastSussex: nameBasedId('demo:partnership:east-sussex'),
    westSussex: nameBasedId('demo:partnership:west-sussex'),
  },
  agencies: {
    sussexCommunityTrust: nameBasedId('demo:agency:sussex-community-nhs-ft'),
    universityHospitalsSussex: nameBasedId('demo:agency:university-hospitals-sussex-nhs-ft'),
    probationKss: nameBasedId('demo:agency:probation-kss'),
    youthCharity: nameBasedId('demo:agency:downs-youth-trust'),
  },
} as const;

const westSussexCouncil = statutoryOrganisationId({ kind: 'LOCAL_AUTHORITY', dfeCode: '938' });
const eastSussexCouncil = statutoryOrganisationId({ kind: 'LOCAL_AUTHORITY', dfeCode: '845' });
const sussexPolice = statutoryOrganisationId({ kind: 'POLICE', gssCode: 'E23000033' });
const allSussex = Object.values(demoIds.partnerships);

/** The people `npm run token -- <name>` mints tokens for: one of each kind the rules distinguish. */
export const demoIdentities: Record<string, Identity> = {
  'west-sussex-social-worker': {
    subject: 'demo:west-sussex-social-worker',
    organisation: { id: westSussexCouncil, kind: 'LOCAL_AUTHORITY' },
    roles: [Role.PRACTITIONER],
    partnershipIds: [demoIds.partnerships.westSussex],
  },
  'sussex-health-visitor': {
    subject: 'demo:sussex-health-visitor',
    organisation: { id: demoIds.agencies.sussexCommunityTrust, kind: 'RELEVANT_AGENCY' },
    roles: [Role.PRACTITIONER],
    partnershipIds: allSussex,
  },
  'sussex-police-officer': {
    subject: 'demo:sussex-police-officer',
    organisation: { id: sussexPolice, kind: 'POLICE' },
    roles: [Role.PRACTITIONER],
    partnershipIds: allSussex,
  },
  // Issue 14: a safeguarding partner's safeguarding lead, told of serious incidents; no partnership staff role.
  'sussex-police-safeguarding-manager': {
    subject: 'demo:sussex-police-safeguarding-manager',
    organisation: { id: sussexPolice, kind: 'POLICE' },
    roles: [Role.SAFEGUARDING_MANAGER],
    partnershipIds: allSussex,
  },
  'west-sussex-business-manager': {
    subject: 'demo:west-sussex-business-manager',
    organisation: { id: westSussexCouncil, kind: 'LOCAL_AUTHORITY' },
    roles: [Role.PARTNERSHIP_BUSINESS_MANAGER],
    partnershipIds: [demoIds.partnerships.westSussex],
  },
  'east-sussex-business-manager': {
    subject: 'demo:east-sussex-business-manager',
    organisation: { id: eastSussexCouncil, kind: 'LOCAL_AUTHORITY' },
    roles: [Role.PARTNERSHIP_BUSINESS_MANAGER],
    partnershipIds: [demoIds.partnerships.eastSussex],
  },
  'west-sussex-scrutineer': {
    subject: 'demo:west-sussex-scrutineer',
    organisation: { id: nameBasedId('demo:organisation:independent-scrutineer'), kind: 'INDEPENDENT_SCRUTINEER' },
    roles: [Role.SCRUTINEER],
    partnershipIds: [demoIds.partnerships.westSussex],
  },
  'panel-member': {
    subject: 'demo:panel-member',
    organisation: { id: nameBasedId('demo:organisation:national-panel'), kind: 'NATIONAL_PANEL' },
    roles: [Role.PANEL_MEMBER],
    partnershipIds: [],
  },
  // Issue 12: keeps the national registers (schools, trusts, relevant agencies); acts in no partnership.
  'national-administrator': {
    subject: 'demo:national-administrator',
    organisation: { id: nameBasedId('demo:organisation:national-registers'), kind: 'NATIONAL_BODY' },
    roles: [Role.NATIONAL_ADMINISTRATOR],
    partnershipIds: [],
  },
  // Issue 5: completes its trust's section 11 self-assessments.
  'sussex-community-safeguarding-lead': {
    subject: 'demo:sussex-community-safeguarding-lead',
    organisation: { id: demoIds.agencies.sussexCommunityTrust, kind: 'RELEVANT_AGENCY' },
    roles: [Role.SAFEGUARDING_MANAGER],
    partnershipIds: allSussex,
  },
  'seaview-primary-dsl': {
    subject: 'demo:seaview-primary-dsl',
    organisation: { id: '990001', kind: 'SCHOOL' },
    roles: [Role.DESIGNATED_SAFEGUARDING_LEAD],
    partnershipIds: [demoIds.partnerships.brightonAndHove],
  },
  // Issue 15: the headteacher, who like the DSL may let a system act for the school.
  'seaview-primary-head': {
    subject: 'demo:seaview-primary-head',
    organisation: { id: '990001', kind: 'SCHOOL' },
    roles: [Role.HEAD_TEACHER],
    partnershipIds: [demoIds.partnerships.brightonAndHove],
  },
  // Issue 6: the other ends of a child-protection file transfer, and a third school that sees none of it.
  'chalk-cliff-high-dsl': {
    subject: 'demo:chalk-cliff-high-dsl',
    organisation: { id: '990002', kind: 'SCHOOL' },
    roles: [Role.DESIGNATED_SAFEGUARDING_LEAD],
    partnershipIds: [demoIds.partnerships.brightonAndHove],
  },
  'shingle-bay-primary-dsl': {
    subject: 'demo:shingle-bay-primary-dsl',
    organisation: { id: '990003', kind: 'SCHOOL' },
    roles: [Role.DESIGNATED_SAFEGUARDING_LEAD],
    partnershipIds: [demoIds.partnerships.eastSussex],
  },
};

/** The OAuth client ids of the demo systems. */
export const demoClients = {
  policeCaseSystem: 'sussex-police-case-system',
  misVendor: 'downland-mis',
} as const;

/**
 * Systems `npm run token -- <name>` mints client-credentials tokens for (issue 15): Sussex Police's
 * case system, acting for the force; an MIS supplier, acting for the schools that delegated to it
 * (Seaview Primary and Chalk Cliff High in the demo data, not Shingle Bay). Kept apart from the
 * people above, whom tests enumerate as the readers of records.
 */
export const demoSystems: Record<string, Identity> = {
  'sussex-police-case-system': {
    subject: demoClients.policeCaseSystem,
    organisation: { id: sussexPolice, kind: 'POLICE' },
    roles: [Role.PRACTITIONER],
    partnershipIds: allSussex,
    client: {
      id: demoClients.policeCaseSystem,
      scopes: ['read', 'referrals:write', 'escalations:write'],
      actingFor: null,
    },
  },
  'downland-mis': {
    subject: demoClients.misVendor,
    organisation: { id: nameBasedId('demo:organisation:downland-mis'), kind: 'SYSTEM_SUPPLIER' },
    roles: [Role.DESIGNATED_SAFEGUARDING_LEAD],
    partnershipIds: [],
    client: { id: demoClients.misVendor, scopes: ['read', 'schools:write'], actingFor: null },
  },
};
