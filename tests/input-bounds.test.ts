import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  buildSchema,
  getNamedType,
  getNullableType,
  isInputObjectType,
  isListType,
  type GraphQLInputType,
  type GraphQLSchema,
} from 'graphql';
import {
  auditTrailMaxLimit,
  demoIdentities,
  demoIds,
  obligationKinds,
  statutoryOrganisationId,
} from '@safeguarding/shared';
import { EarlyHelpIndicator } from '../subgraphs/escalations/src/referral/referral.entity';
import { YearlyReportContent } from '../subgraphs/partnerships/src/yearly-report/yearly-report.content';
import { startGraph, type TestGraph } from './support/graph';
import { designatedSchoolsShown as designatedShown } from '../subgraphs/schools/src/school/school-designation.type';

/**
 * Issue 12, item 8: every list is bounded, inputs included, or what one mutation stores (and every
 * later answer repeats) has no limit. The published schema is the contract integrators read, so each
 * list argument or input field states its maximum there as "at most N"; the probes below send N + 1
 * items through the gateway to check the stated number is the one enforced.
 */
const schema = buildSchema(readFileSync(join(__dirname, '..', 'schema.graphql'), 'utf8'));

interface ListInput {
  readonly path: string;
  readonly description: string;
}

const isList = (type: GraphQLInputType): boolean => isListType(getNullableType(type));

function listInputs(of: GraphQLSchema): ListInput[] {
  const found: ListInput[] = [];
  const seen = new Set<string>();
  const walk = (type: GraphQLInputType): void => {
    const named = getNamedType(type);
    if (!isInputObjectType(named) || seen.has(named.name)) return;
    seen.add(named.name);
    for (const field of Object.values(named.getFields())) {
      if (isList(field.type)) found.push({ path: `${named.name}.${field.name}`, description: field.description ?? '' });
      walk(field.type);
    }
  };
  for (const root of [of.getQueryType(), of.getMutationType()]) {
    for (const field of Object.values(root?.getFields() ?? {})) {
      for (const arg of field.args) {
        if (isList(arg.type))
          found.push({ path: `${root!.name}.${field.name}(${arg.name})`, description: arg.description ?? '' });
        walk(arg.type);
      }
    }
  }
  return found;
}

const declaredMax = (description: string): number | undefined => {
  const match = /\bat most (\d[\d,]*)\b/.exec(description);
  return match ? Number(match[1]!.replace(/,/g, '')) : undefined;
};

const inputs = listInputs(schema);
const maxOf = (path: string): number => {
  const max = declaredMax(inputs.find((input) => input.path === path)?.description ?? '');
  if (max === undefined) throw new Error(`${path} declares no maximum`);
  return max;
};

/*
 * Lists whose cap is not yet stated in the schema. This list may only shrink: the test fails when a
 * new list input arrives without "at most N", and when one here gains its cap but is not struck off.
 */
const notYetStated: string[] = [];

describe('the schema states a maximum for every list input', () => {
  it('finds the list inputs reachable from Query and Mutation', () => {
    // A walk that found nothing would pass everything below.
    expect(inputs.map((input) => input.path)).toEqual(
      expect.arrayContaining([
        'NotifySeriousIncidentInput.partnersTold',
        'PublishArrangementsInput.relevantSchoolUrns',
      ]),
    );
  });

  it('states "at most N" on each, apart from the listed ones still to do', () => {
    const unstated = inputs.filter((input) => declaredMax(input.description) === undefined).map((input) => input.path);
    expect(unstated.sort()).toEqual([...notYetStated].sort());
  });
});

describe('the stated maximum is the one enforced', () => {
  let graph: TestGraph;
  beforeAll(async () => {
    graph = await startGraph({ now: () => new Date('2026-11-23T12:00:00Z') });
  });
  afterAll(() => graph?.stop());

  const westSussex = demoIds.partnerships.westSussex;
  const manager = { as: 'west-sussex-business-manager' } as const;
  type Result = { data?: any; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> };
  const refusal = (result: Result) => ({ ...result.errors?.[0]?.extensions, message: result.errors?.[0]?.message });
  const times = <T>(n: number, item: (i: number) => T): T[] => Array.from({ length: n }, (_, i) => item(i));

  describe('serious incident notifications', () => {
    const notify = `mutation ($input: NotifySeriousIncidentInput!) { notifySeriousIncident(input: $input) { id } }`;
    const sussexPolice = statutoryOrganisationId({ kind: 'POLICE', gssCode: 'E23000033' });
    const child = (i: number) => ({
      reference: `CHILD-BOUNDS-${i}`,
      ageYears: 6,
      sex: 'FEMALE',
      ethnicity: 'WBRI',
      onChildProtectionPlan: true,
      lookedAfter: false,
    });
    const incident = (overrides: Record<string, unknown>) => ({
      partnershipId: westSussex,
      localAuthorityGssCode: 'E10000032',
      caseReference: 'SIN-BOUNDS-1',
      dateAware: '2026-11-20',
      children: [child(0)],
      criteria: { seriousHarm: true, abuseOrNeglectKnownOrSuspected: true },
      partnersTold: [],
      ...overrides,
    });

    it('refuses one partner told too many, naming the field', async () => {
      const max = maxOf('NotifySeriousIncidentInput.partnersTold');
      const result = await graph.query<any>(
        notify,
        { input: incident({ partnersTold: times(max + 1, () => ({ organisationId: sussexPolice })) }) },
        manager,
      );
      expect(refusal(result)).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'input.partnersTold',
        message: expect.stringContaining(`at most ${max}`),
      });
      expect(result.errors![0]!.message).not.toContain('BOUNDS');
      expect(result.data?.notifySeriousIncident ?? null).toBeNull();
    });

    it('refuses one child too many, naming the field and echoing no child', async () => {
      const max = maxOf('NotifySeriousIncidentInput.children');
      const result = await graph.query<any>(notify, { input: incident({ children: times(max + 1, child) }) }, manager);
      expect(refusal(result)).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'input.children',
        message: expect.stringContaining(`at most ${max}`),
      });
      expect(result.errors![0]!.message).not.toContain('BOUNDS');
    });
  });

  it('refuses one URN too many to designate, naming the field', async () => {
    const max = maxOf('DesignateSchoolsInput.urns');
    const designate = `mutation ($input: DesignateSchoolsInput!) { designateSchools(input: $input) { totalCount } }`;
    const urns = times(max + 1, (i) => String(100000 + i));
    const result = await graph.query<any>(
      designate,
      { input: { partnershipId: westSussex, urns, designatedFrom: '2026-11-01' } },
      manager,
    );
    expect(refusal(result)).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.urns',
      message: expect.stringContaining(`at most ${max}`),
    });
  });

  describe('published arrangements', () => {
    const publish = `mutation ($id: ID!, $input: PublishArrangementsInput!) { publishArrangements(partnershipId: $id, input: $input) { version } }`;
    const arrangements = async (overrides: Record<string, unknown>) => {
      const partners: Array<{ id: string; kind: string }> = (
        await graph.query<any>(`query ($id: ID!) { partnership(id: $id) { partners { id kind } } }`, { id: westSussex })
      ).data.partnership.partners;
      return {
        publishedOn: '2026-11-01',
        url: 'https://example.org/arrangements-bounds',
        signOffs: partners.map((p) => ({ partnerId: p.id, signedOn: '2026-10-20' })),
        relevantAgencyIds: [],
        relevantSchoolUrns: [],
        educationStrategic: 'Headteachers on the executive',
        educationOperational: 'DSL network',
        scrutineer: 'G. Example',
        scrutinyFunctions: ['Challenge'],
        scrutinyReports: [],
        childDeathReviewPartnerIds: partners.filter((p) => p.kind !== 'POLICE').map((p) => p.id),
        forums: [],
        ...overrides,
      };
    };

    it('refuses one relevant school too many, naming the field', async () => {
      const max = maxOf('PublishArrangementsInput.relevantSchoolUrns');
      const urns = times(max + 1, (i) => String(100000 + i));
      const result = await graph.query<any>(
        publish,
        { id: westSussex, input: await arrangements({ relevantSchoolUrns: urns }) },
        manager,
      );
      expect(refusal(result)).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'input.relevantSchoolUrns',
        message: expect.stringContaining(`at most ${max}`),
      });
    });

    it('refuses one scrutiny report too many, naming the field', async () => {
      const max = maxOf('PublishArrangementsInput.scrutinyReports');
      const reports = times(max + 1, (i) => ({
        title: `Scrutiny report ${i}`,
        url: `https://example.org/scrutiny-${i}`,
        publishedOn: '2026-06-30',
      }));
      const result = await graph.query<any>(
        publish,
        { id: westSussex, input: await arrangements({ scrutinyReports: reports }) },
        manager,
      );
      expect(refusal(result)).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'input.scrutinyReports',
        message: expect.stringContaining(`at most ${max}`),
      });
    });

    const forums = ['CHANNEL_PANEL', 'COMMUNITY_SAFETY_PARTNERSHIP', 'MAPPA'] as const;
    const publishedLists: ReadonlyArray<readonly [string, (i: number) => unknown]> = [
      ['PublishArrangementsInput.scrutinyFunctions', (i) => `BOUNDS function ${i}`],
      ['PublishArrangementsInput.signOffs', () => ({ partnerId: randomUUID(), signedOn: '2026-10-20' })],
      ['PublishArrangementsInput.childDeathReviewPartnerIds', () => randomUUID()],
      ['PublishArrangementsInput.forums', (i) => ({ forum: forums[i % forums.length], name: `BOUNDS forum ${i}` })],
    ];
    it.each(publishedLists)('refuses one item too many of %s, naming the field', async (path, item) => {
      const max = maxOf(path);
      const list = path.split('.')[1] ?? '';
      const result = await graph.query(
        publish,
        { id: westSussex, input: await arrangements({ [list]: times(max + 1, item) }) },
        manager,
      );
      expect(refusal(result)).toMatchObject({ code: 'BAD_USER_INPUT', field: `input.${list}` });
      expect(result.errors?.[0]?.message).toContain(`at most ${max}`);
      expect(result.errors?.[0]?.message).not.toContain('BOUNDS');
    });

    it('accepts the stated maximum of scrutiny reports', async () => {
      const max = maxOf('PublishArrangementsInput.scrutinyReports');
      const reports = times(max, (i) => ({
        title: `Scrutiny report ${i}`,
        url: `https://example.org/scrutiny-${i}`,
        publishedOn: '2026-06-30',
      }));
      const result = await graph.query<any>(
        publish,
        { id: westSussex, input: await arrangements({ scrutinyReports: reports }) },
        manager,
      );
      expect(result.errors).toBeUndefined();
      expect(result.data.publishArrangements.version).toBeGreaterThan(0);
    });
  });
  it('answers designating a whole authority with a count and one page of its schools', async () => {
    const upsert = `mutation ($rows: [SchoolRowInput!]!) { upsertSchools(rows: $rows) { outcome } }`;
    const rows = times(designatedShown + 5, (i) => ({
      urn: String(970000 + i),
      name: `Bounds School ${i} (test)`,
      localAuthorityDfeCode: '845',
      establishmentNumber: String(3000 + i),
      phase: 'PRIMARY',
      status: 'OPEN',
    }));
    const upserted = await graph.query<any>(upsert, { rows }, { as: 'national-administrator' });
    expect(upserted.errors).toBeUndefined();
    expect(upserted.data.upsertSchools.every((row: any) => row.outcome === 'CREATED')).toBe(true);
    const designate = `mutation ($input: DesignateSchoolsInput!) { designateSchools(input: $input) { totalCount hasMore schools { urn } } }`;
    const eastSussex = demoIds.partnerships.eastSussex;
    const result = await graph.query<any>(
      designate,
      { input: { partnershipId: eastSussex, localAuthorityDfeCodes: ['845'], designatedFrom: '2026-11-01' } },
      { as: 'east-sussex-business-manager' },
    );
    expect(result.errors).toBeUndefined();
    const answer = result.data.designateSchools;
    expect(answer.totalCount).toBeGreaterThanOrEqual(designatedShown + 5);
    expect(answer.hasMore).toBe(true);
    expect(answer.schools).toHaveLength(designatedShown);
    const urns = answer.schools.map((school: any) => school.urn);
    expect(urns).toEqual([...urns].sort());
    // Every school named is designated, the ones past the page included.
    const all = await graph.query<any>(
      `query ($id: ID!) { partnership(id: $id) { schools(first: 1) { totalCount } } }`,
      { id: eastSussex },
    );
    expect(all.data.partnership.schools.totalCount).toBe(answer.totalCount);
  });
  it('refuses an audit trail limit over the maximum rather than quietly cutting the trail, naming limit', async () => {
    const trail = `query ($p: ID!, $limit: Int!) { partnership(id: $p) { escalationsAuditTrail(limit: $limit) { records { action } } } }`;
    const over = await graph.query<any>(trail, { p: westSussex, limit: auditTrailMaxLimit + 1 }, manager);
    expect(refusal(over)).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'limit',
      message: expect.stringContaining(`at most ${auditTrailMaxLimit}`),
    });
    const none = await graph.query<any>(trail, { p: westSussex, limit: 0 }, manager);
    expect(refusal(none)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'limit' });
    const most = await graph.query<any>(trail, { p: westSussex, limit: auditTrailMaxLimit }, manager);
    expect(most.errors).toBeUndefined();
    expect(Array.isArray(most.data.partnership.escalationsAuditTrail.records)).toBe(true);
  });
  describe('one item over each stated maximum is refused, naming the list', () => {
    type Probe = {
      readonly path: string;
      readonly as: keyof typeof demoIdentities;
      readonly field: string;
      readonly document: string;
      readonly variables: (tooMany: <T>(item: (i: number) => T) => T[]) => Record<string, unknown>;
    };
    const partnership = (codes: Record<string, unknown>) => ({
      input: {
        name: 'Bounds Safeguarding Children Partnership (test)',
        localAuthorityGssCodes: ['E06000001'],
        integratedCareBoardOdsCodes: ['QHM'],
        policeForceGssCodes: ['E23000013'],
        ...codes,
      },
    });
    const createPartnership = `mutation ($input: CreatePartnershipInput!) { createPartnership(input: $input) { id } }`;
    const standard = (i: number) => ({ key: `BOUNDS_${i}`, title: 'A standard', description: 'What it asks' });
    const selfAssessments = [
      {
        prefix: 'Section11',
        rating: 'StandardRating',
        member: { agencyId: demoIds.agencies.sussexCommunityTrust },
        as: 'sussex-community-safeguarding-lead',
      },
      { prefix: 'SchoolSafeguarding', rating: 'Rating', member: { urn: '990003' }, as: 'shingle-bay-primary-dsl' },
    ] as const;
    const probes: Probe[] = [
      {
        path: 'CreatePartnershipInput.localAuthorityGssCodes',
        as: 'national-administrator',
        field: 'input.localAuthorityGssCodes',
        document: createPartnership,
        variables: (tooMany) => partnership({ localAuthorityGssCodes: tooMany(() => 'E06000001') }),
      },
      {
        path: 'CreatePartnershipInput.integratedCareBoardOdsCodes',
        as: 'national-administrator',
        field: 'input.integratedCareBoardOdsCodes',
        document: createPartnership,
        variables: (tooMany) => partnership({ integratedCareBoardOdsCodes: tooMany(() => 'QHM') }),
      },
      {
        path: 'CreatePartnershipInput.policeForceGssCodes',
        as: 'national-administrator',
        field: 'input.policeForceGssCodes',
        document: createPartnership,
        variables: (tooMany) => partnership({ policeForceGssCodes: tooMany(() => 'E23000013') }),
      },
      {
        path: 'Mutation.configureEscalationPolicy(stages)',
        as: 'west-sussex-business-manager',
        field: 'stages',
        document: `mutation ($id: ID!, $stages: [EscalationStageInput!]!) { configureEscalationPolicy(partnershipId: $id, stages: $stages) { immediateRiskStagePosition } }`,
        variables: (tooMany) => ({
          id: westSussex,
          stages: tooMany((i) => ({ name: `Stage ${i}`, participants: 'Managers', timescaleWorkingDays: 5 })),
        }),
      },
      {
        path: 'Mutation.configureSection11Standards(standards)',
        as: 'west-sussex-business-manager',
        field: 'standards',
        document: `mutation ($id: ID!, $standards: [Section11StandardInput!]!) { configureSection11Standards(partnershipId: $id, standards: $standards) { key } }`,
        variables: (tooMany) => ({ id: westSussex, standards: tooMany(standard) }),
      },
      {
        path: 'Mutation.configureSchoolSafeguardingStandards(standards)',
        as: 'west-sussex-business-manager',
        field: 'standards',
        document: `mutation ($id: ID!, $standards: [SchoolSafeguardingStandardInput!]!) { configureSchoolSafeguardingStandards(partnershipId: $id, standards: $standards) { key } }`,
        variables: (tooMany) => ({ id: westSussex, standards: tooMany(standard) }),
      },
      {
        path: 'Mutation.upsertSchools(rows)',
        as: 'national-administrator',
        field: 'rows',
        document: `mutation ($rows: [SchoolRowInput!]!) { upsertSchools(rows: $rows) { urn } }`,
        variables: (tooMany) => ({
          rows: tooMany((i) => ({
            urn: String(900000 + i),
            name: `Bounds School ${i}`,
            phase: 'NOT_APPLICABLE',
            status: 'OPEN',
            localAuthorityDfeCode: '938',
          })),
        }),
      },
      {
        path: 'Mutation.registerRelevantAgencies(rows)',
        as: 'national-administrator',
        field: 'rows',
        document: `mutation ($rows: [RelevantAgencyRowInput!]!) { registerRelevantAgencies(rows: $rows) { outcome } }`,
        variables: (tooMany) => ({ rows: tooMany((i) => ({ name: `Bounds Agency ${i}` })) }),
      },
      {
        path: 'RegisterWebhookEndpointInput.eventTypes',
        as: 'west-sussex-business-manager',
        field: 'input.eventTypes',
        document: `mutation ($input: RegisterWebhookEndpointInput!) { registerWebhookEndpoint(input: $input) { secret } }`,
        variables: (tooMany) => ({
          input: { url: 'https://example.org/hooks', eventTypes: tooMany(() => 'obligation.opened') },
        }),
      },
      {
        path: 'SetEducationRepresentationInput.representatives',
        as: 'west-sussex-business-manager',
        field: 'input.representatives',
        document: `mutation ($input: SetEducationRepresentationInput!) { setEducationRepresentation(input: $input) { name } }`,
        variables: (tooMany) => ({
          input: {
            partnershipId: westSussex,
            representatives: tooMany((i) => ({
              level: 'STRATEGIC',
              forum: 'Executive',
              name: `Head ${i}`,
              role: 'Headteacher',
              represents: 'Primary schools',
            })),
          },
        }),
      },
      {
        path: 'SetSafeguardingLeadsInput.leads',
        as: 'chalk-cliff-high-dsl',
        field: 'input.leads',
        document: `mutation ($input: SetSafeguardingLeadsInput!) { setSafeguardingLeads(input: $input) { name } }`,
        variables: (tooMany) => ({
          input: { urn: '990002', leads: tooMany((i) => ({ name: `BOUNDS deputy ${i}`, role: 'DEPUTY' })) },
        }),
      },
      {
        path: 'SetSchoolCalendarInput.closureDays',
        as: 'chalk-cliff-high-dsl',
        field: 'input.closureDays',
        document: `mutation ($input: SetSchoolCalendarInput!) { setSchoolCalendar(input: $input) { date } }`,
        variables: (tooMany) => ({
          input: {
            urn: '990002',
            from: '2027-01-04',
            to: '2027-07-23',
            closureDays: tooMany(() => ({ date: '2027-02-15', reason: 'BOUNDS half term' })),
          },
        }),
      },
      ...selfAssessments.flatMap((kind): Probe[] => {
        const submit = `mutation ($input: Submit${kind.prefix}ReturnInput!) { submit${kind.prefix}Return(input: $input) { submittedOn } }`;
        const rating = (actions: unknown[]) => ({ standardKey: 'S1', rating: 'GREEN', evidence: 'Seen', actions });
        const input = (standards: unknown[]) => ({
          input: {
            partnershipId: demoIds.partnerships.eastSussex,
            financialYear: '2026-27',
            ...kind.member,
            standards,
          },
        });
        return [
          {
            path: `Submit${kind.prefix}ReturnInput.standards`,
            as: kind.as,
            field: 'input.standards',
            document: submit,
            variables: (tooMany) => input(tooMany(() => rating([]))),
          },
          {
            path: `${kind.prefix}${kind.rating}Input.actions`,
            as: kind.as,
            field: 'input.standards.0.actions',
            document: submit,
            variables: (tooMany) =>
              input([rating(tooMany(() => ({ description: 'BOUNDS action', owner: 'Lead', dueOn: '2027-01-29' })))]),
          },
        ];
      }),
      {
        path: 'DelegateInput.functions',
        as: 'west-sussex-business-manager',
        field: 'input.functions',
        document: `mutation ($partnerId: ID!, $input: DelegateInput!) { addDelegatedSafeguardingPartner(partnerId: $partnerId, input: $input) { id } }`,
        variables: (tooMany) => ({
          partnerId: randomUUID(),
          input: {
            name: 'A. Delegate',
            office: 'Director',
            functions: tooMany((i) => `BOUNDS function ${i}`),
            delegatedFrom: '2026-11-01',
          },
        }),
      },
      {
        path: 'UpdateYearlyReportInput.contentPresent',
        as: 'west-sussex-business-manager',
        field: 'input.contentPresent',
        document: `mutation ($id: ID!, $input: UpdateYearlyReportInput!) { updateYearlyReport(id: $id, input: $input) { id } }`,
        variables: (tooMany) => ({
          id: randomUUID(),
          input: { contentPresent: tooMany(() => Object.values(YearlyReportContent)[0]) },
        }),
      },
      {
        path: 'SubmitReferralInput.concernCategories',
        as: 'sussex-health-visitor',
        field: 'input.concernCategories',
        document: `mutation ($input: SubmitReferralInput!) { submitReferral(input: $input) { id } }`,
        variables: (tooMany) => ({ input: referral({ concernCategories: tooMany(() => 'NEGLECT') }) }),
      },
      {
        path: 'SubmitReferralInput.earlyHelpIndicators',
        as: 'sussex-health-visitor',
        field: 'input.earlyHelpIndicators',
        document: `mutation ($input: SubmitReferralInput!) { submitReferral(input: $input) { id } }`,
        variables: (tooMany) => ({ input: referral({ earlyHelpIndicators: tooMany(() => earlyHelpIndicator) }) }),
      },
      {
        path: 'WhatIsDueFilter.kinds',
        as: 'west-sussex-business-manager',
        field: 'filter.kinds',
        document: `query ($filter: WhatIsDueFilter) { whatIsDue(filter: $filter) { nodes { id } } }`,
        variables: (tooMany) => ({ filter: { kinds: tooMany(() => obligationKinds[0]) } }),
      },
      {
        path: 'WhatIsDueFilter.statuses',
        as: 'west-sussex-business-manager',
        field: 'filter.statuses',
        document: `query ($filter: WhatIsDueFilter) { whatIsDue(filter: $filter) { nodes { id } } }`,
        variables: (tooMany) => ({ filter: { statuses: tooMany(() => 'OVERDUE') } }),
      },
    ];
    const referral = (lists: Record<string, unknown>) => ({
      idempotencyKey: 'bounds-referral-1',
      childReference: 'CHILD-BOUNDS-R',
      nhsNumber: null,
      homeLocalAuthorityGssCode: 'E10000032',
      concernCategories: ['NEGLECT'],
      significantHarm: false,
      earlyHelpIndicators: [],
      lawfulBasis: 'PUBLIC_TASK',
      consent: 'OBTAINED',
      practitionerName: 'A. Visitor (test)',
      practitionerRole: 'Health visitor',
      ...lists,
    });
    const earlyHelpIndicator = Object.values(EarlyHelpIndicator)[0];

    it.each(probes.map((probe) => [probe.path, probe] as const))('%s', async (_path, probe) => {
      const max = maxOf(probe.path);
      const result = await graph.query(
        probe.document,
        probe.variables((item) => times(max + 1, item)),
        {
          as: probe.as,
        },
      );
      expect(refusal(result)).toMatchObject({ code: 'BAD_USER_INPUT', field: probe.field });
      expect(result.errors?.[0]?.message).toContain(`at most ${max}`);
      expect(result.errors?.[0]?.message).not.toContain('BOUNDS');
    });
  });
});
