import { at, dataOf, firstError, gql, startGraph, type GraphQLResponse, type TestGraph } from './support/graph';

// KCSIE counts school days: working days unless the school has set its own calendar.
let graph: TestGraph;
beforeAll(async () => {
  graph = await startGraph({ now: () => new Date('2027-03-01T12:00:00Z') });
});
afterAll(() => graph?.stop());

interface ClosureDay {
  date: string;
  reason: string;
}
const setCalendar = gql<{ setSchoolCalendar: ClosureDay[] }>(
  `mutation ($input: SetSchoolCalendarInput!) { setSchoolCalendar(input: $input) { date reason } }`,
);
const record = gql<{ recordFileTransfer: { id: string; deadline: { due: string; rule: string; basis: string } } }>(
  `mutation ($input: RecordFileTransferInput!) { recordFileTransfer(input: $input) { id deadline { due rule basis } } }`,
);
const halfTerm = ['2027-02-15', '2027-02-16', '2027-02-17', '2027-02-18', '2027-02-19'].map((date) => ({
  date,
  reason: 'February half term',
}));
const input = (closureDays: Array<{ date: string; reason: string }>, from = '2027-01-04', to = '2027-07-23') => ({
  urn: '990002',
  from,
  to,
  closureDays,
});
const transfer = (leftOn: string) => ({
  sendingUrn: '990002',
  receivingUrn: '990003',
  childReference: `CCH-${leftOn}`,
  leftOn,
});

it('counts working days for a school with no calendar of its own', async () => {
  const result = await graph.query(record, { input: transfer('2027-02-12') }, { as: 'chalk-cliff-high-dsl' });
  expect(dataOf(result).recordFileTransfer.deadline).toMatchObject({
    due: '2027-02-19',
    rule: '5 working days after 2027-02-12',
  });
  expect(dataOf(result).recordFileTransfer.deadline.basis).toContain('school days counted as working days');
});

it("skips the sending school's closure days once it has set its calendar, for deadlines already running too", async () => {
  const set = await graph.query(setCalendar, { input: input(halfTerm) }, { as: 'chalk-cliff-high-dsl' });
  expect(set.errors).toBeUndefined();
  expect(dataOf(set).setSchoolCalendar).toHaveLength(5);

  const result = await graph.query(record, { input: transfer('2027-02-11') }, { as: 'chalk-cliff-high-dsl' });
  // Fri 12 (1), half term skipped, Mon 22 (2), Tue 23 (3), Wed 24 (4), Thu 25 (5)
  expect(dataOf(result).recordFileTransfer.deadline).toMatchObject({
    due: '2027-02-25',
    rule: '5 school days after 2027-02-11',
  });
  expect(dataOf(result).recordFileTransfer.deadline.basis).toContain("the sending school's calendar");

  const listed = await graph.query<{
    school: {
      closureDays: { totalCount: number; nodes: ClosureDay[] };
      fileTransfersOut: { nodes: Array<{ deadline: { due: string } }> };
    };
  }>(
    '{ school(urn: "990002") { closureDays { totalCount nodes { date reason } } fileTransfersOut { nodes { deadline { due } } } } }',
    {},
    { as: 'chalk-cliff-high-dsl' },
  );
  expect(listed.errors).toBeUndefined();
  expect(dataOf(listed).school.closureDays.totalCount).toBe(5);
  expect(at(dataOf(listed).school.closureDays.nodes, 0)).toEqual({ date: '2027-02-15', reason: 'February half term' });
  expect(
    dataOf(listed)
      .school.fileTransfersOut.nodes.map((t) => t.deadline.due)
      .sort(),
  ).toEqual(['2027-02-25', '2027-02-26']);
});

it('replaces the closures in the range sent, and leaves others alone', async () => {
  await graph.query(
    setCalendar,
    { input: input([{ date: '2027-09-01', reason: 'INSET day' }], '2027-09-01', '2027-12-17') },
    { as: 'chalk-cliff-high-dsl' },
  );
  const replaced = await graph.query(
    setCalendar,
    { input: input([{ date: '2027-02-19', reason: 'INSET day' }]) },
    { as: 'chalk-cliff-high-dsl' },
  );
  // The answer is the range just set; the school's other closures stay, listed by School.closureDays.
  expect(dataOf(replaced).setSchoolCalendar).toEqual([{ date: '2027-02-19', reason: 'INSET day' }]);
  const listed = await graph.query<{ school: { closureDays: { nodes: ClosureDay[] } } }>(
    '{ school(urn: "990002") { closureDays { nodes { date reason } } } }',
  );
  expect(dataOf(listed).school.closureDays.nodes).toEqual([
    { date: '2027-02-19', reason: 'INSET day' },
    { date: '2027-09-01', reason: 'INSET day' },
  ]);
});

it.each([
  ['a weekend', input([{ date: '2027-02-13', reason: 'x' }]), 'input.closureDays.0.date', 'is a weekend'],
  [
    'a day outside the range',
    input([{ date: '2027-08-02', reason: 'x' }]),
    'input.closureDays.0.date',
    'must be between',
  ],
  ['a range backwards', input([], '2027-07-23', '2027-01-04'), 'input.to', 'must not be before'],
  ['a day twice', input([at(halfTerm, 0), at(halfTerm, 0)]), 'input.closureDays.1.date', 'listed twice'],
] as const)('refuses %s, naming the field', async (_label, bad, field, message) => {
  const result = await graph.query(setCalendar, { input: bad }, { as: 'chalk-cliff-high-dsl' });
  expect(firstError(result).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  expect(firstError(result).message).toContain(message);
});

it("lets only the school's own staff or partnership administrators set it", async () => {
  expect(firstError(await graph.query(setCalendar, { input: input(halfTerm) })).extensions?.['code']).toBe(
    'UNAUTHENTICATED',
  );
  expect(
    firstError(await graph.query(setCalendar, { input: input(halfTerm) }, { as: 'shingle-bay-primary-dsl' }))
      .extensions?.['code'],
  ).toBe('FORBIDDEN');
  expect(
    firstError(await graph.query(setCalendar, { input: input(halfTerm) }, { as: 'sussex-police-officer' }))
      .extensions?.['code'],
  ).toBe('FORBIDDEN');
});

describe('closure days as a connection', () => {
  interface Page {
    school: {
      closureDays: {
        totalCount: number;
        nodes: Array<{ date: string }>;
        pageInfo: { endCursor: string | null; hasNextPage: boolean };
      };
    };
  }
  const page = gql<Page>(
    `query ($after: String) { school(urn: "990002") { closureDays(first: 1, after: $after) { totalCount nodes { date } pageInfo { endCursor hasNextPage } } } }`,
  );

  it("pages a school's closure days in date order, each once, and refuses a page beyond 100 naming first", async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let total = 0;
    for (let i = 0; i < 10; i++) {
      const result: GraphQLResponse<Page> = await graph.query(page, { after });
      expect(result.errors).toBeUndefined();
      const days = dataOf(result).school.closureDays;
      total = days.totalCount;
      seen.push(...days.nodes.map((day) => day.date));
      if (!days.pageInfo.hasNextPage) break;
      after = days.pageInfo.endCursor;
    }
    expect(total).toBeGreaterThan(1);
    expect(seen).toHaveLength(total);
    expect(seen).toEqual([...seen].sort());
    expect(new Set(seen).size).toBe(total);

    const tooMany = await graph.query('{ school(urn: "990002") { closureDays(first: 101) { nodes { date } } } }');
    expect(firstError(tooMany).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
  });

  it("reads every school's page in one statement and their counts in one more, for 2 schools as for 5", async () => {
    const urns = ['990001', '990003', '990004', '990005', '990006'];
    const days = ['2027-05-03', '2027-05-04', '2027-05-05'];
    await graph.subgraphs.schools.db
      .getRepository('SchoolClosureDay')
      .insert(urns.flatMap((urn) => days.map((date) => ({ urn, date, reason: 'INSET day' }))));
    const query = (few: readonly string[]) =>
      `{ ${few.map((urn) => `s${urn}: school(urn: "${urn}") { urn closureDays(first: 2) { totalCount nodes { date } } }`).join(' ')} }`;
    const measure = async (few: readonly string[]) =>
      graph.countStatements(async () => {
        const result = await graph.query<Record<string, { closureDays: unknown }>>(query(few));
        expect(result.errors).toBeUndefined();
        for (const urn of few) {
          expect(dataOf(result)[`s${urn}`]?.closureDays).toEqual({
            totalCount: 3,
            nodes: [{ date: '2027-05-03' }, { date: '2027-05-04' }],
          });
        }
      });
    const two = await measure(urns.slice(0, 2));
    const five = await measure(urns);
    expect(five.schools).toBe(two.schools);
    // The schools by URN, their pages (ranked per school), their counts (GROUP BY urn).
    expect(five.schools).toBe(3);
  });
});
