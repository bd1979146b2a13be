import { demoIds } from '@safeguarding/shared';
import { dataOf, firstError, startGraph, type TestGraph } from './support/graph';

let graph: TestGraph;
beforeAll(async () => {
  graph = await startGraph();
});
afterAll(() => graph?.stop());

const createPartnership = `mutation ($input: CreatePartnershipInput!) {
  createPartnership(input: $input) { id name status localAuthorities { name } partners { kind organisation { name } } }
}`;
const valid = {
  name: 'Kingston and Richmond Safeguarding Children Partnership',
  localAuthorityGssCodes: ['E09000021', 'E09000027'],
  integratedCareBoardOdsCodes: ['QWE'],
  policeForceGssCodes: ['E23000001'],
};

async function rowCounts(): Promise<number[]> {
  const db = graph.subgraphs.partnerships.db;
  return Promise.all(
    ['Partnership', 'PartnershipArea', 'StatutoryPartner'].map((entity) => db.getRepository(entity).count()),
  );
}

describe('a mutation given bad input', () => {
  it.each([
    ['input.name', { ...valid, name: '   ' }, 'must not be empty'],
    [
      'input.localAuthorityGssCodes.1',
      { ...valid, localAuthorityGssCodes: ['E09000021', 'E99'] },
      'must be a local authority GSS code',
    ],
    [
      'input.localAuthorityGssCodes.0',
      { ...valid, localAuthorityGssCodes: ['E08000016'] },
      'E08000016 (Barnsley) ended on 2025-04-30; use E08000038',
    ],
    [
      'input.localAuthorityGssCodes.1',
      { ...valid, localAuthorityGssCodes: ['E09000021', 'E09000021'] },
      'is listed twice',
    ],
    ['input.localAuthorityGssCodes', { ...valid, localAuthorityGssCodes: [] }, 'at least one'],
    [
      'input.integratedCareBoardOdsCodes.0',
      { ...valid, integratedCareBoardOdsCodes: ['ZZZ'] },
      'is not an integrated care board',
    ],
    [
      'input.policeForceGssCodes.0',
      { ...valid, policeForceGssCodes: ['W15000001'] },
      'must be a police force area GSS code',
    ],
  ])('refuses a bad %s with BAD_USER_INPUT naming it, and writes nothing', async (field, input, message) => {
    const before = await rowCounts();
    const result = await graph.query(createPartnership, { input }, { as: 'west-sussex-business-manager' });
    expect(result.data).toBeNull();
    expect(result.errors).toHaveLength(1);
    expect(firstError(result).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(firstError(result).message).toContain(message);
    expect(await rowCounts()).toEqual(before);
  });

  it('refuses a bad escalation stage without touching the policy in force', async () => {
    const policy = `query ($id: ID!) { partnership(id: $id) { escalationPolicy { stages { name timescaleWorkingDays } } } }`;
    const before = await graph.query(policy, { id: demoIds.partnerships.eastSussex });
    const result = await graph.query(
      `mutation ($id: ID!, $stages: [EscalationStageInput!]!) { configureEscalationPolicy(partnershipId: $id, stages: $stages) { stages { name } } }`,
      {
        id: demoIds.partnerships.eastSussex,
        stages: [
          { name: 'Practitioners', participants: 'the practitioners', timescaleWorkingDays: 5 },
          { name: 'Managers', participants: 'their managers', timescaleWorkingDays: 5 },
          { name: 'Leads', participants: 'named leads', timescaleWorkingDays: 0 },
        ],
      },
      { as: 'east-sussex-business-manager' },
    );
    expect(firstError(result).extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'stages.2.timescaleWorkingDays',
    });
    expect(await graph.query(policy, { id: demoIds.partnerships.eastSussex })).toEqual(before);
  });

  it('refuses a school whose LAESTAB contradicts the live local authorities', async () => {
    const result = await graph.query(
      `mutation { registerSchool(input: { urn: "912345", name: "Nowhere School", laestab: "9991234", phase: PRIMARY }) { urn } }`,
      {},
      { as: 'west-sussex-business-manager' },
    );
    expect(firstError(result).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.laestab' });
    expect((await graph.query('{ school(urn: "912345") { urn } }')).data).toEqual({ school: null });
  });

  it('refuses a malformed date before any resolver runs', async () => {
    const result = await graph.query(
      `mutation { recordPracticeReviewDecision(input: { partnershipId: "${demoIds.partnerships.eastSussex}", kind: LOCAL, title: "T", decisionDate: "2026-02-30" }) { id } }`,
    );
    expect(firstError(result).extensions?.['code']).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(firstError(result).message).toContain('must be a real calendar date');
  });
});

describe('a mutation given good input', () => {
  it('creates a draft partnership whose partners resolve in the agencies subgraph', async () => {
    // New arrangements are the named partners' (or a national administrator's), not another area's manager's.
    const elsewhere = await graph.query(createPartnership, { input: valid }, { as: 'west-sussex-business-manager' });
    expect(firstError(elsewhere).extensions?.['code']).toBe('FORBIDDEN');
    const result = await graph.query<{ createPartnership: Record<string, unknown> }>(
      createPartnership,
      { input: valid },
      { as: 'national-administrator' },
    );
    expect(result.errors).toBeUndefined();
    expect(dataOf(result).createPartnership).toMatchObject({
      name: valid.name,
      status: 'DRAFT',
      localAuthorities: [{ name: 'Kingston upon Thames' }, { name: 'Richmond upon Thames' }],
    });
    expect(dataOf(result).createPartnership['partners']).toHaveLength(4);
  });

  it('refuses a duplicate identifier with BAD_USER_INPUT on that field', async () => {
    const register = `mutation { registerRelevantAgency(input: { name: "Another trust", scheduleCategory: HEALTH_AND_SOCIAL_CARE, odsCode: "9dx" }) { id } }`;
    const result = await graph.query(register, {}, { as: 'west-sussex-business-manager' });
    expect(firstError(result).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.odsCode' });
  });
});

describe('an input GraphQL itself refuses, before any resolver runs', () => {
  const record = `mutation ($input: RecordPracticeReviewDecisionInput!) { recordPracticeReviewDecision(input: $input) { id } }`;
  const input = {
    partnershipId: demoIds.partnerships.eastSussex,
    kind: 'LOCAL',
    title: 'T',
    decisionDate: '2026-01-10',
  };

  it('names the field of an impossible date in a variable (checked by the subgraph, relayed by the gateway)', async () => {
    const result = await graph.query(
      record,
      { input: { ...input, decisionDate: '2026-02-30' } },
      { as: 'east-sussex-business-manager' },
    );
    expect(firstError(result).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.decisionDate' });
    expect(firstError(result).message).toBe('input.decisionDate: must be a real calendar date');
  });

  it('names the field of an unknown enum value in a variable (checked by the gateway)', async () => {
    const result = await graph.query(
      record,
      { input: { ...input, kind: 'REGIONAL' } },
      { as: 'east-sussex-business-manager' },
    );
    expect(firstError(result).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.kind' });
    expect(firstError(result).message).toBe('input.kind: must be one of the values of the PracticeReviewKind enum');
  });

  it('names a whole variable that is missing', async () => {
    const result = await graph.query(record, {}, { as: 'east-sussex-business-manager' });
    expect(firstError(result).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input' });
    expect(firstError(result).message).toBe(
      'input: is required (RecordPracticeReviewDecisionInput!) and was not provided',
    );
  });
});
