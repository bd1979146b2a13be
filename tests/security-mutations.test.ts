import { createHash } from 'node:crypto';
import {
  buildClientSchema,
  getIntrospectionQuery,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLSchema,
  type IntrospectionQuery,
} from 'graphql';
import type { DataSource } from 'typeorm';
import {
  demoClients,
  demoIds,
  nameBasedId,
  partnershipStaffRoles,
  Role,
  statutoryOrganisationId,
  subgraphNames,
  systemScopes,
  type Identity,
} from '@safeguarding/shared';
import { startGraph, type GraphQLResponse, type TestGraph } from './support/graph';

/**
 * Issue 12: every mutation in the gateway's schema, run as each of five outsiders (a system among them) against records
 * they have no claim to (West Sussex's partnership, Brighton & Hove's school, their cases), must be
 * refused and change no row of any table of any subgraph's database.
 *
 * Nobody has to remember to add a new mutation: the list comes from the gateway's own schema
 * (introspection, in development mode) and each mutation's arguments are generated from its types.
 * An argument of type ID names a record, so it must come from `targets` below (real demo records);
 * a mutation with an ID nobody supplied fails this test, saying what to add.
 *
 * Refusals: anonymous callers get UNAUTHENTICATED. Signed-in outsiders get FORBIDDEN, except where
 * the target is case-level (`hidden` below): there a caller who may not read the record is told it
 * is NOT_FOUND, since saying "forbidden" would confirm a child's case exists; a caller refused by
 * role alone, before any record is looked up, still gets FORBIDDEN. Either way nothing is written:
 * audit records of the attempt may be appended (never CREATE or UPDATE), nothing else may change.
 */
const today = new Date('2026-11-20T12:00:00Z');
const day = '2026-11-16'; // a Monday before "today": valid for every date field a mutation takes
const { westSussex, eastSussex, brightonAndHove } = demoIds.partnerships;
const westSussexCouncil = statutoryOrganisationId({ kind: 'LOCAL_AUTHORITY', dfeCode: '938' });
const eastSussexCouncil = statutoryOrganisationId({ kind: 'LOCAL_AUTHORITY', dfeCode: '845' });
const kentCouncil = statutoryOrganisationId({ kind: 'LOCAL_AUTHORITY', dfeCode: '886' });
const sussexIcb = statutoryOrganisationId({ kind: 'INTEGRATED_CARE_BOARD', odsCode: 'QNX' });

type Outsider =
  | "another partnership's administrator"
  | 'an administrator acting in no partnership'
  | 'an unrelated practitioner'
  | 'a system with every scope that no school delegated to'
  | 'anonymous';

const outsiders: Record<Outsider, Identity | null> = {
  // East Sussex's business unit with every partnership role, probing West Sussex and Brighton & Hove.
  "another partnership's administrator": {
    subject: 'probe:east-sussex-administrator',
    organisation: { id: eastSussexCouncil, kind: 'LOCAL_AUTHORITY' },
    roles: [...partnershipStaffRoles],
    partnershipIds: [eastSussex],
  },
  'an administrator acting in no partnership': {
    subject: 'probe:administrator-of-nowhere',
    organisation: { id: kentCouncil, kind: 'LOCAL_AUTHORITY' },
    roles: [...partnershipStaffRoles],
    partnershipIds: [],
  },
  // Case-work roles at an agency in another area, acting in a partnership of its own.
  'an unrelated practitioner': {
    subject: 'probe:unrelated-practitioner',
    organisation: { id: nameBasedId('probe:agency:elsewhere'), kind: 'RELEVANT_AGENCY' },
    roles: [Role.PRACTITIONER, Role.DESIGNATED_SAFEGUARDING_LEAD, Role.SAFEGUARDING_MANAGER],
    partnershipIds: [nameBasedId('probe:partnership:elsewhere')],
  },
  // Issue 15: a client-credentials token with every scope and the staff roles, acting in no partnership, for no school.
  'a system with every scope that no school delegated to': {
    subject: 'probe-system',
    organisation: { id: nameBasedId('probe:organisation:supplier'), kind: 'SYSTEM_SUPPLIER' },
    roles: [...partnershipStaffRoles, Role.DESIGNATED_SAFEGUARDING_LEAD, Role.SAFEGUARDING_MANAGER],
    partnershipIds: [],
    client: { id: 'probe-system', scopes: [...systemScopes], actingFor: null },
  },
  anonymous: null,
};

/**
 * Mutations an outsider may lawfully run, because what they create is their own: each must say why.
 * The call is still made, and must succeed (which also proves the generated input is valid).
 */
const allowed: Partial<Record<string, Partial<Record<Outsider, string>>>> = {
  registerRelevantAgency: {
    "another partnership's administrator":
      'a new agency takes nothing from anyone; an administrator acting in a partnership may add one it is about to name',
  },
  submitReferral: {
    'an unrelated practitioner':
      "anyone who works with a child refers a concern to the child's home authority (Working Together 2023); the referral is the referrer's own record",
    'a system with every scope that no school delegated to':
      'the same rule holds for a system with a case-work role and referrals:write: the referral is its own record',
  },
};

/** Mutations whose target is case-level, so an outsider who may not read it is told NOT_FOUND. */
const hidden = new Set([
  'completeSection11Action',
  'completeSchoolSafeguardingAction',
  'markFileTransferSent',
  'confirmFileTransferReceipt',
  'markSeriousIncidentNotified',
  'recordPartnerTold',
  'confirmToldOfSeriousIncident',
  'openRapidReview',
  'decideRapidReview',
  'sendRapidReviewToPanel',
  'recordRapidReviewPanelResponse',
  'updatePracticeReview',
  'sendPracticeReviewReport',
  'publishPracticeReview',
  'addRecommendation',
  'addReviewAction',
  'progressReviewAction',
  'markCdopNotified',
  'recordChildDeathReviewMeeting',
  'recordChildDeathPanelReview',
  'escalateProfessionalDisagreement',
  'resolveProfessionalDisagreement',
  'withdrawProfessionalDisagreement',
  'recordScrutineerAdvice',
  'recordEscalationLearning',
  'acknowledgeNationalEscalation',
  'closeNationalEscalation',
  'withdrawNationalEscalation',
  'acknowledgeReferral',
  'decideReferral',
  'updateYearlyReport',
  // Another owner's webhook endpoint is not found rather than refused.
  'setWebhookEndpointEnabled',
  'redeliverWebhook',
]);

/** Valid values for leaf fields, by name: enough for every format check that may come before the permission check. */
const samples: Record<string, unknown> = {
  telephone: '01632 960999',
  url: 'https://example.org/probe',
  publicationUrl: 'https://example.org/probe',
  laestab: '8462901',
  urn: '990001',
  // The demo supplier Seaview Primary delegates to: only its DSL may revoke that, or grant another.
  clientId: demoClients.misVendor,
  urns: ['990001'],
  sendingUrn: '990001',
  receivingUrn: '990002',
  relevantSchoolUrns: ['990001'],
  localAuthorityGssCode: 'E10000032',
  homeLocalAuthorityGssCode: 'E10000032',
  localAuthorityGssCodes: ['E10000032'],
  integratedCareBoardOdsCode: 'QNX',
  integratedCareBoardOdsCodes: ['QNX'],
  policeForceGssCodes: ['E23000033'],
  localAuthorityDfeCode: '846',
  localAuthorityDfeCodes: ['846'],
  establishmentNumber: '2901',
  caseReference: 'CASE-PROBE-0001',
  childReference: 'CHILD-PROBE-0001',
  reference: 'CHILD-PROBE-0001',
  idempotencyKey: 'probe-idempotency-0001',
  financialYear: '2025-26',
  standardKey: 'LEADERSHIP_AND_ACCOUNTABILITY',
  key: 'PROBE_STANDARD',
  ethnicity: 'WBRI',
  uid: '99001',
  hours: 24,
  timescaleWorkingDays: 5,
  ageYears: 10,
  ageAtDeathYears: 10,
};

type Overrides = Record<string, unknown>;
interface Ids {
  readonly [name: string]: string;
}

/**
 * The records each mutation is aimed at, by argument path (`input.agencyId`), one entry per
 * variant: every ID argument must be named here, with a record found in the demo data (or set up
 * by its rightful owner in beforeAll), never one the outsiders hold.
 */
const targets = (ids: Ids): Record<string, Overrides[]> => ({
  // agencies
  registerRelevantAgency: [{}],
  registerRelevantAgencies: [
    {
      rows: [
        { name: 'Downs Youth Trust (renamed by a probe)', scheduleCategory: 'MISCELLANEOUS', charityNumber: '9900001' },
      ],
    },
  ],
  setAgencyContact: [
    { agencyId: westSussexCouncil, 'input.role': 'CHILDRENS_SOCIAL_CARE_FRONT_DOOR' },
    { agencyId: westSussexCouncil, 'input.role': 'EMERGENCY_DUTY_TEAM' },
    { agencyId: demoIds.agencies.youthCharity, 'input.role': 'SAFEGUARDING_LEAD' },
    { agencyId: sussexIcb, 'input.role': 'SAFEGUARDING_LEAD' },
  ],
  designateRelevantAgency: [{ 'input.partnershipId': westSussex, 'input.agencyId': demoIds.agencies.youthCharity }],
  endRelevantAgencyDesignation: [{ 'input.designationId': ids['designation']! }],
  submitSection11Return: [
    { 'input.partnershipId': westSussex, 'input.agencyId': demoIds.agencies.sussexCommunityTrust },
  ],
  // notifications: an endpoint for a partnership the outsider does not administer, and another owner's
  registerWebhookEndpoint: [
    { 'input.partnershipId': westSussex, 'input.url': 'https://hooks.example.org/probe', 'input.eventTypes': [] },
  ],
  setWebhookEndpointEnabled: [{ id: ids['webhookEndpoint']!, enabled: false }],
  redeliverWebhook: [{ deliveryId: ids['webhookDelivery']! }],
  configureSection11Standards: [{ partnershipId: westSussex }],
  setSection11ReturnDue: [{ partnershipId: westSussex, returnDue: '06-30' }],
  completeSection11Action: [{ 'input.actionId': ids['section11Action']! }],
  // partnerships
  createPartnership: [{}],
  nameLeadSafeguardingPartner: [{ partnerId: ids['partner']! }],
  addDelegatedSafeguardingPartner: [{ partnerId: ids['partner']! }],
  activatePartnership: [{ id: westSussex }],
  dissolvePartnership: [{ id: westSussex }],
  publishArrangements: [
    {
      partnershipId: westSussex,
      'input.signOffs': [],
      'input.relevantAgencyIds': [],
      'input.childDeathReviewPartnerIds': [],
      'input.scrutinyReports': [],
    },
  ],
  recordYearlyReport: [{ 'input.partnershipId': westSussex }],
  updateYearlyReport: [{ id: ids['yearlyReport']! }],
  // schools
  registerSchool: [{ 'input.urn': '990901' }],
  upsertSchools: [
    {
      rows: [
        {
          urn: '990001',
          name: 'Seaview renamed by a probe',
          localAuthorityDfeCode: '846',
          establishmentNumber: '2001',
          phase: 'PRIMARY',
          status: 'OPEN',
        },
      ],
    },
    // East Sussex holds Wealdview, but renaming its trust would rename it for Brighton's academy too.
    {
      rows: [
        {
          urn: '990004',
          name: 'Wealdview Academy (demo)',
          localAuthorityDfeCode: '845',
          laestab: '8454001',
          phase: 'SECONDARY',
          status: 'OPEN',
          establishmentType: 'Academy sponsor led',
          establishmentTypeGroup: 'Academies',
          trustUid: '99001',
          trustName: 'Downland renamed by a probe',
          postcode: 'TN22 1ZZ',
        },
      ],
    },
  ],
  recordTrust: [{}],
  setSafeguardingLeads: [{}],
  setSchoolCalendar: [{}],
  designateSchools: [
    { 'input.partnershipId': westSussex, 'input.urns': ['990005'], 'input.localAuthorityDfeCodes': [] },
    // East Sussex's own partnership reaching for a Brighton & Hove school, then holding its records.
    { 'input.partnershipId': eastSussex, 'input.urns': ['990001'], 'input.localAuthorityDfeCodes': [] },
    { 'input.partnershipId': eastSussex, 'input.urns': [], 'input.localAuthorityDfeCodes': ['846'] },
  ],
  endSchoolDesignation: [{ 'input.partnershipId': westSussex, 'input.urn': '990005' }],
  setEducationRepresentation: [{ 'input.partnershipId': westSussex }],
  submitSchoolSafeguardingReturn: [{ 'input.partnershipId': brightonAndHove }],
  configureSchoolSafeguardingStandards: [{ partnershipId: westSussex }],
  setSchoolSafeguardingReturnDue: [{ partnershipId: westSussex, returnDue: '06-30' }],
  completeSchoolSafeguardingAction: [{ 'input.actionId': ids['schoolAction']! }],
  recordFileTransfer: [{}],
  markFileTransferSent: [{ 'input.transferId': ids['fileTransfer']! }],
  confirmFileTransferReceipt: [{ 'input.transferId': ids['fileTransfer']! }],
  // reviews
  notifySeriousIncident: [{ 'input.partnershipId': westSussex }],
  markSeriousIncidentNotified: [{ id: ids['draftNotification']! }],
  recordPartnerTold: [{ notificationId: ids['draftNotification']!, 'input.organisationId': westSussexCouncil }],
  confirmToldOfSeriousIncident: [{ notificationId: ids['sentNotification']! }],
  openRapidReview: [{ notificationId: ids['sentNotification']! }],
  decideRapidReview: [{ 'input.rapidReviewId': ids['rapidReview']! }],
  sendRapidReviewToPanel: [{ id: ids['rapidReview']! }],
  recordRapidReviewPanelResponse: [{ 'input.rapidReviewId': ids['rapidReview']! }],
  recordPracticeReviewDecision: [{ 'input.partnershipId': westSussex }],
  updatePracticeReview: [{ 'input.id': ids['practiceReview']! }],
  sendPracticeReviewReport: [{ id: ids['practiceReview']! }],
  publishPracticeReview: [{ id: ids['practiceReview']! }],
  addRecommendation: [{ 'input.practiceReviewId': ids['practiceReview']!, 'input.ownerKind': 'PARTNERSHIP' }],
  addReviewAction: [{ 'input.recommendationId': ids['recommendation']!, 'input.ownerKind': 'PARTNERSHIP' }],
  progressReviewAction: [{ 'input.id': ids['reviewAction']!, 'input.to': 'IN_PROGRESS' }],
  addReviewerToPool: [{}],
  removeReviewerFromPool: [{ id: ids['reviewer']! }],
  recordChildDeath: [{ 'input.partnershipId': westSussex }],
  markCdopNotified: [{ id: ids['childDeath']! }],
  recordChildDeathReviewMeeting: [{ id: ids['childDeath']! }],
  recordChildDeathPanelReview: [{ 'input.id': ids['childDeath']! }],
  configureCdopNotification: [{ partnershipId: westSussex }],
  // escalations
  raiseProfessionalDisagreement: [{ 'input.partnershipId': westSussex, 'input.raisedWithAgencyId': westSussexCouncil }],
  escalateProfessionalDisagreement: [{ id: ids['disagreement']! }],
  resolveProfessionalDisagreement: [{ id: ids['disagreement']! }],
  withdrawProfessionalDisagreement: [{ id: ids['disagreement']! }],
  recordScrutineerAdvice: [{ id: ids['disagreement']! }],
  recordEscalationLearning: [{ id: ids['disagreement']! }],
  configureEscalationPolicy: [{ partnershipId: westSussex }],
  configureChildPictureReasons: [{ partnershipId: westSussex }],
  raiseNationalEscalation: [{ 'input.partnershipId': westSussex }],
  acknowledgeNationalEscalation: [{ id: ids['nationalEscalation']! }],
  closeNationalEscalation: [{ id: ids['nationalEscalation']! }],
  withdrawNationalEscalation: [{ id: ids['nationalEscalation']! }],
  submitReferral: [{}],
  acknowledgeReferral: [{ id: ids['referral']! }],
  decideReferral: [{ id: ids['referral']! }],
});

// ---- arguments from the schema's types ------------------------------------------------------

class Unbuildable extends Error {}

/** A value for `type` at `path`: an override, a sample by field name, or one built from the type. IDs only from overrides. */
function build(type: GraphQLInputType, path: string, name: string, overrides: Overrides, missing: string[]): unknown {
  if (path in overrides) return overrides[path];
  if (isNonNullType(type)) return build(type.ofType, path, name, overrides, missing);
  if (isListType(type))
    return name in samples ? samples[name] : [build(type.ofType, `${path}.0`, name, overrides, missing)];
  if (isInputObjectType(type)) {
    const value: Record<string, unknown> = {};
    for (const field of Object.values(type.getFields())) {
      const at = `${path}.${field.name}`;
      const given = at in overrides || Object.keys(overrides).some((key) => key.startsWith(`${at}.`));
      // Optional fields and those with a default are left out, unless a target names them.
      if (!given && (!isNonNullType(field.type) || field.defaultValue !== undefined)) continue;
      value[field.name] = build(field.type, at, field.name, overrides, missing);
    }
    return value;
  }
  if (isEnumType(type)) return name in samples ? samples[name] : type.getValues()[0]!.value;
  if (isScalarType(type)) {
    if (type.name === 'ID') {
      missing.push(path);
      return null;
    }
    if (name in samples) return samples[name];
    switch (type.name) {
      case 'String':
        return 'Written by an outsider probing the graph';
      case 'Int':
        return 1;
      case 'Float':
        return 1;
      case 'Boolean':
        return false;
      case 'Date':
        return day;
      default:
        throw new Unbuildable(
          `scalar ${type.name} at ${path}: add a sample for it in tests/security-mutations.test.ts (build)`,
        );
    }
  }
  throw new Unbuildable(`${String(type)} at ${path} cannot be built`);
}

function argumentsOf(
  field: GraphQLField<unknown, unknown>,
  overrides: Overrides,
): { variables: Record<string, unknown>; missing: string[] } {
  const missing: string[] = [];
  const variables: Record<string, unknown> = {};
  for (const arg of field.args) {
    const given = arg.name in overrides || Object.keys(overrides).some((key) => key.startsWith(`${arg.name}.`));
    if (!given && (!isNonNullType(arg.type) || arg.defaultValue !== undefined)) continue;
    variables[arg.name] = build(arg.type, arg.name, arg.name, overrides, missing);
  }
  return { variables, missing };
}

function documentOf(field: GraphQLField<unknown, unknown>, variables: Record<string, unknown>): string {
  const args = field.args.filter((arg) => arg.name in variables);
  const declared = args.map((arg) => `$${arg.name}: ${String(arg.type)}`).join(', ');
  const passed = args.map((arg) => `${arg.name}: $${arg.name}`).join(', ');
  const selection =
    isScalarType(getNamedType(field.type)) || isEnumType(getNamedType(field.type)) ? '' : ' { __typename }';
  return `mutation Probe${declared ? `(${declared})` : ''} { ${field.name}${passed ? `(${passed})` : ''}${selection} }`;
}

// ---- every row of every table ----------------------------------------------------------------

interface TableState {
  readonly hash: string;
  /** For the audit trail: each record's digest and action by sequence, so appended records can be told from changed ones. */
  readonly records?: ReadonlyMap<
    number,
    { readonly digest: string; readonly action: string; readonly entityType: string }
  >;
}

const quote = (db: DataSource, name: string) => (db.options.type === 'better-sqlite3' ? `"${name}"` : `\`${name}\``);

async function tablesOf(db: DataSource): Promise<string[]> {
  const rows: Array<{ name: string }> =
    db.options.type === 'better-sqlite3'
      ? await db.query(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`)
      : await db.query('SELECT table_name AS name FROM information_schema.tables WHERE table_schema = DATABASE()');
  return rows.map((row) => row.name).sort();
}

const hashOf = (text: string) => createHash('sha256').update(text).digest('hex');
const digest = (rows: unknown[]) =>
  hashOf(
    rows
      .map((row) => JSON.stringify(row))
      .sort()
      .join('\n'),
  );

async function snapshot(graph: TestGraph): Promise<Map<string, TableState>> {
  const state = new Map<string, TableState>();
  for (const name of subgraphNames) {
    const db = graph.subgraphs[name].db;
    for (const table of await tablesOf(db)) {
      if (table.startsWith('audit_') && table !== 'audit_records') continue; // the chain's own bookkeeping (head, checkpoints) moves with every append
      // Tables a service writes from events or on its own timer (its definition declares them) move
      // while earlier events are still being taken, whatever a probe does; the outboxes they are
      // built from are compared themselves.
      if (graph.subgraphs[name].backgroundTables.includes(table)) continue;
      // Each destination's position moves as the relay delivers earlier events beside the probes;
      // an event a probe wrote is a new outbox_event row, compared like any other.
      if (table === 'outbox_position') continue;
      const rows: Array<Record<string, unknown>> = await db.query(`SELECT * FROM ${quote(db, table)}`);
      const records =
        table === 'audit_records'
          ? new Map(
              rows.map((row) => [
                Number(row['sequence']),
                {
                  digest: hashOf(JSON.stringify(row)),
                  action: String(row['action']),
                  entityType: String(row['entityType']),
                },
              ]),
            )
          : undefined;
      state.set(`${name}.${table}`, { hash: digest(rows), ...(records ? { records } : {}) });
    }
  }
  return state;
}

/** What changed between two snapshots: any table but the audit trail, or the audit trail other than by appended records of refusals. */
function changes(before: Map<string, TableState>, after: Map<string, TableState>): string[] {
  const changed: string[] = [];
  for (const [key, was] of before) {
    const now = after.get(key);
    if (!now) changed.push(`${key} disappeared`);
    else if (!was.records || !now.records) {
      if (now.hash !== was.hash) changed.push(key);
    } else {
      for (const [sequence, record] of was.records) {
        if (now.records.get(sequence)?.digest !== record.digest)
          changed.push(`${key}: audit record ${sequence} was changed or removed`);
      }
      for (const [sequence, record] of now.records) {
        if (!was.records.has(sequence) && ['CREATE', 'UPDATE', 'READ'].includes(record.action))
          changed.push(`${key}: ${record.action} ${record.entityType} appended`);
      }
    }
  }
  for (const key of after.keys()) if (!before.has(key)) changed.push(`${key} appeared`);
  return changed;
}

// ---- the graph, its schema and the targets ----------------------------------------------------

let graph: TestGraph;
let schema: GraphQLSchema;
let ids: Record<string, string>;

async function tokenOf(identity: Identity): Promise<string> {
  return graph.tokenFor(identity);
}

/** One row's id, from a subgraph's database: proof the target exists. */
async function idOf(
  subgraph: (typeof subgraphNames)[number],
  entity: string,
  where: Record<string, unknown>,
  column = 'id',
): Promise<string> {
  const row = await graph.subgraphs[subgraph].db.getRepository(entity).findOneBy(where);
  if (!row) throw new Error(`no ${entity} matching ${JSON.stringify(where)} in the demo data`);
  return String(row[column]);
}

beforeAll(async () => {
  graph = await startGraph({ now: () => today });
  const introspection = await graph.query<IntrospectionQuery>(getIntrospectionQuery());
  if (!introspection.data) throw new Error(`introspection failed: ${JSON.stringify(introspection.errors)}`);
  schema = buildClientSchema(introspection.data);

  // Targets that the demo data does not hold, set up by their rightful owners through the gateway.
  const standards = await graph.query<any>(
    `query ($id: ID!) { partnership(id: $id) { schoolSafeguardingStandards { key } } }`,
    { id: brightonAndHove },
  );
  const submitted = await graph.query<any>(
    `mutation ($input: SubmitSchoolSafeguardingReturnInput!) { submitSchoolSafeguardingReturn(input: $input) { id } }`,
    {
      input: {
        partnershipId: brightonAndHove,
        urn: '990001',
        financialYear: '2025-26',
        standards: standards.data.partnership.schoolSafeguardingStandards.map((s: { key: string }, index: number) => ({
          standardKey: s.key,
          rating: 'AMBER',
          evidence: 'Probe set-up (fictional)',
          actions:
            index === 0
              ? [{ description: 'Refresh whole-staff training (fictional)', owner: 'DSL', dueOn: '2027-01-31' }]
              : [],
        })),
      },
    },
    { as: 'seaview-primary-dsl' },
  );
  expect(submitted.errors).toBeUndefined();
  const transfer = await graph.query<any>(
    `mutation ($input: RecordFileTransferInput!) { recordFileTransfer(input: $input) { id } }`,
    { input: { sendingUrn: '990001', receivingUrn: '990002', childReference: 'CHILD-SETUP-0001', leftOn: day } },
    { as: 'seaview-primary-dsl' },
  );
  expect(transfer.errors).toBeUndefined();

  const endpoint = await graph.query<any>(
    `mutation ($input: RegisterWebhookEndpointInput!) { registerWebhookEndpoint(input: $input) { endpoint { id } } }`,
    { input: { url: 'https://hooks.example.org/west-sussex', partnershipId: westSussex } },
    { as: 'west-sussex-business-manager' },
  );
  expect(endpoint.errors).toBeUndefined();
  const endpointId: string = endpoint.data.registerWebhookEndpoint.endpoint.id;
  // Off, so nothing is queued for it or sent beside the probes (an endpoint that is off is still its owner's to switch on).
  const off = await graph.query<any>(
    `mutation ($id: ID!) { setWebhookEndpointEnabled(id: $id, enabled: false) { status } }`,
    { id: endpointId },
    { as: 'west-sussex-business-manager' },
  );
  expect(off.data?.setWebhookEndpointEnabled.status).toBe('DISABLED');
  // A delivery to it, as the service would have queued one (no event in the set-up is the endpoint's).
  const webhookDelivery = `msg_probe${endpointId.replace(/-/g, '').slice(0, 20)}`;
  await graph.subgraphs.notifications.db.query(
    `INSERT INTO webhook_delivery (id, endpointId, messageKey, eventType, body, status, attempts, nextAttemptAt, createdAt) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      webhookDelivery,
      endpointId,
      'probe',
      'obligation.opened',
      '{}',
      'FAILED',
      9,
      '2026-12-02T10:00:00.000Z',
      '2026-12-02T10:00:00.000Z',
    ],
  );

  ids = {
    webhookEndpoint: endpointId,
    webhookDelivery,
    designation: await idOf('agencies', 'Designation', {
      partnershipId: westSussex,
      agencyId: demoIds.agencies.probationKss,
    }),
    section11Action: await idOf('agencies', 'Section11Action', { partnershipId: westSussex }),
    partner: await idOf('partnerships', 'StatutoryPartner', { partnershipId: westSussex, kind: 'LOCAL_AUTHORITY' }),
    yearlyReport: await idOf('partnerships', 'YearlyReport', { partnershipId: westSussex }),
    schoolAction: await idOf('schools', 'SchoolSafeguardingAction', { urn: '990001' }),
    fileTransfer: transfer.data.recordFileTransfer.id,
    draftNotification: await idOf('reviews', 'SeriousIncidentNotification', {
      partnershipId: westSussex,
      status: 'DRAFT',
    }),
    sentNotification: await idOf('reviews', 'SeriousIncidentNotification', {
      partnershipId: westSussex,
      status: 'SENT',
    }),
    rapidReview: await idOf('reviews', 'RapidReview', { partnershipId: westSussex, status: 'OPEN' }),
    practiceReview: await idOf('reviews', 'PracticeReview', { partnershipId: westSussex, status: 'IN_PROGRESS' }),
    recommendation: await idOf('reviews', 'Recommendation', { partnershipId: westSussex }),
    reviewAction: await idOf('reviews', 'ReviewAction', { partnershipId: westSussex, status: 'OPEN' }),
    reviewer: await idOf('reviews', 'Reviewer', {}),
    childDeath: await idOf('reviews', 'ChildDeathReview', { partnershipId: westSussex }),
    disagreement: await idOf('escalations', 'ProfessionalDisagreement', { partnershipId: westSussex, status: 'OPEN' }),
    nationalEscalation: await idOf('escalations', 'NationalEscalation', { partnershipId: westSussex }),
    referral: await idOf('escalations', 'Referral', { receivingAuthorityId: westSussexCouncil }),
  };
  // The fixed codes the targets and samples name are real demo records too.
  await idOf('schools', 'School', { urn: '990001' }, 'urn');
  await idOf('schools', 'School', { urn: '990005' }, 'urn');
  await idOf('schools', 'Trust', { uid: '99001' }, 'uid');
  await idOf('agencies', 'Agency', { charityNumber: '9900001' });
});
afterAll(() => graph?.stop());

it("reads every mutation from the gateway's own schema", () => {
  const mutations = Object.keys(schema.getMutationType()?.getFields() ?? {});
  expect(mutations.length).toBeGreaterThanOrEqual(65);
  // Every target names a mutation that exists: a renamed or removed one must not leave a stale entry.
  expect(Object.keys(targets(ids)).filter((name) => !mutations.includes(name))).toEqual([]);
  expect([...hidden, ...Object.keys(allowed)].filter((name) => !mutations.includes(name))).toEqual([]);
});

it('refuses every mutation to every outsider, and no row of any database changes', async () => {
  const mutationFields = Object.values(schema.getMutationType()!.getFields());
  const aimed = targets(ids);
  const failures: string[] = [];
  const tokens = new Map<Outsider, string | null>();
  for (const [name, identity] of Object.entries(outsiders) as Array<[Outsider, Identity | null]>)
    tokens.set(name, identity ? await tokenOf(identity) : null);

  let before = await snapshot(graph);
  let probes = 0;
  for (const field of mutationFields) {
    const variants = aimed[field.name] ?? [{}];
    for (const [variant, overrides] of variants.entries()) {
      let built: { variables: Record<string, unknown>; missing: string[] };
      try {
        built = argumentsOf(field, overrides);
      } catch (error) {
        failures.push(`${field.name}: ${(error as Error).message}`);
        continue;
      }
      if (built.missing.length > 0) {
        failures.push(
          `${field.name} takes ${built.missing.join(', ')} (type ID) and no target names ${built.missing.length > 1 ? 'them' : 'it'}: ` +
            `add targets.${field.name} = [{ ${built.missing.map((path) => `'${path}': <a demo record outsiders do not hold>`).join(', ')} }] in tests/security-mutations.test.ts`,
        );
        continue;
      }
      const document = documentOf(field, built.variables);
      for (const [outsider, token] of tokens) {
        probes += 1;
        const label = `${field.name}${variants.length > 1 ? ` [target ${variant}]` : ''} as ${outsider}`;
        const result: GraphQLResponse = await graph.query(
          document,
          built.variables,
          token ? { authorization: `Bearer ${token}` } : {},
        );
        const code = result.errors?.[0]?.extensions?.['code'];
        const answered = result.data?.[field.name] ?? null;
        const after = await snapshot(graph);
        const permitted = allowed[field.name]?.[outsider];
        if (permitted) {
          if (result.errors)
            failures.push(`${label}: allowed (${permitted}) but answered ${String(code)} ${result.errors[0]!.message}`);
          before = after;
          continue;
        }
        const expected =
          token === null ? ['UNAUTHENTICATED'] : hidden.has(field.name) ? ['FORBIDDEN', 'NOT_FOUND'] : ['FORBIDDEN'];
        if (typeof code !== 'string' || !expected.includes(code)) {
          failures.push(
            `${label}: expected ${expected.join(' or ')}, got ${String(code)}${result.errors ? `: ${result.errors[0]!.message}` : ' (no error)'}`,
          );
        }
        if (answered !== null) failures.push(`${label}: answered ${JSON.stringify(answered)}`);
        const changed = changes(before, after);
        if (changed.length > 0) failures.push(`${label}: changed ${changed.join('; ')}`);
        before = after;
      }
    }
  }
  expect(failures).toEqual([]);
  // Every outsider for every variant of every mutation: nothing was skipped.
  const variantsRun = mutationFields.reduce((n, field) => n + (aimed[field.name]?.length ?? 1), 0);
  expect(probes).toBe(variantsRun * Object.keys(outsiders).length);
  // Every mutation four times, with every table of five databases hashed around each call.
}, 900_000);
