import { AuditRecord, demoIds, newId, Role } from '@safeguarding/shared';
import { at, dataOf, firstError, gql, present, startGraph, type TestGraph } from './support/graph';

/** Issue 6: the annual section 175/157 safeguarding self-assessment schools return to their partnership. */
let graph: TestGraph;
// 2 March 2026: the financial year 2025-26 is under way; an action due 31 January 2026 is overdue.
// The first return is made on 20 January, since an action's due date is not before its return.
let now = new Date('2026-03-02T12:00:00Z');
beforeAll(async () => {
  graph = await startGraph({ now: () => now, overrides: { MAX_COST: '100000' } });
});
afterAll(() => graph?.stop());

const brightonAndHove = demoIds.partnerships.brightonAndHove;
const eastSussex = demoIds.partnerships.eastSussex;

interface Standard {
  key: string;
  title: string;
  isDefault: boolean;
  position: number;
}
interface Deadline {
  due: string;
  status: string;
  basis: string;
}
interface Paged<T> {
  totalCount: number;
  nodes: T[];
}
interface Overview {
  financialYear: string;
  notReturned: Paged<{ urn: string; name: string }>;
  ratings: Array<{ standardKey: string; title: string; red: number; amber: number; green: number }>;
  overdueActions: Paged<{ id: string; urn: string; description: string; deadline: Deadline }>;
}
const configure = gql<{
  configureSchoolSafeguardingStandards: Standard[];
}>(`mutation ($partnershipId: ID!, $standards: [SchoolSafeguardingStandardInput!]!) {
  configureSchoolSafeguardingStandards(partnershipId: $partnershipId, standards: $standards) { key title position isDefault } }`);
const submit = gql<{
  submitSchoolSafeguardingReturn: {
    id: string;
    standards: Array<{
      standardKey: string;
      actions: Array<{ id: string; description: string; owner: string; deadline: Deadline }>;
    }>;
  };
}>(`mutation ($input: SubmitSchoolSafeguardingReturnInput!) { submitSchoolSafeguardingReturn(input: $input) {
  id urn financialYear submittedOn school { name } partnership { id }
  standards { standardKey standardTitle rating evidence actions { id description owner deadline { due status basis } } } } }`);
const overview = gql<{
  partnership: { schoolSafeguardingOverview: Overview };
}>(`query ($id: ID!, $year: String!) { partnership(id: $id) { schoolSafeguardingOverview(financialYear: $year) {
  financialYear notReturned { totalCount nodes { urn name } } ratings { standardKey title red amber green } overdueActions { totalCount nodes { id urn description deadline { due status } } } } } }`);
const standardsOf = gql<{ partnership: { schoolSafeguardingStandards: Standard[] } }>(
  `query ($id: ID!) { partnership(id: $id) { schoolSafeguardingStandards { key title isDefault position } } }`,
);

const eastStandards = [
  { key: 'dsl_arrangements', title: 'DSL arrangements', description: 'A trained DSL and deputies' },
  { key: 'ONLINE_SAFETY', title: 'Online safety', description: 'Filtering and monitoring' },
];
const audits = (entityType: string) =>
  graph.subgraphs.schools.db.getRepository(AuditRecord).count({ where: { entityType } });

describe('standards', () => {
  it('applies the default set until a partnership configures its own', async () => {
    const result = await graph.query(standardsOf, { id: brightonAndHove });
    expect(result.errors).toBeUndefined();
    const standards = dataOf(result).partnership.schoolSafeguardingStandards;
    expect(standards.map((s) => s.key)).toEqual([
      'LEADERSHIP_AND_DSL',
      'POLICIES',
      'SAFER_RECRUITMENT',
      'TRAINING',
      'ONLINE_SAFETY',
      'ATTENDANCE_AND_CME',
      'RECORDS_AND_TRANSFERS',
      'WORKING_WITH_PARTNERS',
      'PUPIL_VOICE',
    ]);
    expect(standards.every((s) => s.isDefault)).toBe(true);
  });

  it('lets only administrators acting in the partnership configure them, with unique keys', async () => {
    const outsider = await graph.query(
      configure,
      { partnershipId: eastSussex, standards: eastStandards },
      { as: 'west-sussex-business-manager' },
    );
    expect(firstError(outsider).extensions?.['code']).toBe('FORBIDDEN');
    const school = await graph.query(
      configure,
      { partnershipId: eastSussex, standards: eastStandards },
      { as: 'shingle-bay-primary-dsl' },
    );
    expect(firstError(school).extensions?.['code']).toBe('FORBIDDEN');
    const twice = await graph.query(
      configure,
      { partnershipId: eastSussex, standards: [...eastStandards, at(eastStandards, 1)] },
      { as: 'east-sussex-business-manager' },
    );
    expect(firstError(twice).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'standards.2.key' });
    const done = await graph.query(
      configure,
      { partnershipId: eastSussex, standards: eastStandards },
      { as: 'east-sussex-business-manager' },
    );
    expect(done.errors).toBeUndefined();
    expect(dataOf(done).configureSchoolSafeguardingStandards).toEqual([
      { key: 'DSL_ARRANGEMENTS', title: 'DSL arrangements', position: 1, isDefault: false },
      { key: 'ONLINE_SAFETY', title: 'Online safety', position: 2, isDefault: false },
    ]);
    const shown = await graph.query(standardsOf, { id: eastSussex });
    expect(dataOf(shown).partnership.schoolSafeguardingStandards.map((s) => s.key)).toEqual([
      'DSL_ARRANGEMENTS',
      'ONLINE_SAFETY',
    ]);
  });
});

let overdueActionId = '';

describe('returns', () => {
  const eastReturn = {
    partnershipId: eastSussex,
    urn: '990003',
    financialYear: '2025-26',
    standards: [
      {
        standardKey: 'DSL_ARRANGEMENTS',
        rating: 'GREEN',
        evidence: 'DSL trained March 2025; two deputies',
        actions: [],
      },
      {
        standardKey: 'online_safety',
        rating: 'AMBER',
        evidence: 'Filtering in place; monitoring not reviewed',
        actions: [
          { description: 'Review monitoring with the IT provider', owner: 'DSL', dueOn: '2026-01-31' },
          { description: 'Online safety assembly for years 5 and 6', owner: 'PSHE lead', dueOn: '2026-06-30' },
        ],
      },
    ],
  };

  it("takes a school DSL's return rating every standard, with actions and their deadlines, and audits it", async () => {
    const before = await audits('SchoolSafeguardingReturn');
    now = new Date('2026-01-20T12:00:00Z');
    const result = await graph.query(submit, { input: eastReturn }, { as: 'shingle-bay-primary-dsl' });
    expect(result.errors).toBeUndefined();
    const submitted = dataOf(result).submitSchoolSafeguardingReturn;
    expect(submitted).toMatchObject({
      urn: '990003',
      financialYear: '2025-26',
      submittedOn: '2026-01-20',
      school: { name: 'Shingle Bay Primary School (demo)' },
      partnership: { id: eastSussex },
    });
    const online = present(
      submitted.standards.find((s) => s.standardKey === 'ONLINE_SAFETY'),
      'the ONLINE_SAFETY rating',
    );
    expect(online).toMatchObject({ standardTitle: 'Online safety', rating: 'AMBER' });
    expect(online.actions.map((a) => a.deadline)).toEqual([
      expect.objectContaining({ due: '2026-01-31', status: 'PENDING', basis: expect.stringContaining('175/157') }),
      expect.objectContaining({ due: '2026-06-30', status: 'PENDING' }),
    ]);
    overdueActionId = at(online.actions, 0).id;
    expect(await audits('SchoolSafeguardingReturn')).toBe(before + 1);
    const again = await graph.query(submit, { input: eastReturn }, { as: 'shingle-bay-primary-dsl' });
    expect(firstError(again).extensions?.['code']).toBe('CONFLICT');
    now = new Date('2026-03-02T12:00:00Z');
  });

  it("takes a return against the default standards, and reads it back in the standards' order whatever the input's", async () => {
    type Standards = { partnership: { schoolSafeguardingStandards: Array<{ key: string }> } };
    const defaults = (await graph.query<Standards>(standardsOf.source, { id: brightonAndHove })).data?.partnership
      .schoolSafeguardingStandards;
    const keys = (defaults ?? []).map((s) => s.key);
    expect(keys).toHaveLength(9);
    const tied = ['Refresh the DSL deputy rota', 'Brief governors on the new DSL deputy'].map((description) => ({
      description,
      owner: 'Headteacher',
      dueOn: '2026-09-30',
    }));
    const input = {
      partnershipId: brightonAndHove,
      urn: '990001',
      financialYear: '2025-26',
      // Given last first: the answer must not depend on the order rows went in (SQLite) or come out (MySQL).
      standards: [...keys].reverse().map((standardKey) => ({
        standardKey,
        rating: standardKey === 'LEADERSHIP_AND_DSL' ? 'AMBER' : 'GREEN',
        evidence: 'Seen at audit',
        actions: standardKey === 'LEADERSHIP_AND_DSL' ? tied : [],
      })),
    };
    type Submitted = {
      submitSchoolSafeguardingReturn: {
        id: string;
        standards: Array<{ standardKey: string; actions: Array<{ id: string; deadline: { due: string } }> }>;
      };
    };
    const result = await graph.query<Submitted>(submit.source, { input }, { as: 'seaview-primary-dsl' });
    expect(result.errors).toBeUndefined();
    const submitted = result.data?.submitSchoolSafeguardingReturn;
    expect(submitted?.standards.map((s) => s.standardKey)).toEqual(keys);
    const actions = submitted?.standards[0]?.actions.map((a) => a.id) ?? [];
    expect(actions).toHaveLength(2);
    // Due the same day: the id settles it, the same way on both databases.
    expect(actions).toEqual([...actions].sort());

    // Read again, as the school and its partnership's staff do: the same order.
    type Returns = { school: { safeguardingReturns: { nodes: Submitted['submitSchoolSafeguardingReturn'][] } } };
    const read = await graph.query<Returns>(
      `{ school(urn: "990001") { safeguardingReturns { nodes { id standards { standardKey actions { id deadline { due } } } } } } }`,
      {},
      { as: 'seaview-primary-dsl' },
    );
    expect(read.errors).toBeUndefined();
    const again = read.data?.school.safeguardingReturns.nodes.find((r) => r.id === submitted?.id);
    const shape = (standards: Submitted['submitSchoolSafeguardingReturn']['standards'] = []) =>
      standards.map((standard) => [standard.standardKey, standard.actions.map((a) => a.id)]);
    expect(again).toBeDefined();
    expect(shape(again?.standards)).toEqual(shape(submitted?.standards));
  });

  it('refuses a return that misses or invents a standard, or comes from the wrong school, partnership or year', async () => {
    // On the day of the first return, so its actions' due dates are still to come.
    now = new Date('2026-01-20T12:00:00Z');
    const rated = eastReturn.standards;
    const cases: Array<[string, Record<string, unknown>, string, string]> = [
      [
        'shingle-bay-primary-dsl',
        { financialYear: '2024-25', standards: [rated[0]] },
        'BAD_USER_INPUT',
        'input.standards',
      ],
      [
        'shingle-bay-primary-dsl',
        {
          financialYear: '2024-25',
          standards: [...rated, { standardKey: 'PUPIL_VOICE', rating: 'RED', evidence: 'x' }],
        },
        'BAD_USER_INPUT',
        'input.standards.2.standardKey',
      ],
      [
        'shingle-bay-primary-dsl',
        { financialYear: '2024-25', standards: [rated[0], rated[0], rated[1]] },
        'BAD_USER_INPUT',
        'input.standards.1.standardKey',
      ],
      ['shingle-bay-primary-dsl', { financialYear: '2026-27' }, 'BAD_USER_INPUT', 'input.financialYear'],
      ['shingle-bay-primary-dsl', { financialYear: '2025-27' }, 'BAD_USER_INPUT', 'input.financialYear'],
      ['shingle-bay-primary-dsl', { partnershipId: brightonAndHove }, 'BAD_USER_INPUT', 'input.partnershipId'],
      [
        'shingle-bay-primary-dsl',
        { standards: [{ ...rated[0], rating: 'GREEN', evidence: ' ' }, rated[1]] },
        'BAD_USER_INPUT',
        'input.standards.0.evidence',
      ],
      ['chalk-cliff-high-dsl', {}, 'FORBIDDEN', ''],
      ['east-sussex-business-manager', {}, 'FORBIDDEN', ''],
    ];
    for (const [as, change, code, field] of cases) {
      const result = await graph.query(
        submit,
        { input: { ...eastReturn, ...change } },
        { as: as as 'shingle-bay-primary-dsl' },
      );
      expect(result.errors?.[0]?.extensions).toMatchObject({ code, ...(field ? { field } : {}) });
    }
    // The demo schools were designated from 29 September 2019: not in 2018-19.
    const defaults = dataOf(await graph.query(standardsOf, { id: brightonAndHove })).partnership
      .schoolSafeguardingStandards;
    const early = {
      partnershipId: brightonAndHove,
      urn: '990002',
      financialYear: '2018-19',
      standards: defaults.map((s) => ({ standardKey: s.key, rating: 'GREEN', evidence: 'x' })),
    };
    const notDesignated = await graph.query(submit, { input: early }, { as: 'chalk-cliff-high-dsl' });
    expect(firstError(notDesignated).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.urn' });
    now = new Date('2026-03-02T12:00:00Z');
    const late = await graph.query(
      submit,
      { input: { ...eastReturn, financialYear: '2024-25' } },
      { as: 'shingle-bay-primary-dsl' },
    );
    expect(firstError(late).extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.standards.1.actions.0.dueOn',
    });
  });
});

describe("the partnership's view", () => {
  it('shows its staff who has not returned, ratings per standard and overdue actions', async () => {
    const result = await graph.query(
      overview,
      { id: eastSussex, year: '2025-26' },
      { as: 'east-sussex-business-manager' },
    );
    expect(result.errors).toBeUndefined();
    expect(dataOf(result).partnership.schoolSafeguardingOverview).toEqual({
      financialYear: '2025-26',
      notReturned: { totalCount: 1, nodes: [{ urn: '990004', name: 'Wealdview Academy (demo)' }] },
      ratings: [
        { standardKey: 'DSL_ARRANGEMENTS', title: 'DSL arrangements', red: 0, amber: 0, green: 1 },
        { standardKey: 'ONLINE_SAFETY', title: 'Online safety', red: 0, amber: 1, green: 0 },
      ],
      overdueActions: {
        totalCount: 1,
        nodes: [
          {
            id: overdueActionId,
            urn: '990003',
            description: 'Review monitoring with the IT provider',
            deadline: { due: '2026-01-31', status: 'OVERDUE' },
          },
        ],
      },
    });
    const lastYear = await graph.query(
      overview,
      { id: eastSussex, year: '2024-25' },
      { as: 'east-sussex-business-manager' },
    );
    expect(dataOf(lastYear).partnership.schoolSafeguardingOverview.notReturned.nodes.map((s) => s.urn)).toEqual([
      '990003',
      '990004',
    ]);
    // Paged by name: the second page starts after the first's cursor and ends the list.
    const paged = gql<{
      partnership: {
        schoolSafeguardingOverview: {
          notReturned: { nodes: Array<{ urn: string }>; pageInfo: { endCursor: string | null; hasNextPage: boolean } };
        };
      };
    }>(`query ($id: ID!, $after: String) { partnership(id: $id) { schoolSafeguardingOverview(financialYear: "2024-25") {
      notReturned(first: 1, after: $after) { nodes { urn } pageInfo { endCursor hasNextPage } } } } }`);
    const first = dataOf(await graph.query(paged, { id: eastSussex }, { as: 'east-sussex-business-manager' }))
      .partnership.schoolSafeguardingOverview.notReturned;
    expect(first).toMatchObject({ nodes: [{ urn: '990003' }], pageInfo: { hasNextPage: true } });
    const second = dataOf(
      await graph.query(
        paged,
        { id: eastSussex, after: first.pageInfo.endCursor },
        { as: 'east-sussex-business-manager' },
      ),
    ).partnership.schoolSafeguardingOverview.notReturned;
    expect(second).toMatchObject({ nodes: [{ urn: '990004' }], pageInfo: { hasNextPage: false } });
  });

  it('refuses the overview to schools and to staff of other partnerships', async () => {
    for (const as of ['shingle-bay-primary-dsl', 'west-sussex-business-manager', 'west-sussex-scrutineer'] as const) {
      const result = await graph.query(overview, { id: eastSussex, year: '2025-26' }, { as });
      expect(firstError(result).extensions?.['code']).toBe('FORBIDDEN');
    }
  });

  it("shows returns to the school itself and the partnership's staff only", async () => {
    const ofSchool = gql<{ school: { safeguardingReturns: { nodes: unknown[] } } }>(
      `{ school(urn: "990003") { safeguardingReturns { nodes { financialYear standards { rating } } } } }`,
    );
    const own = await graph.query(ofSchool, {}, { as: 'shingle-bay-primary-dsl' });
    expect(dataOf(own).school.safeguardingReturns.nodes).toEqual([
      { financialYear: '2025-26', standards: expect.arrayContaining([{ rating: 'GREEN' }, { rating: 'AMBER' }]) },
    ]);
    const staff = await graph.query<{ partnership: { schoolSafeguardingReturns: { nodes: unknown[] } } }>(
      `query ($id: ID!) { partnership(id: $id) { schoolSafeguardingReturns(financialYear: "2025-26") { nodes { urn } } } }`,
      { id: eastSussex },
      { as: 'east-sussex-business-manager' },
    );
    expect(dataOf(staff).partnership.schoolSafeguardingReturns.nodes).toEqual([{ urn: '990003' }]);
    for (const as of ['chalk-cliff-high-dsl', 'west-sussex-business-manager', 'sussex-health-visitor'] as const) {
      const hidden = await graph.query(ofSchool, {}, { as });
      expect(dataOf(hidden).school.safeguardingReturns.nodes).toEqual([]);
    }
    const anonymous = await graph.query(ofSchool);
    expect(firstError(anonymous).extensions?.['code']).toBe('UNAUTHENTICATED');
  });

  it('lets the school complete an action once; others are told it is not there', async () => {
    const complete = gql<{
      completeSchoolSafeguardingAction: { id: string; deadline: { completedOn: string | null; status: string } };
    }>(
      `mutation ($input: CompleteSchoolSafeguardingActionInput!) { completeSchoolSafeguardingAction(input: $input) { id deadline { completedOn status } } }`,
    );
    const stranger = await graph.query(
      complete,
      { input: { actionId: overdueActionId, completedOn: '2026-02-20' } },
      { as: 'chalk-cliff-high-dsl' },
    );
    expect(firstError(stranger).extensions?.['code']).toBe('NOT_FOUND');
    const done = await graph.query(
      complete,
      { input: { actionId: overdueActionId, completedOn: '2026-02-20' } },
      { as: 'shingle-bay-primary-dsl' },
    );
    expect(dataOf(done).completeSchoolSafeguardingAction.deadline).toEqual({
      completedOn: '2026-02-20',
      status: 'MISSED',
    });
    const again = await graph.query(
      complete,
      { input: { actionId: overdueActionId, completedOn: '2026-02-21' } },
      { as: 'east-sussex-business-manager' },
    );
    expect(firstError(again).extensions?.['code']).toBe('CONFLICT');
    const after = await graph.query(
      overview,
      { id: eastSussex, year: '2025-26' },
      { as: 'east-sussex-business-manager' },
    );
    expect(dataOf(after).partnership.schoolSafeguardingOverview.overdueActions).toEqual({ totalCount: 0, nodes: [] });
  });
});

describe('batching', () => {
  it('costs the same SQL whatever the number of returns, ratings and actions', async () => {
    // Two queries: in one, the overview and the lists would share loaders across ticks whose timing varies by database.
    const lists = `query ($id: ID!) { partnership(id: $id) {
      schoolSafeguardingStandards { key }
      schoolSafeguardingReturns(first: 100) { totalCount nodes { urn school { name } standards { rating actions { owner deadline { status } } } } }
    } schools { nodes { urn safeguardingReturns(first: 5) { totalCount nodes { id } } } } }`;
    const view = `query ($id: ID!) { partnership(id: $id) {
      schoolSafeguardingOverview(financialYear: "2025-26") { notReturned(first: 5) { nodes { urn } } ratings { green } overdueActions(first: 5) { totalCount nodes { id } } }
    } }`;
    const run = (query: string) =>
      graph.countStatements(async () => {
        const result = await graph.query(query, { id: eastSussex }, { as: 'east-sussex-business-manager' });
        expect(result.errors).toBeUndefined();
      });
    const before = [await run(lists), await run(view)];
    const repository = (name: string) => graph.subgraphs.schools.db.getRepository(name);
    const returnId = newId();
    await repository('SchoolSafeguardingReturn').insert({
      id: returnId,
      partnershipId: eastSussex,
      urn: '990004',
      financialYear: '2024-25',
      submittedOn: '2025-03-01',
    });
    for (const key of ['DSL_ARRANGEMENTS', 'ONLINE_SAFETY']) {
      const ratingId = newId();
      await repository('SchoolSafeguardingRating').insert({
        id: ratingId,
        returnId,
        partnershipId: eastSussex,
        urn: '990004',
        standardKey: key,
        standardTitle: key,
        rating: 'RED',
        evidence: 'x',
      });
      await repository('SchoolSafeguardingAction').insert({
        id: newId(),
        ratingId,
        partnershipId: eastSussex,
        urn: '990004',
        financialYear: '2024-25',
        standardKey: key,
        description: 'x',
        owner: 'Head',
        dueOn: '2025-12-01',
        completedOn: null,
      });
    }
    const after = [await run(lists), await run(view)];
    expect(after.map((counts) => counts.schools)).toEqual(before.map((counts) => counts.schools));
  });

  it("cuts every overview's notReturned page in one statement and counts them in one more, for 1 partnership as for 3", async () => {
    // Viewer.partnerships reaches the schools subgraph in one entity fetch: one overview per partnership of the token.
    type OverviewOf = { id: string; schoolSafeguardingOverview: { notReturned: Paged<{ urn: string; name: string }> } };
    const view = gql<{ viewer: { partnerships: OverviewOf[] } }>(
      `{ viewer { partnerships { id schoolSafeguardingOverview(financialYear: "2023-24") { notReturned(first: 1) { totalCount nodes { urn name } } } } } }`,
    );
    const staffOf = async (partnershipIds: string[]) =>
      `Bearer ${await graph.tokenFor({ subject: 'test:overview-staff', organisation: { id: newId(), kind: 'LOCAL_AUTHORITY' }, roles: [Role.PARTNERSHIP_BUSINESS_MANAGER], partnershipIds })}`;
    const measure = async (partnershipIds: string[]) => {
      const authorization = await staffOf(partnershipIds);
      let overviews: OverviewOf[] = [];
      const statements = await graph.countStatements(async () => {
        const result = await graph.query(view, {}, { authorization });
        expect(result.errors).toBeUndefined();
        overviews = dataOf(result).viewer.partnerships;
      });
      return { statements, overviews };
    };
    const one = await measure([eastSussex]);
    const three = await measure([eastSussex, brightonAndHove, demoIds.partnerships.westSussex]);
    expect(three.overviews).toHaveLength(3);
    for (const {
      schoolSafeguardingOverview: { notReturned },
    } of three.overviews) {
      expect(notReturned.nodes.length).toBe(Math.min(1, notReturned.totalCount));
    }
    expect(three.overviews.some((p) => p.schoolSafeguardingOverview.notReturned.totalCount > 1)).toBe(true);
    expect(three.statements.schools).toBe(one.statements.schools);
  });
});
