import { demoIdentities, Role, statutoryOrganisationId, type Identity } from '@safeguarding/shared';
import { startGraph, type QueryOptions, type TestGraph } from './support/graph';

/**
 * Issue 21: an obligation's audience may name further organisation groups, each with roles of its
 * own. A child-protection file transfer is seen by the two schools' DSLs and by anyone of either
 * school's local authority; the national index must say the same in `whatIsDue`, and must not mix
 * one group's organisations with another group's roles.
 */
const now = () => new Date('2026-12-10T10:00:00Z');
let graph: TestGraph;
beforeAll(async () => {
  graph = await startGraph({ now, relayIntervalMs: 40, reconcileObligations: false });
});
afterAll(() => graph?.stop());

const brightonCouncil = statutoryOrganisationId({ kind: 'LOCAL_AUTHORITY', dfeCode: '846' });
const westSussexCouncil = statutoryOrganisationId({ kind: 'LOCAL_AUTHORITY', dfeCode: '938' });
const person = (subject: string, organisation: Identity['organisation'], roles: Role[]): Identity => ({
  subject,
  organisation,
  roles,
  partnershipIds: [],
});
// Seaview's own staff who are not its DSL: the school is in the DSL-only group, so no.
const seaviewTeacher = person('test:seaview-teacher', demoIdentities['seaview-primary-dsl']!.organisation, [
  Role.PRACTITIONER,
]);
// Anyone of Seaview's authority (Brighton and Hove), whatever their role: yes.
const brightonPractitioner = person('test:brighton-practitioner', { id: brightonCouncil, kind: 'LOCAL_AUTHORITY' }, [
  Role.PRACTITIONER,
]);
// A council that is neither school's authority, even in the role that admits a school's staff: no.
const westSussexLead = person('test:west-sussex-dsl', { id: westSussexCouncil, kind: 'LOCAL_AUTHORITY' }, [
  Role.DESIGNATED_SAFEGUARDING_LEAD,
]);

const due = `query { whatIsDue(filter: { kinds: [FILE_TRANSFER] }) { totalCount counts { total } nodes { id kind owner { organisationId } owedTo } } }`;
type Due = {
  whatIsDue: {
    totalCount: number;
    counts: { total: number };
    nodes: Array<{ id: string; kind: string; owner: { organisationId: string }; owedTo: string }>;
  };
};

async function as(who: keyof typeof demoIdentities | Identity): Promise<QueryOptions> {
  return typeof who === 'string' ? { as: who } : { authorization: `Bearer ${await graph.tokenFor(who)}` };
}

async function seenBy(who: keyof typeof demoIdentities | Identity): Promise<Due['whatIsDue']> {
  const result = await graph.query<Due>(due, {}, await as(who));
  expect(result.errors).toBeUndefined();
  return result.data!.whatIsDue;
}

it("a file transfer is due for both schools' DSLs and anyone of their authorities, and for no one else", async () => {
  const recorded = await graph.query<any>(
    `mutation ($input: RecordFileTransferInput!) { recordFileTransfer(input: $input) { id } }`,
    { input: { sendingUrn: '990001', receivingUrn: '990003', childReference: 'SVP-GRP-1', leftOn: '2026-12-09' } },
    { as: 'seaview-primary-dsl' },
  );
  expect(recorded.errors).toBeUndefined();
  const transferId = recorded.data.recordFileTransfer.id as string;

  // The relay delivers on its own clock: wait until the sending school's DSL sees it.
  const deadline = Date.now() + 15_000;
  while ((await seenBy('seaview-primary-dsl')).totalCount === 0 && Date.now() < deadline)
    await new Promise((resolve) => setTimeout(resolve, 50));

  for (const who of [
    'seaview-primary-dsl',
    'shingle-bay-primary-dsl',
    'east-sussex-business-manager',
    brightonPractitioner,
  ] as const) {
    const page = await seenBy(who);
    expect(page.nodes).toEqual([
      expect.objectContaining({ kind: 'FILE_TRANSFER', owner: { organisationId: '990001' }, owedTo: '990003' }),
    ]);
    expect([page.totalCount, page.counts.total]).toEqual([1, 1]);
  }
  for (const who of [
    seaviewTeacher,
    westSussexLead,
    'chalk-cliff-high-dsl',
    'west-sussex-business-manager',
    'sussex-health-visitor',
    'panel-member',
  ] as const) {
    const page = await seenBy(who);
    expect(page.nodes).toEqual([]);
    expect([page.totalCount, page.counts.total]).toEqual([0, 0]);
  }
  // Met on receipt: gone from the due list of everyone who saw it.
  const sent = await graph.query<any>(
    `mutation ($input: MarkFileTransferSentInput!) { markFileTransferSent(input: $input) { id } }`,
    { input: { transferId, sentOn: '2026-12-10' } },
    { as: 'seaview-primary-dsl' },
  );
  expect(sent.errors).toBeUndefined();
  const confirmed = await graph.query<any>(
    `mutation ($input: ConfirmFileTransferReceiptInput!) { confirmFileTransferReceipt(input: $input) { id } }`,
    { input: { transferId } },
    { as: 'shingle-bay-primary-dsl' },
  );
  expect(confirmed.errors).toBeUndefined();
  const gone = Date.now() + 15_000;
  while ((await seenBy(brightonPractitioner)).totalCount > 0 && Date.now() < gone)
    await new Promise((resolve) => setTimeout(resolve, 50));
  expect((await seenBy(brightonPractitioner)).totalCount).toBe(0);
  expect((await seenBy('seaview-primary-dsl')).totalCount).toBe(0);
});
