import { School, SchoolPhase, SchoolStatus } from '../subgraphs/schools/src/school/school.entity';
import { at, dataOf, firstError, gql, startGraph, type TestGraph } from './support/graph';

// Cumbria (E10000006, DfE 909) was split into Cumberland and Westmorland and Furness on 1 April 2023;
// Bournemouth and Poole merged into BCP in 2019; Barnsley was recoded in 2025.
const today = new Date('2026-11-22T12:00:00Z');
let graph: TestGraph;
beforeAll(async () => {
  graph = await startGraph({ now: () => today });
});
afterAll(() => graph?.stop());

const schoolRow = (overrides: Record<string, unknown>) => ({
  urn: '990901',
  name: 'Test School (retired LA)',
  localAuthorityDfeCode: '909',
  establishmentNumber: '2001',
  phase: 'PRIMARY',
  status: 'OPEN',
  ...overrides,
});
const upsert = gql<{
  upsertSchools: Array<{ row: number; outcome: string; field: string | null; reason: string | null }>;
}>(`mutation ($rows: [SchoolRowInput!]!) { upsertSchools(rows: $rows) { row outcome field reason } }`);

describe('retired local authority codes', () => {
  it('shows a retired code with its status, end date and the successors of its split', async () => {
    const result = await graph.query<{ localAuthority: { successors: unknown[] } & Record<string, unknown> }>(
      '{ localAuthority(gssCode: "E10000006") { name status validTo successor { gssCode } successors { change effectiveDate localAuthority { gssCode } } } }',
    );
    expect(dataOf(result).localAuthority).toMatchObject({
      name: 'Cumbria',
      status: 'TERMINATED',
      validTo: '2023-03-31',
      successor: null,
    });
    expect(dataOf(result).localAuthority.successors).toEqual(
      expect.arrayContaining([
        { change: 'SPLIT', effectiveDate: '2023-04-01', localAuthority: { gssCode: 'E06000063' } },
        { change: 'SPLIT', effectiveDate: '2023-04-01', localAuthority: { gssCode: 'E06000064' } },
      ]),
    );
  });

  it('refuses to sync an open school under an LA abolished before now, naming the field and the successors', async () => {
    const result = await graph.query(upsert, { rows: [schoolRow({})] }, { as: 'national-administrator' });
    expect(result.errors).toBeUndefined();
    const row = at(dataOf(result).upsertSchools, 0);
    expect(row).toMatchObject({ outcome: 'REJECTED', field: 'localAuthorityDfeCode' });
    expect(row.reason).toContain('909 (Cumbria) ended on 2023-03-31');
    expect(row.reason).toContain('Cumberland (942)');
    expect(row.reason).toContain('Westmorland and Furness (943)');
    // A school that closed under Cumbria is history, and is kept.
    const closed = await graph.query(
      upsert,
      { rows: [schoolRow({ urn: '990902', status: 'CLOSED' })] },
      { as: 'national-administrator' },
    );
    expect(at(dataOf(closed).upsertSchools, 0)).toMatchObject({ outcome: 'CREATED' });
  });

  it('keeps school(urn) and the public schools list answering when a row under a retired code is in the database', async () => {
    // Written past the mutations, as an older release or a direct load could have.
    await graph.subgraphs.schools.db.getRepository(School).insert(
      Object.assign(new School(), {
        urn: '990903',
        name: 'Loaded Directly School',
        laestab: '9092002',
        localAuthorityDfeCode: '909',
        phase: SchoolPhase.PRIMARY,
        status: SchoolStatus.OPEN,
        ukprn: null,
        establishmentType: null,
        establishmentTypeGroup: null,
        trustUid: null,
        postcode: null,
      }),
    );
    const one = await graph.query<{ school: unknown }>(
      '{ school(urn: "990903") { urn localAuthority { name status closedOn } } }',
    );
    expect(one.errors).toBeUndefined();
    expect(dataOf(one).school).toEqual({
      urn: '990903',
      localAuthority: { name: 'Cumbria', status: 'CLOSED', closedOn: '2023-03-31' },
    });

    const all = await graph.query<{
      schools: {
        pageInfo: { hasNextPage: boolean };
        nodes: Array<{ urn: string; localAuthority: { name: string } | null }>;
      };
    }>('{ schools(first: 100) { pageInfo { hasNextPage } nodes { urn localAuthority { name } } } }');
    expect(all.errors).toBeUndefined();
    expect(dataOf(all).schools.pageInfo.hasNextPage).toBe(false);
    expect(dataOf(all).schools.nodes.length).toBeGreaterThan(1);
    expect(dataOf(all).schools.nodes).toContainEqual({ urn: '990903', localAuthority: { name: 'Cumbria' } });
    expect(dataOf(all).schools.nodes.every((school) => typeof school.localAuthority?.name === 'string')).toBe(true);
  });
});

describe('referrals naming a retired code', () => {
  const submit = gql<{ submitReferral: Record<string, unknown> }>(
    `mutation ($input: SubmitReferralInput!) { submitReferral(input: $input) { homeLocalAuthorityGssCode receivingLocalAuthorityGssCode receivingAuthority { name } } }`,
  );
  let keys = 0;
  const input = (homeLocalAuthorityGssCode: string) => {
    keys += 1;
    return {
      idempotencyKey: `retired-code-${keys}`,
      childReference: `CHILD-R-${keys}`,
      nhsNumber: null,
      homeLocalAuthorityGssCode,
      concernCategories: ['NEGLECT'],
      significantHarm: false,
      earlyHelpIndicators: [],
      lawfulBasis: 'PUBLIC_TASK',
      consent: 'OBTAINED',
      practitionerName: 'A. Visitor (test)',
      practitionerRole: 'Health visitor',
    };
  };

  it("routes a merged authority's code to its successor", async () => {
    const result = await graph.query(submit, { input: input('E06000029') }, { as: 'sussex-health-visitor' });
    expect(result.errors).toBeUndefined();
    expect(dataOf(result).submitReferral).toMatchObject({
      homeLocalAuthorityGssCode: 'E06000029',
      receivingLocalAuthorityGssCode: 'E06000058',
    });
  });

  it("routes a recoded authority's code to its new code", async () => {
    const result = await graph.query(submit, { input: input('E08000016') }, { as: 'sussex-health-visitor' });
    expect(result.errors).toBeUndefined();
    expect(dataOf(result).submitReferral).toMatchObject({
      receivingLocalAuthorityGssCode: 'E08000038',
      receivingAuthority: { name: 'Barnsley' },
    });
  });

  it("refuses a split authority's code, naming the field and the successor codes", async () => {
    const result = await graph.query(submit, { input: input('E10000021') }, { as: 'sussex-health-visitor' });
    expect(result.data).toBeNull();
    expect(firstError(result).extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.homeLocalAuthorityGssCode',
    });
    expect(firstError(result).message).toContain('E06000061 (North Northamptonshire)');
    expect(firstError(result).message).toContain('E06000062 (West Northamptonshire)');
  });

  it('refuses a code that is not a GSS code by its form', async () => {
    const result = await graph.query(submit, { input: input('909') }, { as: 'sussex-health-visitor' });
    expect(firstError(result).extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.homeLocalAuthorityGssCode',
    });
    expect(firstError(result).message).toContain('GSS code');
  });
});
