import { demoIds, newId } from '@safeguarding/shared';
import { dataOf, firstError, gql, startGraph, type TestGraph } from './support/graph';

/** Issue 6: trusts, DSLs and their training, designation, Partnership.schools, education's representation. */
let graph: TestGraph;
beforeAll(async () => {
  // 2 March 2026: the demo deputy trained on 10 May 2022 is overdue, the others are in time.
  // Batching is under test, not the cost limit: one query reads every list of every partnership.
  graph = await startGraph({ now: () => new Date('2026-03-02T12:00:00Z'), overrides: { MAX_COST: '100000' } });
});
afterAll(() => graph?.stop());

const eastSussex = demoIds.partnerships.eastSussex;
const westSussex = demoIds.partnerships.westSussex;

describe('schools and trusts', () => {
  it("shows a school's GIAS fields and its trust, and the trust's schools", async () => {
    const result = await graph.query(
      `{ school(urn: "990004") { urn laestab establishmentType establishmentTypeGroup status phase trust { uid name companiesHouseNumber schools { totalCount nodes { urn } } } } }`,
    );
    expect(result.errors).toBeUndefined();
    expect(dataOf(result).school).toEqual({
      urn: '990004',
      laestab: '8454001',
      establishmentType: 'Academy sponsor led',
      establishmentTypeGroup: 'Academies',
      status: 'OPEN',
      phase: 'SECONDARY',
      trust: {
        uid: '99001',
        name: 'Downland Learning Trust (demo)',
        companiesHouseNumber: '09999001',
        schools: { totalCount: 2, nodes: [{ urn: '990002' }, { urn: '990004' }] },
      },
    });
    const maintained = await graph.query<{ school: { trust: unknown } }>(`{ school(urn: "990001") { trust { uid } } }`);
    expect(dataOf(maintained).school.trust).toBeNull();
  });

  it('records a trust and refuses a malformed Companies House number', async () => {
    const record = `mutation ($input: RecordTrustInput!) { recordTrust(input: $input) { uid name companiesHouseNumber } }`;
    const bad = await graph.query(
      record,
      { input: { uid: '99002', name: 'Test Trust', companiesHouseNumber: '1234' } },
      { as: 'east-sussex-business-manager' },
    );
    expect(firstError(bad).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.companiesHouseNumber' });
    const good = await graph.query(
      record,
      { input: { uid: '99002', name: 'Test Trust', companiesHouseNumber: 'sc123456' } },
      { as: 'east-sussex-business-manager' },
    );
    expect(dataOf(good).recordTrust).toEqual({ uid: '99002', name: 'Test Trust', companiesHouseNumber: 'SC123456' });
    const anonymous = await graph.query(record, { input: { uid: '99003', name: 'X' } });
    expect(firstError(anonymous).extensions?.['code']).toBe('UNAUTHENTICATED');
  });
});

describe('designated safeguarding leads', () => {
  const leads = gql<{ school: { safeguardingLeads: unknown[]; safeguardingFlags: string[] } }>(
    `{ school(urn: "990003") { safeguardingLeads { name role lastTrainedOn trainingOverdue trainingDue { due rule status basis } } safeguardingFlags } }`,
  );

  it('shows the DSL and deputies to signed-in callers, with the two-year training deadline', async () => {
    const result = await graph.query(leads, {}, { as: 'sussex-police-officer' });
    expect(result.errors).toBeUndefined();
    expect(dataOf(result).school.safeguardingLeads).toEqual([
      {
        name: 'Martin Reeve (demo)',
        role: 'DESIGNATED_SAFEGUARDING_LEAD',
        lastTrainedOn: '2025-03-12',
        trainingOverdue: false,
        trainingDue: {
          due: '2027-03-12',
          rule: '24 months after 2025-03-12',
          status: 'PENDING',
          basis: expect.stringContaining('KCSIE'),
        },
      },
      {
        name: 'Alice Dunn (demo)',
        role: 'DEPUTY',
        lastTrainedOn: '2022-05-10',
        trainingOverdue: true,
        trainingDue: {
          due: '2024-05-10',
          rule: '24 months after 2022-05-10',
          status: 'OVERDUE',
          basis: expect.stringContaining('KCSIE'),
        },
      },
    ]);
    expect(dataOf(result).school.safeguardingFlags).toEqual(['DSL_TRAINING_OVERDUE']);
  });

  it('hides them from anonymous callers', async () => {
    const result = await graph.query(leads);
    expect(firstError(result).extensions?.['code']).toBe('UNAUTHENTICATED');
    expect(result.data?.school ?? null).toBeNull();
  });

  it('flags a school with no DSL', async () => {
    const result = await graph.query(
      `{ school(urn: "990006") { safeguardingLeads { name } safeguardingFlags } }`,
      {},
      { as: 'sussex-health-visitor' },
    );
    expect(dataOf(result).school).toEqual({
      safeguardingLeads: [],
      safeguardingFlags: ['NO_DESIGNATED_SAFEGUARDING_LEAD'],
    });
  });

  const set = `mutation ($input: SetSafeguardingLeadsInput!) { setSafeguardingLeads(input: $input) { name role trainingOverdue } }`;

  it("lets the school's own DSL replace its leads, and requires exactly one DSL", async () => {
    const none = await graph.query(
      set,
      { input: { urn: '990001', leads: [{ name: 'Deputy only', role: 'DEPUTY' }] } },
      { as: 'seaview-primary-dsl' },
    );
    expect(firstError(none).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.leads' });
    // A training date in the future would hide training falling due until two years after it.
    const future = await graph.query(
      set,
      {
        input: {
          urn: '990001',
          leads: [{ name: 'Priya Shah (demo)', role: 'DESIGNATED_SAFEGUARDING_LEAD', lastTrainedOn: '2030-01-01' }],
        },
      },
      { as: 'seaview-primary-dsl' },
    );
    expect(firstError(future).extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.leads.0.lastTrainedOn',
    });
    const ok = await graph.query(
      set,
      {
        input: {
          urn: '990001',
          leads: [
            {
              name: 'Priya Shah (demo)',
              role: 'DESIGNATED_SAFEGUARDING_LEAD',
              jobTitle: 'Deputy headteacher',
              email: 'dsl@seaview.example',
              lastTrainedOn: '2025-09-03',
            },
            { name: 'New Deputy', role: 'DEPUTY' },
          ],
        },
      },
      { as: 'seaview-primary-dsl' },
    );
    expect(ok.errors).toBeUndefined();
    // A deputy with no training recorded is flagged.
    expect(dataOf(ok).setSafeguardingLeads).toEqual([
      { name: 'Priya Shah (demo)', role: 'DESIGNATED_SAFEGUARDING_LEAD', trainingOverdue: false },
      { name: 'New Deputy', role: 'DEPUTY', trainingOverdue: true },
    ]);
  });

  it("refuses another school's DSL and administrators of a partnership that does not designate the school", async () => {
    const input = { urn: '990003', leads: [{ name: 'X', role: 'DESIGNATED_SAFEGUARDING_LEAD' }] };
    const otherSchool = await graph.query(set, { input }, { as: 'seaview-primary-dsl' });
    expect(firstError(otherSchool).extensions?.['code']).toBe('FORBIDDEN');
    const otherPartnership = await graph.query(set, { input }, { as: 'west-sussex-business-manager' });
    expect(firstError(otherPartnership).extensions?.['code']).toBe('FORBIDDEN');
    const ownPartnership = await graph.query(
      set,
      {
        input: {
          urn: '990006',
          leads: [{ name: 'Dee Downs', role: 'DESIGNATED_SAFEGUARDING_LEAD', lastTrainedOn: '2026-01-10' }],
        },
      },
      { as: 'west-sussex-business-manager' },
    );
    expect(ownPartnership.errors).toBeUndefined();
    const flags = await graph.query<{ school: { safeguardingFlags: string[] } }>(
      `{ school(urn: "990006") { safeguardingFlags } }`,
      {},
      { as: 'sussex-health-visitor' },
    );
    expect(dataOf(flags).school.safeguardingFlags).toEqual([]);
  });
});

describe('Partnership.schools, designation and representation', () => {
  const page = gql<{
    partnership: {
      schools: {
        totalCount: number;
        nodes: Array<{ urn: string }>;
        pageInfo: { endCursor: string | null; hasNextPage: boolean };
      };
    };
  }>(`query ($id: ID!, $first: Int, $after: String, $phase: SchoolPhase, $type: String, $noDsl: Boolean, $trainingOverdue: Boolean) {
    partnership(id: $id) { schools(first: $first, after: $after, phase: $phase, type: $type, noDsl: $noDsl, trainingOverdue: $trainingOverdue) {
      totalCount nodes { urn } pageInfo { endCursor hasNextPage } } } }`);

  it("designates listed schools and all open schools of the footprint's LAs at once", async () => {
    // Three more East Sussex schools (LA 845), one of them closed, written as GIAS would have them.
    const schools = graph.subgraphs.schools.db.getRepository('School');
    for (const [urn, status] of [
      ['981001', 'OPEN'],
      ['981002', 'OPEN'],
      ['981003', 'CLOSED'],
    ] as const) {
      await schools.insert({
        urn,
        name: `Footprint School ${urn}`,
        laestab: `845${urn.slice(2)}`,
        localAuthorityDfeCode: '845',
        phase: 'PRIMARY',
        status,
        ukprn: null,
        establishmentType: 'Community school',
      });
    }
    const designate = `mutation ($input: DesignateSchoolsInput!) { designateSchools(input: $input) { totalCount hasMore schools { urn } } }`;
    const badLa = await graph.query(
      designate,
      { input: { partnershipId: eastSussex, localAuthorityDfeCodes: ['999'], designatedFrom: '2026-03-01' } },
      { as: 'east-sussex-business-manager' },
    );
    expect(firstError(badLa).extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.localAuthorityDfeCodes.0',
    });
    const notMine = await graph.query(
      designate,
      { input: { partnershipId: westSussex, localAuthorityDfeCodes: ['845'], designatedFrom: '2026-03-01' } },
      { as: 'east-sussex-business-manager' },
    );
    expect(firstError(notMine).extensions?.['code']).toBe('FORBIDDEN');
    const result = await graph.query(
      designate,
      { input: { partnershipId: eastSussex, localAuthorityDfeCodes: ['845'], designatedFrom: '2026-03-01' } },
      { as: 'east-sussex-business-manager' },
    );
    expect(result.errors).toBeUndefined();
    expect(dataOf(result).designateSchools).toEqual({
      totalCount: 4,
      hasMore: false,
      schools: ['981001', '981002', '990003', '990004'].map((urn) => ({ urn })),
    });
    const all = await graph.query(page, { id: eastSussex, first: 10 });
    expect(dataOf(all).partnership.schools.totalCount).toBe(4);
  });

  it('pages through the schools with a cursor and filters them', async () => {
    const first = await graph.query(page, { id: eastSussex, first: 3 });
    expect(dataOf(first).partnership.schools).toMatchObject({ totalCount: 4, pageInfo: { hasNextPage: true } });
    const urns = dataOf(first).partnership.schools.nodes.map((s) => s.urn);
    expect(urns).toEqual(['981001', '981002', '990003']);
    const second = await graph.query(page, {
      id: eastSussex,
      first: 3,
      after: dataOf(first).partnership.schools.pageInfo.endCursor,
    });
    expect(dataOf(second).partnership.schools).toMatchObject({
      totalCount: 4,
      nodes: [{ urn: '990004' }],
      pageInfo: { hasNextPage: false },
    });
    const bad = await graph.query(page, { id: eastSussex, first: 3, after: 'nonsense' });
    expect(firstError(bad).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });

    const secondary = await graph.query(page, { id: eastSussex, phase: 'SECONDARY' });
    expect(dataOf(secondary).partnership.schools.nodes).toEqual([{ urn: '990004' }]);
    const community = await graph.query(page, { id: eastSussex, type: 'Community school' });
    expect(dataOf(community).partnership.schools.nodes.map((s) => s.urn)).toEqual(['981001', '981002']);
    const noDsl = await graph.query(page, { id: eastSussex, noDsl: true }, { as: 'east-sussex-business-manager' });
    expect(dataOf(noDsl).partnership.schools.nodes.map((s) => s.urn)).toEqual(['981001', '981002']);
    const overdue = await graph.query(
      page,
      { id: eastSussex, trainingOverdue: true },
      { as: 'east-sussex-business-manager' },
    );
    expect(dataOf(overdue).partnership.schools.nodes.map((s) => s.urn)).toEqual(['990003']);
    const anonymous = await graph.query(page, { id: eastSussex, noDsl: true });
    expect(firstError(anonymous).extensions?.['code']).toBe('UNAUTHENTICATED');
  });

  it('ends a designation', async () => {
    const end = `mutation ($input: EndSchoolDesignationInput!) { endSchoolDesignation(input: $input) }`;
    const result = await graph.query(
      end,
      { input: { partnershipId: eastSussex, urn: '981002', designatedUntil: '2026-03-01' } },
      { as: 'east-sussex-business-manager' },
    );
    expect(result.errors).toBeUndefined();
    const all = await graph.query(page, { id: eastSussex });
    expect(dataOf(all).partnership.schools.nodes.map((s) => s.urn)).toEqual(['981001', '990003', '990004']);
  });

  it("shows education's representation and requires a strategic representative", async () => {
    const shown = await graph.query<{
      partnership: { educationRepresentatives: Array<{ level: string; forum: string; name: string }> };
    }>(`query ($id: ID!) { partnership(id: $id) { educationRepresentatives { level forum name } } }`, {
      id: westSussex,
    });
    expect(dataOf(shown).partnership.educationRepresentatives.map((r) => r.level)).toEqual([
      'STRATEGIC',
      'OPERATIONAL',
    ]);
    const set = `mutation ($input: SetEducationRepresentationInput!) { setEducationRepresentation(input: $input) { level name } }`;
    const operationalOnly = await graph.query(
      set,
      {
        input: {
          partnershipId: westSussex,
          representatives: [{ level: 'OPERATIONAL', forum: 'F', name: 'N', role: 'R', represents: 'primary' }],
        },
      },
      { as: 'west-sussex-business-manager' },
    );
    expect(firstError(operationalOnly).extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.representatives',
    });
  });
});

describe('batching', () => {
  // Two queries: one would exceed the gateway's cost limit.
  const queries = [
    `{ partnerships(first: 10) { nodes { schools(first: 30) { nodes { urn safeguardingLeads { name } safeguardingFlags } } } } }`,
    `{ partnerships(first: 10) { nodes { schools(first: 30) { nodes { trust { name } } } overdue: schools(trainingOverdue: true) { totalCount } educationRepresentatives { name } } } }`,
  ];

  async function measure() {
    let total = 0;
    const statements: number[] = [];
    for (const query of queries) {
      const counted = await graph.countStatements(async () => {
        const result = await graph.query<{ partnerships: { nodes: Array<{ schools: { nodes: unknown[] } }> } }>(
          query,
          {},
          { as: 'sussex-health-visitor' },
        );
        expect(result.errors).toBeUndefined();
        total = dataOf(result).partnerships.nodes.reduce((n, p) => n + p.schools.nodes.length, 0);
      });
      statements.push(counted.schools);
    }
    return { total, statements };
  }

  it('costs the same statements in the schools subgraph whatever the number of schools', async () => {
    const small = await measure();
    const schools = graph.subgraphs.schools.db.getRepository('School');
    for (let i = 0; i < 15; i++) {
      const urn = `982${String(i).padStart(3, '0')}`;
      await schools.insert({
        urn,
        name: `Batch School ${urn}`,
        laestab: `938${urn.slice(2)}`,
        localAuthorityDfeCode: '938',
        phase: 'PRIMARY',
        status: 'OPEN',
        ukprn: null,
        trustUid: '99001',
      });
      await graph.subgraphs.schools.db
        .getRepository('SchoolDesignation')
        .insert({ id: newId(), partnershipId: westSussex, urn, designatedFrom: '2020-01-01', designatedUntil: null });
      await graph.subgraphs.schools.db.getRepository('SafeguardingLead').insert({
        id: newId(),
        urn,
        name: `DSL ${urn}`,
        role: 'DESIGNATED_SAFEGUARDING_LEAD',
        lastTrainedOn: '2020-01-01',
      });
    }
    const large = await measure();
    expect(large.total).toBe(small.total + 15);
    expect(large.statements).toEqual(small.statements);
    // Schools and leads (flags reuse the leads); schools, trusts, the overdue page and its count
    // (counted only because totalCount is selected), and representatives.
    expect(large.statements).toEqual([2, 5]);
  });
});
