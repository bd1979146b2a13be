import {
  AuditAction,
  AuditOutcome,
  AuditRecord,
  demoClients,
  demoIds,
  demoSystems,
  type Identity,
} from '@safeguarding/shared';
import { startGraph, type GraphQLResponse, type TestGraph } from './support/graph';

/**
 * Issue 15 item 4: a supplier a school delegated to acts for the school wherever the school's own
 * staff may, with the roles and scopes of its token: child-protection file transfers (KCSIE Annex C)
 * and the school's section 175/157 return. A school that never delegated, or revoked, is out of its
 * reach; the audit trail names the system. Everything through the gateway.
 */
let graph: TestGraph;
beforeAll(async () => {
  graph = await startGraph({ now: () => new Date('2026-11-23T10:00:00Z') });
});
afterAll(() => graph.stop());

const vendor = demoSystems['downland-mis'];
if (!vendor) throw new Error('the demo MIS supplier is missing');
const withScopes = (identity: Identity, scopes: string[]): Identity => ({
  ...identity,
  ...(identity.client ? { client: { ...identity.client, scopes } } : {}),
});

async function as<T>(
  identity: Identity,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<GraphQLResponse<T>> {
  return graph.query<T>(query, variables, { authorization: `Bearer ${await graph.tokenFor(identity)}` });
}
const codeOf = (result: GraphQLResponse<unknown>) => result.errors?.[0]?.extensions?.['code'];

// Seaview Primary (990001) and Chalk Cliff High (990002) delegate to the supplier in the demo data; Shingle Bay (990003) does not.
const record = `mutation ($input: RecordFileTransferInput!) { recordFileTransfer(input: $input) { id sendingUrn receivingUrn state } }`;
const markSent = `mutation ($input: MarkFileTransferSentInput!) { markFileTransferSent(input: $input) { id state sentOn } }`;
const confirm = `mutation ($input: ConfirmFileTransferReceiptInput!) { confirmFileTransferReceipt(input: $input) { id state } }`;
const byId = `query ($id: ID!) { fileTransfer(id: $id) { id state } }`;
const transferOf = (sendingUrn: string, receivingUrn: string, childReference: string) => ({
  input: { sendingUrn, receivingUrn, childReference, leftOn: '2026-11-20' },
});
const revoke = `mutation ($input: SchoolDelegationInput!) { revokeSchoolDelegation(input: $input) { active } }`;
const grant = `mutation ($input: SchoolDelegationInput!) { grantSchoolDelegation(input: $input) { active } }`;
const delegationOf = (urn: string) => ({ input: { urn, clientId: demoClients.misVendor } });

interface Transfer {
  id: string;
  sendingUrn: string;
  receivingUrn: string;
  state: string;
  sentOn?: string | null;
}
type Recorded = { recordFileTransfer: Transfer };
type Sent = { markFileTransferSent: Transfer };
type Confirmed = { confirmFileTransferReceipt: Transfer };
type Read = { fileTransfer: Pick<Transfer, 'id' | 'state'> | null };
type Submitted = {
  submitSchoolSafeguardingReturn: {
    id: string;
    urn: string;
    financialYear: string;
    standards: { standardKey: string; actions: { id: string }[] }[];
  };
};
type Completed = { completeSchoolSafeguardingAction: { id: string; deadline: { completedOn: string | null } } };
type Returns = { school: { safeguardingReturns: { totalCount: number; nodes: { id: string }[] } } };
type Delegation = { revokeSchoolDelegation?: { active: boolean }; grantSchoolDelegation?: { active: boolean } };

const standardsOf = `query ($id: ID!) { partnership(id: $id) { schoolSafeguardingStandards { key } } }`;
const submit = `mutation ($input: SubmitSchoolSafeguardingReturnInput!) { submitSchoolSafeguardingReturn(input: $input) {
  id urn financialYear standards { standardKey actions { id } } } }`;
const completeAction = `mutation ($input: CompleteSchoolSafeguardingActionInput!) { completeSchoolSafeguardingAction(input: $input) { id deadline { completedOn } } }`;
const returnsOf = `query ($urn: String!) { school(urn: $urn) { safeguardingReturns { totalCount nodes { id } } } }`;
const brightonAndHove = demoIds.partnerships.brightonAndHove;
const eastSussex = demoIds.partnerships.eastSussex;

async function returnOf(urn: string, partnershipId: string) {
  const standards = await graph.query<{ partnership: { schoolSafeguardingStandards: { key: string }[] } }>(
    standardsOf,
    { id: partnershipId },
    { as: 'seaview-primary-dsl' },
  );
  expect(standards.errors).toBeUndefined();
  const keys = standards.data?.partnership.schoolSafeguardingStandards.map((s) => s.key) ?? [];
  expect(keys.length).toBeGreaterThan(0);
  return {
    input: {
      urn,
      partnershipId,
      financialYear: '2026-27',
      standards: keys.map((standardKey, index) => ({
        standardKey,
        rating: index === 0 ? 'AMBER' : 'GREEN',
        evidence: 'Synced from the MIS (test)',
        actions: index === 0 ? [{ description: 'Refresh DSL training (test)', owner: 'DSL', dueOn: '2027-01-31' }] : [],
      })),
    },
  };
}

const audits = (entityType: string) =>
  graph.subgraphs.schools.db.getRepository(AuditRecord).find({ where: { entityType }, order: { sequence: 'ASC' } });

let transferId = '';
let inboundId = '';

describe('a delegated MIS supplier and file transfers', () => {
  it("records, reads and marks sent a delegating school's transfer, audited under its client id", async () => {
    const before = (await audits('ChildProtectionFileTransfer')).length;
    const recorded = await as<Recorded>(vendor, record, transferOf('990001', '990003', 'MIS-T-0001'));
    expect(recorded.errors).toBeUndefined();
    expect(recorded.data?.recordFileTransfer).toMatchObject({ sendingUrn: '990001', state: 'RECORDED' });
    transferId = recorded.data?.recordFileTransfer.id ?? '';

    const read = await as<Read>(vendor, byId, { id: transferId });
    expect(read.data?.fileTransfer).toEqual({ id: transferId, state: 'RECORDED' });
    const sent = await as<Sent>(vendor, markSent, { input: { transferId, sentOn: '2026-11-23' } });
    expect(sent.errors).toBeUndefined();
    expect(sent.data?.markFileTransferSent).toEqual({ id: transferId, state: 'SENT', sentOn: '2026-11-23' });

    const written = (await audits('ChildProtectionFileTransfer'))
      .slice(before)
      .filter((r) => r.outcome === AuditOutcome.ALLOWED);
    expect(written.map((r) => [r.action, r.subject, r.clientId, r.entityId])).toEqual([
      ['CREATE', demoClients.misVendor, demoClients.misVendor, transferId],
      ['READ', demoClients.misVendor, demoClients.misVendor, transferId],
      ['UPDATE', demoClients.misVendor, demoClients.misVendor, transferId],
    ]);
  });

  it('confirms receipt for a delegating school receiving a file, as its DSL would', async () => {
    const inbound = await graph.query<Recorded>(record, transferOf('990003', '990002', 'MIS-T-0002'), {
      as: 'shingle-bay-primary-dsl',
    });
    expect(inbound.errors).toBeUndefined();
    inboundId = inbound.data?.recordFileTransfer.id ?? '';
    expect(
      (await graph.query<Sent>(markSent, { input: { transferId: inboundId } }, { as: 'shingle-bay-primary-dsl' }))
        .errors,
    ).toBeUndefined();
    const confirmed = await as<Confirmed>(vendor, confirm, { input: { transferId: inboundId } });
    expect(confirmed.errors).toBeUndefined();
    expect(confirmed.data?.confirmFileTransferReceipt).toEqual({ id: inboundId, state: 'RECEIPT_CONFIRMED' });
  });

  it('is refused for a school that did not delegate, and its scopes still apply', async () => {
    const before = (await audits('ChildProtectionFileTransfer')).filter(
      (r) => r.outcome === AuditOutcome.ALLOWED,
    ).length;
    expect(codeOf(await as<Recorded>(vendor, record, transferOf('990003', '990001', 'MIS-T-0003')))).toBe('FORBIDDEN');
    // The sending school (not delegating) confirms nothing for the receiving one, and the reverse.
    const other = await graph.query<Recorded>(record, transferOf('990003', '990005', 'MIS-T-0004'), {
      as: 'shingle-bay-primary-dsl',
    });
    expect(other.errors).toBeUndefined();
    const unseen = other.data?.recordFileTransfer.id ?? '';
    expect((await as<Read>(vendor, byId, { id: unseen })).data?.fileTransfer).toBeNull();
    expect(codeOf(await as<Sent>(vendor, markSent, { input: { transferId: unseen } }))).toBe('NOT_FOUND');
    // Its own school's transfer, but the receiving side's step.
    expect(codeOf(await as<Confirmed>(vendor, confirm, { input: { transferId } }))).toBe('FORBIDDEN');
    const unscoped = await as<Recorded>(
      withScopes(vendor, ['read']),
      record,
      transferOf('990001', '990003', 'MIS-T-0005'),
    );
    expect(codeOf(unscoped)).toBe('FORBIDDEN');
    expect(unscoped.errors?.[0]?.message).toContain('schools:write');
    const allowed = (await audits('ChildProtectionFileTransfer')).filter((r) => r.outcome === AuditOutcome.ALLOWED);
    // Only Shingle Bay's own record went through.
    expect(allowed.slice(before).map((r) => [r.action, r.subject])).toEqual([
      ['CREATE', 'demo:shingle-bay-primary-dsl'],
    ]);
  });
});

let actionId = '';

describe('a delegated MIS supplier and the section 175/157 return', () => {
  it("submits a delegating school's return to a partnership designating it, reads it, and completes an action", async () => {
    const submitted = await as<Submitted>(vendor, submit, await returnOf('990001', brightonAndHove));
    expect(submitted.errors).toBeUndefined();
    const made = submitted.data?.submitSchoolSafeguardingReturn;
    expect(made).toMatchObject({ urn: '990001', financialYear: '2026-27' });
    actionId = made?.standards[0]?.actions[0]?.id ?? '';

    const seen = await as<Returns>(vendor, returnsOf, { urn: '990001' });
    expect(seen.data?.school.safeguardingReturns).toEqual({ totalCount: 1, nodes: [{ id: made?.id }] });
    // The school's own DSL sees what its supplier submitted.
    const bySchool = await graph.query<Returns>(returnsOf, { urn: '990001' }, { as: 'seaview-primary-dsl' });
    expect(bySchool.data?.school.safeguardingReturns.nodes).toEqual([{ id: made?.id }]);

    const done = await as<Completed>(vendor, completeAction, { input: { actionId, completedOn: '2026-11-23' } });
    expect(done.errors).toBeUndefined();
    expect(done.data?.completeSchoolSafeguardingAction).toEqual({
      id: actionId,
      deadline: { completedOn: '2026-11-23' },
    });
    const written = (await audits('SchoolSafeguardingReturn')).filter((r) => r.entityId === made?.id);
    expect(written.filter((r) => r.action === AuditAction.CREATE).map((r) => [r.subject, r.clientId])).toEqual([
      [demoClients.misVendor, demoClients.misVendor],
    ]);
  });

  it('is refused for a school that did not delegate, and for a partnership not designating the school', async () => {
    const undelegated = await as<Submitted>(vendor, submit, await returnOf('990003', eastSussex));
    expect(codeOf(undelegated)).toBe('FORBIDDEN');
    const elsewhere = await as<Submitted>(vendor, submit, await returnOf('990002', eastSussex));
    expect(codeOf(elsewhere)).toBe('BAD_USER_INPUT');
    expect(elsewhere.errors?.[0]?.extensions?.['field']).toBe('input.partnershipId');
    const theirs = await as<Returns>(vendor, returnsOf, { urn: '990003' });
    expect(theirs.data?.school.safeguardingReturns.totalCount).toBe(0);
  });
});

describe('a supplier whose delegation the school revoked', () => {
  it('may neither read nor write for the school, until the school grants again', async () => {
    const revoked = await graph.query<Delegation>(revoke, delegationOf('990001'), { as: 'seaview-primary-dsl' });
    expect(revoked.data?.revokeSchoolDelegation).toEqual({ active: false });

    expect((await as<Read>(vendor, byId, { id: transferId })).data?.fileTransfer).toBeNull();
    expect(codeOf(await as<Recorded>(vendor, record, transferOf('990001', '990003', 'MIS-T-0006')))).toBe('FORBIDDEN');
    expect(
      codeOf(await as<Completed>(vendor, completeAction, { input: { actionId, completedOn: '2026-11-23' } })),
    ).toBe('NOT_FOUND');
    expect(codeOf(await as<Submitted>(vendor, submit, await returnOf('990001', brightonAndHove)))).toBe('FORBIDDEN');
    expect((await as<Returns>(vendor, returnsOf, { urn: '990001' })).data?.school.safeguardingReturns.totalCount).toBe(
      0,
    );
    // Chalk Cliff's delegation stands.
    expect((await as<Read>(vendor, byId, { id: inboundId })).data?.fileTransfer).toEqual({
      id: inboundId,
      state: 'RECEIPT_CONFIRMED',
    });

    expect(
      (await graph.query<Delegation>(grant, delegationOf('990001'), { as: 'seaview-primary-dsl' })).errors,
    ).toBeUndefined();
    expect((await as<Read>(vendor, byId, { id: transferId })).data?.fileTransfer).toEqual({
      id: transferId,
      state: 'SENT',
    });
  });
});

describe("the viewer's schools acted for", () => {
  type Acted = {
    viewer: {
      capabilities: string[];
      schoolsActedFor: {
        totalCount: number;
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
        nodes: {
          urn: string;
          capabilities: string[];
          school: { name: string } | null;
          delegation: { clientId: string; active: boolean } | null;
        }[];
      };
    };
  };
  const acted = `query ($first: Int!, $after: String) { viewer { capabilities schoolsActedFor(first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } nodes { urn capabilities school { name } delegation { clientId active } } } } }`;
  const urnsOf = (result: GraphQLResponse<Acted>) => result.data?.viewer.schoolsActedFor.nodes.map((node) => node.urn);

  it("shows a supplier each delegating school with what it may do there, which its token's own capabilities do not", async () => {
    const result = await as<Acted>(vendor, acted, { first: 10 });
    expect(result.errors).toBeUndefined();
    const viewer = result.data?.viewer;
    if (!viewer) throw new Error('no viewer');
    expect(viewer.capabilities).not.toContain('KEEP_SCHOOL_SAFEGUARDING_RECORDS');
    expect(viewer.schoolsActedFor.totalCount).toBe(2);
    const delegation = { clientId: demoClients.misVendor, active: true };
    expect(viewer.schoolsActedFor.nodes.map(({ school: _school, ...node }) => node)).toEqual([
      { urn: '990001', capabilities: ['KEEP_SCHOOL_SAFEGUARDING_RECORDS'], delegation },
      { urn: '990002', capabilities: ['KEEP_SCHOOL_SAFEGUARDING_RECORDS'], delegation },
    ]);
    const [seaview, chalkCliff] = viewer.schoolsActedFor.nodes.map((node) => node.school?.name ?? '');
    expect(seaview).toContain('Seaview');
    expect(chalkCliff).toContain('Chalk Cliff');
  });

  it('gains a school when it grants and loses it when it revokes', async () => {
    const statementsFor = () => graph.countStatements(() => as<Acted>(vendor, acted, { first: 10 }));
    const forTwo = await statementsFor();
    const granted = await graph.query<Delegation>(grant, delegationOf('990003'), { as: 'shingle-bay-primary-dsl' });
    expect(granted.errors).toBeUndefined();
    // The scope's delegations, the page's schools and their delegations: the same for three schools as for two.
    const forThree = await statementsFor();
    expect(forThree.schools).toBe(forTwo.schools);
    expect(forThree.schools).toBeLessThanOrEqual(3);
    const first = await as<Acted>(vendor, acted, { first: 2 });
    expect(urnsOf(first)).toEqual(['990001', '990002']);
    expect(first.data?.viewer.schoolsActedFor.pageInfo.hasNextPage).toBe(true);
    const next = await as<Acted>(vendor, acted, {
      first: 2,
      after: first.data?.viewer.schoolsActedFor.pageInfo.endCursor,
    });
    expect(next.data?.viewer.schoolsActedFor.nodes.map(({ urn, capabilities }) => ({ urn, capabilities }))).toEqual([
      { urn: '990003', capabilities: ['KEEP_SCHOOL_SAFEGUARDING_RECORDS'] },
    ]);
    expect(next.data?.viewer.schoolsActedFor.pageInfo.hasNextPage).toBe(false);

    const revoked = await graph.query<Delegation>(revoke, delegationOf('990003'), { as: 'shingle-bay-primary-dsl' });
    expect(revoked.errors).toBeUndefined();
    const after = await as<Acted>(vendor, acted, { first: 10 });
    expect(urnsOf(after)).toEqual(['990001', '990002']);
    expect(after.data?.viewer.schoolsActedFor.totalCount).toBe(2);
  });

  it("shows a school's DSL their own school, with delegating theirs to give", async () => {
    const result = await graph.query<Acted>(acted, { first: 10 }, { as: 'shingle-bay-primary-dsl' });
    expect(result.errors).toBeUndefined();
    const nodes = result.data?.viewer.schoolsActedFor.nodes ?? [];
    expect(nodes.map(({ school: _school, ...node }) => node)).toEqual([
      { urn: '990003', capabilities: ['KEEP_SCHOOL_SAFEGUARDING_RECORDS', 'DELEGATE_TO_SYSTEMS'], delegation: null },
    ]);
    expect(nodes[0]?.school?.name).toContain('Shingle Bay');
  });

  it('refuses first beyond the maximum, naming first', async () => {
    const result = await as<Acted>(vendor, '{ viewer { schoolsActedFor(first: 101) { nodes { urn } } } }');
    expect(result.errors?.[0]).toMatchObject({
      message: 'first: must be at most 100',
      extensions: { code: 'BAD_USER_INPUT', field: 'first' },
    });
  });
});
