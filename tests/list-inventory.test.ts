import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  buildSchema,
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isListType,
  isObjectType,
  type GraphQLSchema,
} from 'graphql';
import {
  auditTrailMaxLimit,
  defaultReferenceDataDir,
  identityClaims,
  ReferenceData,
  systemScopes,
} from '@safeguarding/shared';
import { designatedSchoolsShown } from '../subgraphs/schools/src/school/school-designation.type';
import { listedLooks } from '../subgraphs/escalations/src/child/child.repository';

/**
 * Issue 15 item 3: every list of the API, root and nested, is a connection (`first`/`after`,
 * `totalCount`, `pageInfo`). A list may stay plain only when something fixes its maximum: the values
 * of an enum, an input whose "at most N" the server enforces (probed through the gateway by
 * tests/input-bounds.test.ts), a token claim's cap, a constant the server cuts to, or the reference
 * data. Each such list is below with its reason and its maximum, and the test works the maximum out
 * again from its source, so a bound that drifts, a new plain list, or a stale entry fails.
 */
const root = join(__dirname, '..');
const schema = buildSchema(readFileSync(join(root, 'schema.graphql'), 'utf8'));
const inputBoundsProbes = readFileSync(join(__dirname, 'input-bounds.test.ts'), 'utf8');
const reference = ReferenceData.load(defaultReferenceDataDir);

type Bound =
  /** One item per value of the enum at most (each value once, or one row per value). */
  | { readonly kind: 'enum'; readonly enum: string }
  /** No more items than the inputs that write them may carry, their "at most N" added up. */
  | { readonly kind: 'input'; readonly paths: readonly string[] }
  /** The server cuts the list to a constant. */
  | { readonly kind: 'constant'; readonly value: number }
  /** A claim of the verified token, capped when the token is checked. */
  | { readonly kind: 'claim'; readonly max: () => number }
  /** The reference data (local authorities, ICBs, police force areas) fixes it. */
  | { readonly kind: 'reference'; readonly max: (data: ReferenceData) => number }
  /** The data model holds at most this many (columns, not rows). */
  | { readonly kind: 'model'; readonly value: number };

interface Plain {
  readonly field: string;
  readonly max: number;
  readonly reason: string;
  readonly bound: Bound;
}

const enumValues = (name: string): number => {
  const type = schema.getType(name);
  if (!isEnumType(type)) throw new Error(`${name} is not an enum of the schema`);
  return type.getValues().length;
};

const declaredMax = (path: string): number => {
  const description = inputDescriptions(schema).get(path);
  if (description === undefined) throw new Error(`${path} is not a list input of the schema`);
  const stated = /\bat most (\d[\d,]*)\b/.exec(description)?.[1];
  if (stated === undefined) throw new Error(`${path} states no maximum`);
  return Number(stated.replace(/,/g, ''));
};

/** Rejects one item more than the claim's cap, so the cap is the one the token check applies. */
const claimCap = (claim: 'partnerships' | 'roles', item: unknown): number => {
  const schemaOf = identityClaims.shape[claim];
  let max = 0;
  while (schemaOf.safeParse(Array.from({ length: max + 1 }, () => item)).success) max++;
  return max;
};

const maxOf = (bound: Bound): number => {
  switch (bound.kind) {
    case 'enum':
      return enumValues(bound.enum);
    case 'input':
      return bound.paths.reduce((sum, path) => sum + declaredMax(path), 0);
    case 'constant':
    case 'model':
      return bound.value;
    case 'claim':
      return bound.max();
    case 'reference':
      return bound.max(reference);
  }
};

const mostPerKey = <T>(rows: readonly T[], key: (row: T) => string): number => {
  const counts = new Map<string, number>();
  for (const row of rows) counts.set(key(row), (counts.get(key(row)) ?? 0) + 1);
  return Math.max(0, ...counts.values());
};

const footprint = [
  'CreatePartnershipInput.localAuthorityGssCodes',
  'CreatePartnershipInput.integratedCareBoardOdsCodes',
  'CreatePartnershipInput.policeForceGssCodes',
];

const plain: readonly Plain[] = [
  // A record's own enum values, or one row per value.
  {
    field: 'Agency.contacts',
    max: 3,
    reason: 'one per role: unique (agencyId, role)',
    bound: { kind: 'enum', enum: 'AgencyContactRole' },
  },
  {
    field: 'ChildDeathAggregate.byCategory',
    max: 10,
    reason: 'one per CDOP category',
    bound: { kind: 'enum', enum: 'CdopCategory' },
  },
  {
    field: 'EscalationReport.byIssueType',
    max: 0,
    reason: 'one per issue type',
    bound: { kind: 'enum', enum: 'DisagreementIssueType' },
  },
  {
    field: 'Referral.concernCategories',
    max: 12,
    reason: 'each category once',
    bound: { kind: 'enum', enum: 'ConcernCategory' },
  },
  {
    field: 'Referral.earlyHelpIndicators',
    max: 13,
    reason: 'each indicator once',
    bound: { kind: 'enum', enum: 'EarlyHelpIndicator' },
  },
  {
    field: 'School.safeguardingFlags',
    max: 0,
    reason: 'each flag once',
    bound: { kind: 'enum', enum: 'SchoolSafeguardingFlag' },
  },
  {
    field: 'SchoolActedFor.capabilities',
    max: 0,
    reason: 'each capability once',
    bound: { kind: 'enum', enum: 'Capability' },
  },
  { field: 'Viewer.capabilities', max: 0, reason: 'each capability once', bound: { kind: 'enum', enum: 'Capability' } },
  {
    field: 'SeriousIncidentNotification.routedTo',
    max: 0,
    reason: 'each recipient once',
    bound: { kind: 'enum', enum: 'SeriousIncidentNotificationRecipient' },
  },
  {
    field: 'YearlyReport.content',
    max: 16,
    reason: 'one per content item',
    bound: { kind: 'enum', enum: 'YearlyReportContent' },
  },
  {
    field: 'YearlyReport.missingContent',
    max: 16,
    reason: 'content items not present',
    bound: { kind: 'enum', enum: 'YearlyReportContent' },
  },
  // The inputs that write them, capped by validation.
  {
    field: 'DelegatedSafeguardingPartner.functions',
    max: 30,
    reason: 'given whole when delegating',
    bound: { kind: 'input', paths: ['DelegateInput.functions'] },
  },
  {
    field: 'EscalationEvent.agreedActions',
    max: 20,
    reason: 'given whole at resolution',
    bound: { kind: 'input', paths: ['ResolveProfessionalDisagreementInput.agreedActions'] },
  },
  {
    field: 'EscalationPolicy.stages',
    max: 10,
    reason: 'the policy, replaced whole',
    bound: { kind: 'input', paths: ['Mutation.configureEscalationPolicy(stages)'] },
  },
  {
    field: 'EscalationReport.openByStage',
    max: 10,
    reason: 'one per stage of the policy',
    bound: { kind: 'input', paths: ['Mutation.configureEscalationPolicy(stages)'] },
  },
  {
    field: 'ChildPicturePolicy.reasons',
    max: 3,
    reason: 'the policy, replaced whole',
    bound: { kind: 'input', paths: ['Mutation.configureChildPictureReasons(reasons)'] },
  },
  {
    field: 'IndependentScrutiny.functions',
    max: 30,
    reason: "a published version's own parts",
    bound: { kind: 'input', paths: ['PublishArrangementsInput.scrutinyFunctions'] },
  },
  {
    field: 'IndependentScrutiny.reports',
    max: 50,
    reason: "a published version's own parts",
    bound: { kind: 'input', paths: ['PublishArrangementsInput.scrutinyReports'] },
  },
  {
    field: 'PublishedArrangements.childDeathReviewPartners',
    max: 50,
    reason: "a published version's own parts",
    bound: { kind: 'input', paths: ['PublishArrangementsInput.childDeathReviewPartnerIds'] },
  },
  {
    field: 'PublishedArrangements.forums',
    max: 7,
    reason: 'one per kind of forum',
    bound: { kind: 'input', paths: ['PublishArrangementsInput.forums'] },
  },
  {
    field: 'PublishedArrangements.signOffs',
    max: 50,
    reason: "a published version's own parts",
    bound: { kind: 'input', paths: ['PublishArrangementsInput.signOffs'] },
  },
  {
    field: 'Partnership.educationRepresentatives',
    max: 50,
    reason: 'replaced whole',
    bound: { kind: 'input', paths: ['SetEducationRepresentationInput.representatives'] },
  },
  {
    field: 'Mutation.setEducationRepresentation',
    max: 50,
    reason: 'answers what it set',
    bound: { kind: 'input', paths: ['SetEducationRepresentationInput.representatives'] },
  },
  {
    field: 'School.safeguardingLeads',
    max: 20,
    reason: 'replaced whole',
    bound: { kind: 'input', paths: ['SetSafeguardingLeadsInput.leads'] },
  },
  {
    field: 'Mutation.setSafeguardingLeads',
    max: 20,
    reason: 'answers what it set',
    bound: { kind: 'input', paths: ['SetSafeguardingLeadsInput.leads'] },
  },
  {
    field: 'Mutation.setSchoolCalendar',
    max: 400,
    reason: "answers the range's closure days",
    bound: { kind: 'input', paths: ['SetSchoolCalendarInput.closureDays'] },
  },
  {
    field: 'Partnership.section11Standards',
    max: 30,
    reason: 'replaced whole',
    bound: { kind: 'input', paths: ['Mutation.configureSection11Standards(standards)'] },
  },
  {
    field: 'Mutation.configureSection11Standards',
    max: 30,
    reason: 'answers what it set',
    bound: { kind: 'input', paths: ['Mutation.configureSection11Standards(standards)'] },
  },
  {
    field: 'Section11Overview.ratings',
    max: 30,
    reason: 'one per standard',
    bound: { kind: 'input', paths: ['Mutation.configureSection11Standards(standards)'] },
  },
  {
    field: 'Section11Return.standards',
    max: 30,
    reason: 'one rating per standard',
    bound: { kind: 'input', paths: ['SubmitSection11ReturnInput.standards'] },
  },
  {
    field: 'Section11StandardRating.actions',
    max: 20,
    reason: "a rating's own actions",
    bound: { kind: 'input', paths: ['Section11StandardRatingInput.actions'] },
  },
  {
    field: 'Partnership.schoolSafeguardingStandards',
    max: 30,
    reason: 'replaced whole',
    bound: { kind: 'input', paths: ['Mutation.configureSchoolSafeguardingStandards(standards)'] },
  },
  {
    field: 'Mutation.configureSchoolSafeguardingStandards',
    max: 30,
    reason: 'answers what it set',
    bound: { kind: 'input', paths: ['Mutation.configureSchoolSafeguardingStandards(standards)'] },
  },
  {
    field: 'SchoolSafeguardingOverview.ratings',
    max: 30,
    reason: 'one per standard',
    bound: { kind: 'input', paths: ['Mutation.configureSchoolSafeguardingStandards(standards)'] },
  },
  {
    field: 'SchoolSafeguardingReturn.standards',
    max: 30,
    reason: 'one rating per standard',
    bound: { kind: 'input', paths: ['SubmitSchoolSafeguardingReturnInput.standards'] },
  },
  {
    field: 'SchoolSafeguardingRating.actions',
    max: 20,
    reason: "a rating's own actions",
    bound: { kind: 'input', paths: ['SchoolSafeguardingRatingInput.actions'] },
  },
  {
    field: 'SeriousIncidentNotification.children',
    max: 4,
    reason: 'one to four children',
    bound: { kind: 'input', paths: ['NotifySeriousIncidentInput.children'] },
  },
  {
    field: 'SeriousIncidentNotification.partnersTold',
    max: 50,
    reason: 'given with the notification',
    bound: { kind: 'input', paths: ['NotifySeriousIncidentInput.partnersTold'] },
  },
  {
    field: 'WebhookEndpoint.eventTypes',
    max: 18,
    reason: 'each event type once',
    bound: { kind: 'input', paths: ['RegisterWebhookEndpointInput.eventTypes'] },
  },
  {
    field: 'Mutation.upsertSchools',
    max: 1000,
    reason: 'one answer per row',
    bound: { kind: 'input', paths: ['Mutation.upsertSchools(rows)'] },
  },
  {
    field: 'Mutation.registerRelevantAgencies',
    max: 500,
    reason: 'one answer per row',
    bound: { kind: 'input', paths: ['Mutation.registerRelevantAgencies(rows)'] },
  },
  {
    field: 'Partnership.localAuthorities',
    max: 160,
    reason: 'the footprint',
    bound: { kind: 'input', paths: ['CreatePartnershipInput.localAuthorityGssCodes'] },
  },
  {
    field: 'Partnership.partners',
    max: 250,
    reason: "the footprint's LAs, ICBs and police forces",
    bound: { kind: 'input', paths: footprint },
  },
  // Cut by the server.
  {
    field: 'SchoolsDesignated.schools',
    max: 100,
    reason: 'the first page by URN; Partnership.schools pages all',
    bound: { kind: 'constant', value: designatedSchoolsShown },
  },
  {
    field: 'AuditTrail.records',
    max: 1000,
    reason: "the trail's own limit argument",
    bound: { kind: 'constant', value: auditTrailMaxLimit },
  },
  {
    field: 'Child.looks',
    max: 25,
    reason: 'the latest looks; the audit trail keeps every one',
    bound: { kind: 'constant', value: listedLooks },
  },
  // The verified token's own claims.
  {
    field: 'Viewer.partnerships',
    max: 200,
    reason: "the token's partnerships claim",
    bound: { kind: 'claim', max: () => claimCap('partnerships', '00000000-0000-4000-8000-000000000000') },
  },
  {
    field: 'Viewer.roles',
    max: 20,
    reason: "the token's roles claim",
    bound: { kind: 'claim', max: () => claimCap('roles', 'PRACTITIONER') },
  },
  {
    field: 'Viewer.scopes',
    max: 0,
    reason: 'the scopes the graph knows, each once',
    bound: { kind: 'claim', max: () => systemScopes.length },
  },
  // The reference data.
  {
    field: 'Coverage.uncoveredLocalAuthorities',
    max: 0,
    reason: 'local authorities',
    bound: { kind: 'reference', max: (data) => data.localAuthorities.length },
  },
  {
    field: 'Coverage.uncoveredIntegratedCareBoards',
    max: 0,
    reason: 'ICBs',
    bound: { kind: 'reference', max: (data) => data.integratedCareBoards.length },
  },
  {
    field: 'Coverage.uncoveredPoliceForceAreas',
    max: 0,
    reason: 'police force areas',
    bound: { kind: 'reference', max: (data) => data.policeForceAreas.length },
  },
  {
    field: 'LocalAuthority.integratedCareBoards',
    max: 0,
    reason: 'the ICBs overlapping one LA',
    bound: {
      kind: 'reference',
      max: (data) => Math.max(0, ...data.partners.map((p) => p.integratedCareBoards.length)),
    },
  },
  {
    field: 'LocalAuthority.policeForceAreas',
    max: 0,
    reason: 'the forces overlapping one LA',
    bound: { kind: 'reference', max: (data) => Math.max(0, ...data.partners.map((p) => p.policeForceGssCodes.length)) },
  },
  {
    field: 'LocalAuthority.successors',
    max: 0,
    reason: "one terminated code's successors",
    bound: { kind: 'reference', max: (data) => mostPerKey(data.successions, (s) => s.predecessorGssCode) },
  },
  // The data model.
  {
    // Each record kind's own party columns: a referral's referrer and receiving authority, a disagreement's
    // raiser and raised-with, a file transfer's sending and receiving schools, a child death review's LA and ICB.
    field: 'ChildChronologyEntry.agencies',
    max: 2,
    reason: "one record's parties: referrer and recipient, raiser and raised-with, or LA and ICB",
    bound: { kind: 'model', value: 2 },
  },
  {
    field: 'ChildChronologyEntry.schools',
    max: 2,
    reason: "one record's parties: a file's sending and receiving schools, or a disagreement's two",
    bound: { kind: 'model', value: 2 },
  },
  {
    field: 'ChildDeathReview.childDeathReviewPartners',
    max: 2,
    reason: "the review's LA and ICB columns",
    bound: { kind: 'model', value: 2 },
  },
  {
    field: 'YearlyReport.statusReasons',
    max: 4,
    reason: 'publication, the Panel, Foundations, missing content',
    bound: { kind: 'model', value: 4 },
  },
  {
    field: 'YearlyReportCompliance.reasons',
    max: 4,
    reason: 'the same rules as YearlyReport.statusReasons',
    bound: { kind: 'model', value: 4 },
  },
];

/** Plain lists whose input cap input-bounds.test.ts does not yet probe through the gateway. */
const inputsNotProbed = [
  'Mutation.configureChildPictureReasons(reasons)',
  'ResolveProfessionalDisagreementInput.agreedActions',
  'SubmitSection11ReturnInput.standards',
  'Section11StandardRatingInput.actions',
  'SubmitSchoolSafeguardingReturnInput.standards',
  'SchoolSafeguardingRatingInput.actions',
];

function inputDescriptions(of: GraphQLSchema): Map<string, string> {
  const found = new Map<string, string>();
  for (const type of Object.values(of.getTypeMap())) {
    if (isInputObjectType(type))
      for (const field of Object.values(type.getFields()))
        if (isListType(getNullableType(field.type))) found.set(`${type.name}.${field.name}`, field.description ?? '');
  }
  for (const rootType of [of.getQueryType(), of.getMutationType()]) {
    if (!rootType) continue;
    for (const field of Object.values(rootType.getFields()))
      for (const arg of field.args)
        if (isListType(getNullableType(arg.type)))
          found.set(`${rootType.name}.${field.name}(${arg.name})`, arg.description ?? '');
  }
  return found;
}

/** Every list-typed field of an object or interface type, but a connection's own `nodes`. */
function plainLists(of: GraphQLSchema): string[] {
  const found: string[] = [];
  for (const type of Object.values(of.getTypeMap())) {
    if (type.name.startsWith('__') || !(isObjectType(type) || isInterfaceType(type))) continue;
    for (const field of Object.values(type.getFields())) {
      if (!isListType(getNullableType(field.type))) continue;
      if (field.name === 'nodes' && isConnection(type)) continue;
      found.push(`${type.name}.${field.name}`);
    }
  }
  return found.sort();
}

function isConnection(type: ReturnType<GraphQLSchema['getType']>): boolean {
  if (!isObjectType(type) || !type.name.endsWith('Connection')) return false;
  const fields = type.getFields();
  return ['nodes', 'pageInfo', 'totalCount'].every((name) => name in fields);
}

describe('every list of the API is a connection, or bounded for a stated reason', () => {
  const lists = plainLists(schema);

  it('finds the connections and the plain lists of the schema', () => {
    // A walk that found nothing would pass everything below.
    expect(lists).toEqual(expect.arrayContaining(['Viewer.roles', 'Partnership.partners']));
    const connections = Object.values(schema.getTypeMap()).filter(isConnection);
    expect(connections.length).toBeGreaterThan(30);
  });

  it('names every plain list, and names nothing that is not one', () => {
    const named = plain.map((entry) => entry.field).sort();
    expect(new Set(named).size).toBe(named.length);
    expect(lists).toEqual(named);
  });

  it.each(plain.map((entry) => [entry.field, entry] as const))(
    '%s: its maximum is the one its source fixes',
    (_f, entry) => {
      const max = maxOf(entry.bound);
      expect(max).toBeGreaterThan(0);
      // A maximum of 0 here stands for "as many as the source": the enum, scopes or reference data.
      expect(entry.max === 0 ? max : entry.max).toBe(max);
      expect(entry.reason).not.toBe('');
    },
  );

  it("ties each list to its item's enum where it is one per value", () => {
    for (const entry of plain.filter((e) => e.bound.kind === 'enum')) {
      const [typeName, fieldName] = entry.field.split('.') as [string, string];
      const type = schema.getType(typeName);
      if (!isObjectType(type)) throw new Error(`${typeName} is not an object type`);
      const field = type.getFields()[fieldName];
      if (!field) throw new Error(`${entry.field} is not a field of the schema`);
      const item = getNamedType(field.type);
      const enumName = (entry.bound as { enum: string }).enum;
      // Either a list of the enum itself, or of records keyed by it.
      const keyed =
        isObjectType(item) && Object.values(item.getFields()).some((f) => getNamedType(f.type).name === enumName);
      expect({ field: entry.field, of: item.name === enumName || keyed }).toEqual({ field: entry.field, of: true });
    }
  });

  it('has each input cap probed through the gateway, apart from those listed as not yet', () => {
    const paths = [...new Set(plain.flatMap((entry) => (entry.bound.kind === 'input' ? entry.bound.paths : [])))];
    const unprobed = paths.filter((path) => !inputBoundsProbes.includes(`'${path}'`)).sort();
    expect(unprobed).toEqual([...inputsNotProbed].sort());
  });
});
