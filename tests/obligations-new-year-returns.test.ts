import { demoIds, Obligation, OutboxEvent } from '@safeguarding/shared';
import { startGraph, type TestGraph } from './support/graph';

/**
 * Issue 21: section 11 and section 175/157 returns are yearly duties. A service that keeps running
 * across 1 April must open the new year's returns itself (its background worker), not wait for a
 * restart's reconciliation; and the old year's unreturned ones stay owed, now overdue.
 */
let now = new Date('2027-03-31T12:00:00Z');
let graph: TestGraph;
beforeAll(async () => {
  // Workers left stopped: the test drives their passes on its own clock.
  graph = await startGraph({ now: () => now, relayIntervalMs: 40, startWorkers: false });
});
afterAll(() => graph?.stop());

const { westSussex } = demoIds.partnerships;
const compact = (id: string) => id.replace(/-/g, '');
const returnsOf = (subgraph: 'agencies' | 'schools', kind: string, year: string) =>
  graph.subgraphs[subgraph].db
    .getRepository(Obligation)
    .find({ where: { kind }, order: { entityId: 'ASC' } })
    .then((rows) => rows.filter((row) => row.occurrence.startsWith(`${year}:`)));
const newYear = (subgraph: 'agencies' | 'schools') =>
  graph.subgraphs[subgraph].workers['newYearReturns'] as unknown as { pass(): Promise<boolean> };

it("opens the new financial year's section 11 and school safeguarding returns when 1 April comes, once", async () => {
  const probationNow = (await returnsOf('agencies', 'SECTION_11_RETURN', '2026-27')).find(
    (o) => o.entityId === demoIds.agencies.probationKss && o.ownerPartnershipId === westSussex,
  );
  expect(probationNow).toMatchObject({ status: 'OPEN', due: '2027-03-31' });
  expect(await returnsOf('agencies', 'SECTION_11_RETURN', '2027-28')).toEqual([]);
  expect(await returnsOf('schools', 'SCHOOL_SAFEGUARDING_RETURN', '2027-28')).toEqual([]);
  const schoolsThisYear = await returnsOf('schools', 'SCHOOL_SAFEGUARDING_RETURN', '2026-27');
  expect(schoolsThisYear.length).toBeGreaterThan(0);

  // Still 2026-27: nothing to do.
  expect(await newYear('agencies').pass()).toBe(false);
  expect(await newYear('schools').pass()).toBe(false);

  now = new Date('2027-04-01T07:00:00Z');
  expect(await newYear('agencies').pass()).toBe(true);
  expect(await newYear('schools').pass()).toBe(true);

  const probation = (await returnsOf('agencies', 'SECTION_11_RETURN', '2027-28')).find(
    (o) => o.entityId === demoIds.agencies.probationKss && o.ownerPartnershipId === westSussex,
  );
  expect(probation).toMatchObject({
    status: 'OPEN',
    due: '2028-03-31',
    occurrence: `2027-28:${compact(westSussex)}`,
    owedTo: 'PARTNERSHIP',
  });
  // Every school owing a 2026-27 return is designated into the new year too (the demo's designations do not end).
  const schoolsNext = await returnsOf('schools', 'SCHOOL_SAFEGUARDING_RETURN', '2027-28');
  expect(schoolsNext.map((o) => [o.entityId, o.ownerPartnershipId]).sort()).toEqual(
    schoolsThisYear.map((o) => [o.entityId, o.ownerPartnershipId]).sort(),
  );
  expect(schoolsNext.every((o) => o.status === 'OPEN' && o.due === '2028-03-31')).toBe(true);
  // The year that ended is still owed, now overdue: a new year forgives nothing.
  expect(
    (await graph.subgraphs.agencies.db.getRepository(Obligation).findOneByOrFail({ id: probationNow!.id })).status,
  ).toBe('OPEN');

  // Through the gateway: the partnership's staff see the new return, with its rule.
  const due = `query { whatIsDue(filter: { kinds: [SECTION_11_RETURN] }, first: 100) { nodes { id occurrence deadline { due rule status } } } }`;
  const wait = Date.now() + 15_000;
  const seen = async () =>
    ((await graph.query<any>(due, {}, { as: 'west-sussex-business-manager' })).data?.whatIsDue.nodes ?? []) as Array<{
      id: string;
      occurrence: string;
      deadline: { due: string; rule: string; status: string };
    }>;
  while (!(await seen()).some((n) => n.id === probation!.id) && Date.now() < wait)
    await new Promise((resolve) => setTimeout(resolve, 50));
  const nodes = await seen();
  expect(nodes.find((n) => n.id === probation!.id)?.deadline).toMatchObject({
    due: '2028-03-31',
    status: 'PENDING',
    rule: expect.stringContaining('2027-28'),
  });
  expect(nodes.find((n) => n.id === probationNow!.id)?.deadline).toMatchObject({
    due: '2027-03-31',
    status: 'OVERDUE',
  });

  // A later pass in the same year writes nothing.
  const events = await graph.subgraphs.agencies.db.getRepository(OutboxEvent).count();
  expect(await newYear('agencies').pass()).toBe(false);
  expect(await graph.subgraphs.agencies.db.getRepository(OutboxEvent).count()).toBe(events);
});
