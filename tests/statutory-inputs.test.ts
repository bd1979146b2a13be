import { demoIds, statutoryOrganisationId } from '@safeguarding/shared';
import { demoReviewIds } from '../subgraphs/reviews/src/demo/demo-data';
import { at, dataOf, firstError, gql, startGraph, type GraphQLResponse, type TestGraph } from './support/graph';

/**
 * Issue 14, "impossible inputs": each wrong input refused through the gateway with BAD_USER_INPUT
 * naming its field. Cumbria (DfE 909) ended on 31 March 2023, split into Cumberland (942) and
 * Westmorland and Furness (943); Northamptonshire (928) ended on 31 March 2021; Barnsley (370) was
 * only recoded in 2025 and carries on.
 */
let now = new Date('2026-11-23T12:00:00Z');
let graph: TestGraph;
beforeAll(async () => {
  graph = await startGraph({ now: () => now });
});
afterAll(() => graph?.stop());

const westSussex = demoIds.partnerships.westSussex;
const eastSussex = demoIds.partnerships.eastSussex;
const westSussexCouncil = statutoryOrganisationId({ kind: 'LOCAL_AUTHORITY', dfeCode: '938' });
const cumbria = statutoryOrganisationId({ kind: 'LOCAL_AUTHORITY', dfeCode: '909' });
const northamptonshire = statutoryOrganisationId({ kind: 'LOCAL_AUTHORITY', dfeCode: '928' });
const barnsley = statutoryOrganisationId({ kind: 'LOCAL_AUTHORITY', dfeCode: '370' });

const refusal = (result: GraphQLResponse<unknown>) => ({
  ...result.errors?.[0]?.extensions,
  message: result.errors?.[0]?.message,
});

describe('professional disagreements name organisations that exist', () => {
  const raise = gql<{ raiseProfessionalDisagreement: { id: string; raisedOn: string } }>(
    `mutation ($input: RaiseProfessionalDisagreementInput!) { raiseProfessionalDisagreement(input: $input) { id raisedOn } }`,
  );
  const resolve = gql<{ resolveProfessionalDisagreement: { status: string } }>(
    `mutation ($id: ID!, $input: ResolveProfessionalDisagreementInput!) { resolveProfessionalDisagreement(id: $id, input: $input) { status } }`,
  );
  let cases = 0;
  const input = (overrides: Record<string, unknown>) => ({
    partnershipId: westSussex,
    caseReference: `CASE-IN-${(cases += 1)}`,
    issueType: 'INFORMATION_SHARING',
    summary: 'Statutory inputs test (fictional)',
    ...overrides,
  });

  it('refuses a disagreement raised with an authority that had ended, naming the field and its successors', async () => {
    const result = await graph.query(
      raise,
      { input: input({ raisedWithAgencyId: cumbria }) },
      { as: 'sussex-health-visitor' },
    );
    expect(refusal(result)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.raisedWithAgencyId' });
    expect(firstError(result).message).toContain('Cumbria ended on 2023-03-31');
    expect(firstError(result).message).toContain('Cumberland (942)');
    expect(firstError(result).message).toContain('Westmorland and Furness (943)');
    // A case reference or summary is never echoed back.
    expect(firstError(result).message).not.toContain('CASE-IN');
    expect(firstError(result).message).not.toContain('fictional');
  });

  it('accepts an authority that was only recoded, and one raised (from a backlog) before the authority ended', async () => {
    const recoded = await graph.query(
      raise,
      { input: input({ raisedWithAgencyId: barnsley }) },
      { as: 'sussex-health-visitor' },
    );
    expect(recoded.errors).toBeUndefined();
    const before = await graph.query(
      raise,
      { input: input({ raisedWithAgencyId: cumbria, raisedOn: '2023-03-01' }) },
      { as: 'sussex-health-visitor' },
    );
    expect(before.errors).toBeUndefined();
    expect(dataOf(before).raiseProfessionalDisagreement.raisedOn).toBe('2023-03-01');
  });

  it('refuses an agreed action owned by an organisation that has ended, naming the action', async () => {
    const raised = await graph.query(
      raise,
      { input: input({ raisedWithAgencyId: westSussexCouncil }) },
      { as: 'sussex-health-visitor' },
    );
    expect(raised.errors).toBeUndefined();
    const id = dataOf(raised).raiseProfessionalDisagreement.id;
    const actions = [
      { description: 'Share the chronology', ownerOrganisationId: westSussexCouncil, dueOn: '2026-12-15' },
      { description: 'Review the threshold decision', ownerOrganisationId: northamptonshire, dueOn: '2026-12-15' },
    ];
    const refused = await graph.query(
      resolve,
      { id, input: { outcome: 'Agreed', agreedActions: actions } },
      { as: 'sussex-health-visitor' },
    );
    expect(refusal(refused)).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.agreedActions.1.ownerOrganisationId',
    });
    expect(firstError(refused).message).toContain('Northamptonshire ended on 2021-03-31');
    expect(firstError(refused).message).toContain('North Northamptonshire (940)');
    const pastDue = await graph.query(
      resolve,
      { id, input: { outcome: 'Agreed', agreedActions: [{ ...actions[0], dueOn: '1999-01-01' }] } },
      { as: 'sussex-health-visitor' },
    );
    expect(refusal(pastDue)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.agreedActions.0.dueOn' });
    // Nothing was half-written: the disagreement is still open and resolves once the inputs are right.
    const resolved = await graph.query(
      resolve,
      { id, input: { outcome: 'Agreed', agreedActions: [actions[0]] } },
      { as: 'sussex-health-visitor' },
    );
    expect(resolved.errors).toBeUndefined();
    expect(dataOf(resolved).resolveProfessionalDisagreement.status).toBe('RESOLVED');
  });
});

describe('section 175 returns', () => {
  const standards = gql<{ partnership: { schoolSafeguardingStandards: Array<{ key: string }> } }>(
    `query ($id: ID!) { partnership(id: $id) { schoolSafeguardingStandards { key } } }`,
  );
  const submit = gql<{
    submitSchoolSafeguardingReturn: {
      submittedOn: string;
      standards: Array<{ actions: Array<{ id: string; deadline: { due: string; status: string } }> }>;
    };
  }>(`mutation ($input: SubmitSchoolSafeguardingReturnInput!) { submitSchoolSafeguardingReturn(input: $input) {
    submittedOn standards { actions { id deadline { due status } } } } }`);
  const complete = gql<{ completeSchoolSafeguardingAction: { deadline: { completedOn: string; status: string } } }>(
    `mutation ($input: CompleteSchoolSafeguardingActionInput!) { completeSchoolSafeguardingAction(input: $input) { deadline { completedOn status } } }`,
  );

  it('refuses an action due in the past, and a completion before the return was made', async () => {
    const keys = dataOf(await graph.query(standards, { id: eastSussex })).partnership.schoolSafeguardingStandards.map(
      (s) => s.key,
    );
    const rated = (dueOn: string) =>
      keys.map((key, index) => ({
        standardKey: key,
        rating: index === 1 ? 'AMBER' : 'GREEN',
        evidence: 'Seen at audit (test)',
        actions: index === 1 ? [{ description: 'Review the filtering', owner: 'DSL', dueOn }] : [],
      }));
    const base = { partnershipId: eastSussex, urn: '990003', financialYear: '2026-27' };
    const past = await graph.query(
      submit,
      { input: { ...base, standards: rated('1999-01-01') } },
      { as: 'shingle-bay-primary-dsl' },
    );
    expect(refusal(past)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.standards.1.actions.0.dueOn' });

    const made = await graph.query(
      submit,
      { input: { ...base, standards: rated('2027-01-31') } },
      { as: 'shingle-bay-primary-dsl' },
    );
    expect(made.errors).toBeUndefined();
    expect(dataOf(made).submitSchoolSafeguardingReturn.submittedOn).toBe('2026-11-23');
    const action = at(
      dataOf(made).submitSchoolSafeguardingReturn.standards.flatMap((s) => s.actions),
      0,
    );

    const early = await graph.query(
      complete,
      { input: { actionId: action.id, completedOn: '2026-11-20' } },
      { as: 'shingle-bay-primary-dsl' },
    );
    expect(refusal(early)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.completedOn' });
    expect(firstError(early).message).toContain('2026-11-23');
    const future = await graph.query(
      complete,
      { input: { actionId: action.id, completedOn: '2026-12-01' } },
      { as: 'shingle-bay-primary-dsl' },
    );
    expect(refusal(future)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.completedOn' });
    const done = await graph.query(
      complete,
      { input: { actionId: action.id, completedOn: '2026-11-23' } },
      { as: 'shingle-bay-primary-dsl' },
    );
    expect(done.errors).toBeUndefined();
    expect(dataOf(done).completeSchoolSafeguardingAction.deadline).toEqual({
      completedOn: '2026-11-23',
      status: 'MET',
    });
  });
});

describe('partnership records of the past', () => {
  const partnersOf = async (id: string): Promise<Array<{ id: string; kind: string }>> =>
    dataOf(
      await graph.query<{ partnership: { partners: Array<{ id: string; kind: string }> } }>(
        `query ($id: ID!) { partnership(id: $id) { partners { id kind } } }`,
        { id },
      ),
    ).partnership.partners;

  it('refuses a lead safeguarding partner named on a day still to come', async () => {
    const partner = at(await partnersOf(westSussex), 0);
    const nameLead = `mutation ($partnerId: ID!, $input: LeadSafeguardingPartnerInput!) { nameLeadSafeguardingPartner(partnerId: $partnerId, input: $input) { leadSafeguardingPartner { name } } }`;
    const result = await graph.query(
      nameLead,
      { partnerId: partner.id, input: { name: 'F. Example', office: 'Chief Executive', namedOn: '2027-01-05' } },
      { as: 'west-sussex-business-manager' },
    );
    expect(refusal(result)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.namedOn' });
    const today = await graph.query(
      nameLead,
      { partnerId: partner.id, input: { name: 'F. Example', office: 'Chief Executive', namedOn: '2026-11-23' } },
      { as: 'west-sussex-business-manager' },
    );
    expect(today.errors).toBeUndefined();
  });

  it('refuses arrangements listing a scrutiny report published in the future', async () => {
    const partners = await partnersOf(westSussex);
    const input = {
      publishedOn: '2026-11-01',
      url: 'https://example.org/arrangements-2026-11',
      signOffs: partners.map((p) => ({ partnerId: p.id, signedOn: '2026-10-20' })),
      relevantAgencyIds: [],
      relevantSchoolUrns: [],
      educationStrategic: 'Headteachers on the executive',
      educationOperational: 'DSL network',
      scrutineer: 'G. Example',
      scrutinyFunctions: ['Challenge'],
      scrutinyReports: [
        { title: 'Scrutiny report 2025-26', url: 'https://example.org/scrutiny-2025-26', publishedOn: '2026-06-30' },
        { title: 'Scrutiny report 2026-27', url: 'https://example.org/scrutiny-2026-27', publishedOn: '2027-06-30' },
      ],
      childDeathReviewPartnerIds: partners.filter((p) => p.kind !== 'POLICE').map((p) => p.id),
      forums: [],
    };
    const publish = `mutation ($id: ID!, $input: PublishArrangementsInput!) { publishArrangements(partnershipId: $id, input: $input) { version } }`;
    const result = await graph.query(publish, { id: westSussex, input }, { as: 'west-sussex-business-manager' });
    expect(refusal(result)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.scrutinyReports.1.publishedOn' });
  });
});

describe('school codes', () => {
  it('refuses an establishment number that is not the 4 digits GIAS gives', async () => {
    const upsert = `mutation ($rows: [SchoolRowInput!]!) { upsertSchools(rows: $rows) { row outcome field reason } }`;
    const row = {
      urn: '990961',
      name: 'Short Number School (test)',
      localAuthorityDfeCode: '938',
      establishmentNumber: '123',
      phase: 'PRIMARY',
      status: 'OPEN',
    };
    const result = await graph.query<{ upsertSchools: Array<Record<string, unknown>> }>(
      upsert,
      { rows: [row] },
      { as: 'national-administrator' },
    );
    expect(result.errors).toBeUndefined();
    expect(at(dataOf(result).upsertSchools, 0)).toMatchObject({ outcome: 'REJECTED', field: 'establishmentNumber' });
    const school = await graph.query<{ school: { urn: string } | null }>('{ school(urn: "990961") { urn } }');
    expect(dataOf(school).school).toBeNull();
  });
});

describe('reviews', () => {
  const addRecommendation = gql<{ addRecommendation: { id: string } }>(
    `mutation ($input: AddRecommendationInput!) { addRecommendation(input: $input) { id } }`,
  );
  const addAction = gql<{ addReviewAction: { deadline: { due: string; status: string } } }>(
    `mutation ($input: AddReviewActionInput!) { addReviewAction(input: $input) { deadline { due status } } }`,
  );
  const manager = { as: 'west-sussex-business-manager' } as const;

  it('refuses a recommendation or action owned by an authority that has ended, and an action due in the past', async () => {
    const ended = await graph.query(
      addRecommendation,
      {
        input: {
          practiceReviewId: demoReviewIds.practiceReviewChildQ,
          text: 'Joint chronologies (inputs test)',
          ownerKind: 'AGENCY',
          ownerId: cumbria,
        },
      },
      manager,
    );
    expect(refusal(ended)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.ownerId' });
    expect(firstError(ended).message).toContain('Cumbria ended on 2023-03-31');

    const added = await graph.query(
      addRecommendation,
      {
        input: {
          practiceReviewId: demoReviewIds.practiceReviewChildQ,
          text: 'Joint chronologies (inputs test)',
          ownerKind: 'PARTNERSHIP',
        },
      },
      manager,
    );
    expect(added.errors).toBeUndefined();
    const recommendationId = dataOf(added).addRecommendation.id;
    const action = (overrides: Record<string, unknown>) => ({
      recommendationId,
      description: 'Chronology template (inputs test)',
      ownerKind: 'PARTNERSHIP',
      dueOn: '2027-01-31',
      ...overrides,
    });
    const past = await graph.query(addAction, { input: action({ dueOn: '1999-01-01' }) }, manager);
    expect(refusal(past)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.dueOn' });
    const endedOwner = await graph.query(
      addAction,
      { input: action({ ownerKind: 'AGENCY', ownerId: northamptonshire }) },
      manager,
    );
    expect(refusal(endedOwner)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.ownerId' });
    const ok = await graph.query(addAction, { input: action({}) }, manager);
    expect(ok.errors).toBeUndefined();
    expect(dataOf(ok).addReviewAction.deadline).toEqual({ due: '2027-01-31', status: 'PENDING' });
  });

  it('refuses a reviewer leaving the pool on a day still to come', async () => {
    const panel = { as: 'panel-member' } as const;
    const added = await graph.query<{ addReviewerToPool: { id: string } }>(
      `mutation { addReviewerToPool(input: { name: "C. Inputs", expertise: "Neglect", joinedPoolOn: "2026-11-01" }) { id } }`,
      {},
      panel,
    );
    expect(added.errors).toBeUndefined();
    const leave = gql<{ removeReviewerFromPool: { inPool: boolean } }>(
      `mutation ($id: ID!, $on: Date!) { removeReviewerFromPool(id: $id, leftPoolOn: $on) { inPool } }`,
    );
    const future = await graph.query(leave, { id: dataOf(added).addReviewerToPool.id, on: '2027-01-01' }, panel);
    expect(refusal(future)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'leftPoolOn' });
    const left = await graph.query(leave, { id: dataOf(added).addReviewerToPool.id, on: '2026-11-23' }, panel);
    expect(dataOf(left).removeReviewerFromPool.inPool).toBe(false);
  });
});

describe('relevant agencies', () => {
  const bulk = gql<{
    registerRelevantAgencies: Array<{
      outcome: string;
      field: string | null;
      agency: { id: string; status: string; closedOn: string | null } | null;
    }>;
  }>(
    `mutation ($rows: [RelevantAgencyRowInput!]!) { registerRelevantAgencies(rows: $rows) { outcome field agency { id status closedOn } } }`,
  );
  const designate = `mutation ($input: DesignateRelevantAgencyInput!) { designateRelevantAgency(input: $input) { id } }`;
  const manager = { as: 'west-sussex-business-manager' } as const;

  it('refuses a closure dated in the future, and designating an agency that had closed', async () => {
    const college = (name: string, closedOn: string) => ({
      name,
      scheduleCategory: 'EDUCATION_AND_CHILDCARE',
      scheduleEntry: 'FURTHER_EDUCATION_COLLEGE',
      closedOn,
    });
    const result = await graph.query(
      bulk,
      { rows: [college('Closing College (test)', '2027-07-31'), college('Closed College (test)', '2026-07-31')] },
      manager,
    );
    expect(result.errors).toBeUndefined();
    const rows = dataOf(result).registerRelevantAgencies;
    const closed = at(rows, 1);
    expect(at(rows, 0)).toMatchObject({ outcome: 'REJECTED', field: 'closedOn', agency: null });
    expect(closed).toMatchObject({ outcome: 'CREATED', agency: { status: 'CLOSED', closedOn: '2026-07-31' } });
    const agencyId = closed.agency?.id;
    const late = await graph.query(
      designate,
      {
        input: {
          partnershipId: westSussex,
          agencyId,
          designatedFrom: '2026-09-01',
          reason: 'Named in the arrangements (test)',
        },
      },
      manager,
    );
    expect(refusal(late)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.agencyId' });
    expect(firstError(late).message).toContain('is closed');
  });
});

describe('serious incident notifications', () => {
  const notify = gql<{
    notifySeriousIncident: { localAuthorityGssCode: string; localAuthority: { name: string } | null };
  }>(
    `mutation ($input: NotifySeriousIncidentInput!) { notifySeriousIncident(input: $input) { localAuthorityGssCode localAuthority { name } } }`,
  );
  const sussexPolice = statutoryOrganisationId({ kind: 'POLICE', gssCode: 'E23000033' });
  let n = 0;
  const incident = (overrides: Record<string, unknown>) => ({
    partnershipId: westSussex,
    localAuthorityGssCode: 'E10000032',
    caseReference: `SIN-IN-${(n += 1)}`,
    dateAware: '2026-11-20',
    children: [
      {
        reference: `CHILD-IN-${n}`,
        ageYears: 6,
        sex: 'FEMALE',
        ethnicity: 'WBRI',
        onChildProtectionPlan: true,
        lookedAfter: false,
      },
    ],
    criteria: { seriousHarm: true, abuseOrNeglectKnownOrSuspected: true },
    partnersTold: [{ organisationId: sussexPolice }],
    ...overrides,
  });
  const manager = { as: 'west-sussex-business-manager' } as const;

  it("routes a merged authority's code to its successor and refuses a split one, naming the successor codes", async () => {
    const merged = await graph.query(notify, { input: incident({ localAuthorityGssCode: 'E06000029' }) }, manager);
    expect(merged.errors).toBeUndefined();
    expect(dataOf(merged).notifySeriousIncident).toEqual({
      localAuthorityGssCode: 'E06000058',
      localAuthority: { name: 'Bournemouth, Christchurch and Poole' },
    });
    const split = await graph.query(notify, { input: incident({ localAuthorityGssCode: 'E10000006' }) }, manager);
    expect(refusal(split)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.localAuthorityGssCode' });
    expect(firstError(split).message).toContain('E06000063 (Cumberland)');
    expect(firstError(split).message).toContain('E06000064 (Westmorland and Furness)');
    expect(firstError(split).message).not.toContain('SIN-IN');
  });

  it('refuses a partner told that had ended before the incident became known', async () => {
    const result = await graph.query(
      notify,
      { input: incident({ partnersTold: [{ organisationId: sussexPolice }, { organisationId: cumbria }] }) },
      manager,
    );
    expect(refusal(result)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.partnersTold.1.organisationId' });
  });
});
