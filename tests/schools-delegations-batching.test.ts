import { In } from 'typeorm';
import { demoClients, demoSystems, newId } from '@safeguarding/shared';
import { SchoolDelegation } from '../subgraphs/schools/src/delegation/delegation.entity';
import { School, SchoolPhase, SchoolStatus } from '../subgraphs/schools/src/school/school.entity';
import { startGraph, type TestGraph } from './support/graph';

/**
 * Issue 15: `School.delegations` is one statement per fetch, however many schools a page holds and
 * however many delegations each has given (active and revoked alike, as the school sees its history).
 */
let graph: TestGraph;
beforeAll(async () => {
  // The statements, not the cost limit, are under test: a page of 20 schools × 10 delegations costs more than the default.
  graph = await startGraph({ now: () => new Date('2026-11-23T10:00:00Z'), overrides: { MAX_COST: '100000' } });
});
afterAll(() => graph.stop());

const vendor = demoSystems['downland-mis'];
// Names that sort before every other school of the LA, so the page holds exactly the schools loaded here.
const nameOf = (n: number) => `AAAA Delegating School ${String(n).padStart(2, '0')} (test)`;
let loaded = 0;

/** Loads schools under West Sussex (938), each having delegated to the supplier `perSchool` times (one still active). */
async function load(schools: number, perSchool: number): Promise<string[]> {
  const urns: string[] = [];
  for (let i = 0; i < schools; i++) {
    loaded += 1;
    const urn = String(991200 + loaded);
    urns.push(urn);
    await graph.subgraphs.schools.db.getRepository(School).insert(
      Object.assign(new School(), {
        urn,
        name: nameOf(loaded),
        laestab: `938${String(5000 + loaded)}`,
        localAuthorityDfeCode: '938',
        phase: SchoolPhase.PRIMARY,
        status: SchoolStatus.OPEN,
        ukprn: null,
        establishmentType: null,
        establishmentTypeGroup: null,
        trustUid: null,
        postcode: null,
      }),
    );
    for (let d = 0; d < perSchool; d++) {
      const active = d === perSchool - 1;
      await graph.subgraphs.schools.db.getRepository(SchoolDelegation).insert({
        id: newId(),
        urn,
        clientId: demoClients.misVendor,
        grantedAt: `2026-0${String(d + 1)}-01T09:00:00.000Z`,
        grantedBy: 'test:dsl',
        revokedAt: active ? null : `2026-0${String(d + 1)}-15T09:00:00.000Z`,
        revokedBy: active ? null : 'test:dsl',
      });
    }
  }
  return urns;
}

type Page = {
  schools: { nodes: Array<{ urn: string; delegations: { totalCount: number; nodes: Array<{ active: boolean }> } }> };
};
const page = `{ schools(localAuthorityDfeCode: "938", first: 20) { nodes { urn
  delegations(first: 10) { totalCount nodes { urn clientId active } } } } }`;

async function measure(urns: string[], perSchool: number): Promise<number> {
  if (!vendor) throw new Error('the demo supplier downland-mis is missing');
  const token = await graph.tokenFor(vendor);
  let rows: Page['schools']['nodes'] = [];
  const statements = await graph.countStatements(async () => {
    const result = await graph.query<Page>(page, {}, { authorization: `Bearer ${token}` });
    expect(result.errors).toBeUndefined();
    rows = result.data?.schools.nodes ?? [];
  });
  // Not vacuous: every school loaded is on the page with all of its delegations, newest (the active one) first.
  const ours = rows.filter((row) => urns.includes(row.urn));
  expect(ours.map((row) => row.urn).sort()).toEqual([...urns].sort());
  for (const row of ours) {
    expect(row.delegations.totalCount).toBe(perSchool);
    expect(row.delegations.nodes.map((d) => d.active)).toEqual([true, ...Array<boolean>(perSchool - 1).fill(false)]);
  }
  return statements.schools;
}

it('reads every school of a page its delegations in the same statements for 2 schools × 1 as for 15 schools × 4', async () => {
  const few = await load(2, 1);
  const small = await measure(few, 1);
  // The larger page replaces the smaller one, so each measure sees only its own schools.
  await graph.subgraphs.schools.db.getRepository(SchoolDelegation).delete({ urn: In(few) });
  await graph.subgraphs.schools.db.getRepository(School).delete({ urn: In(few) });
  const many = await load(15, 4);
  const large = await measure(many, 4);
  expect(small).toBeGreaterThan(0);
  expect(large).toBe(small);
});
