import { startGraph, type TestGraph } from './support/graph';

// KCSIE counts school days: working days unless the school has set its own calendar.
let graph: TestGraph;
beforeAll(async () => {
  graph = await startGraph({ now: () => new Date('2027-03-01T12:00:00Z') });
});
afterAll(() => graph?.stop());

const setCalendar = `mutation ($input: SetSchoolCalendarInput!) { setSchoolCalendar(input: $input) { date reason } }`;
const record = `mutation ($input: RecordFileTransferInput!) { recordFileTransfer(input: $input) { id deadline { due rule basis } } }`;
const halfTerm = ['2027-02-15', '2027-02-16', '2027-02-17', '2027-02-18', '2027-02-19'].map((date) => ({ date, reason: 'February half term' }));
const input = (closureDays: Array<{ date: string; reason: string }>, from = '2027-01-04', to = '2027-07-23') => ({ urn: '990002', from, to, closureDays });
const transfer = (leftOn: string) => ({ sendingUrn: '990002', receivingUrn: '990003', childReference: `CCH-${leftOn}`, leftOn });

it('counts working days for a school with no calendar of its own', async () => {
  const result = await graph.query<any>(record, { input: transfer('2027-02-12') }, { as: 'chalk-cliff-high-dsl' });
  expect(result.data.recordFileTransfer.deadline).toMatchObject({ due: '2027-02-19', rule: '5 working days after 2027-02-12' });
  expect(result.data.recordFileTransfer.deadline.basis).toContain('school days counted as working days');
});

it("skips the sending school's closure days once it has set its calendar, for deadlines already running too", async () => {
  const set = await graph.query<any>(setCalendar, { input: input(halfTerm) }, { as: 'chalk-cliff-high-dsl' });
  expect(set.errors).toBeUndefined();
  expect(set.data.setSchoolCalendar).toHaveLength(5);

  const result = await graph.query<any>(record, { input: transfer('2027-02-11') }, { as: 'chalk-cliff-high-dsl' });
  // Fri 12 (1), half term skipped, Mon 22 (2), Tue 23 (3), Wed 24 (4), Thu 25 (5)
  expect(result.data.recordFileTransfer.deadline).toMatchObject({ due: '2027-02-25', rule: '5 school days after 2027-02-11' });
  expect(result.data.recordFileTransfer.deadline.basis).toContain("the sending school's calendar");

  const listed = await graph.query<any>('{ school(urn: "990002") { closureDays { date reason } fileTransfersOut { nodes { deadline { due } } } } }', {}, { as: 'chalk-cliff-high-dsl' });
  expect(listed.errors).toBeUndefined();
  expect(listed.data.school.closureDays[0]).toEqual({ date: '2027-02-15', reason: 'February half term' });
  expect(listed.data.school.fileTransfersOut.nodes.map((t: { deadline: { due: string } }) => t.deadline.due).sort()).toEqual(['2027-02-25', '2027-02-26']);
});

it('replaces the closures in the range sent, and leaves others alone', async () => {
  await graph.query(setCalendar, { input: input([{ date: '2027-09-01', reason: 'INSET day' }], '2027-09-01', '2027-12-17') }, { as: 'chalk-cliff-high-dsl' });
  const replaced = await graph.query<any>(setCalendar, { input: input([{ date: '2027-02-19', reason: 'INSET day' }]) }, { as: 'chalk-cliff-high-dsl' });
  expect(replaced.data.setSchoolCalendar).toEqual([
    { date: '2027-02-19', reason: 'INSET day' },
    { date: '2027-09-01', reason: 'INSET day' },
  ]);
});

it.each([
  ['a weekend', input([{ date: '2027-02-13', reason: 'x' }]), 'input.closureDays.0.date', 'is a weekend'],
  ['a day outside the range', input([{ date: '2027-08-02', reason: 'x' }]), 'input.closureDays.0.date', 'must be between'],
  ['a range backwards', input([], '2027-07-23', '2027-01-04'), 'input.to', 'must not be before'],
  ['a day twice', input([halfTerm[0]!, halfTerm[0]!]), 'input.closureDays.1.date', 'listed twice'],
] as const)('refuses %s, naming the field', async (_label, bad, field, message) => {
  const result = await graph.query<any>(setCalendar, { input: bad }, { as: 'chalk-cliff-high-dsl' });
  expect(result.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  expect(result.errors![0]!.message).toContain(message);
});

it("lets only the school's own staff or partnership administrators set it", async () => {
  expect((await graph.query<any>(setCalendar, { input: input(halfTerm) })).errors![0]!.extensions!['code']).toBe('UNAUTHENTICATED');
  expect((await graph.query<any>(setCalendar, { input: input(halfTerm) }, { as: 'shingle-bay-primary-dsl' })).errors![0]!.extensions!['code']).toBe('FORBIDDEN');
  expect((await graph.query<any>(setCalendar, { input: input(halfTerm) }, { as: 'sussex-police-officer' })).errors![0]!.extensions!['code']).toBe('FORBIDDEN');
});
