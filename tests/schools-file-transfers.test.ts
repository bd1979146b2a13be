import { AuditRecord, demoIdentities, newId } from '@safeguarding/shared';
import { startGraph, type TestGraph } from './support/graph';

/** Issue 6: child-protection file transfers between schools (KCSIE: within 5 school days). */
let graph: TestGraph;
beforeAll(async () => {
  // Wednesday 6 January 2027: a child who left on 23 December is past 5 school days (due 4 January).
  // The batching test reads two nested pages of every school of the register, beyond the default cost limit.
  graph = await startGraph({ now: () => new Date('2027-01-06T12:00:00Z'), overrides: { MAX_COST: '100000' } });
});
afterAll(() => graph?.stop());

const fields = `id sendingUrn receivingUrn childReference leftOn state sentOn receivedOn overdue
  deadline { due rule basis status completedOn provisional } sendingSchool { name } receivingSchool { name }`;
const record = `mutation ($input: RecordFileTransferInput!) { recordFileTransfer(input: $input) { ${fields} } }`;
const markSent = `mutation ($input: MarkFileTransferSentInput!) { markFileTransferSent(input: $input) { ${fields} } }`;
const confirm = `mutation ($input: ConfirmFileTransferReceiptInput!) { confirmFileTransferReceipt(input: $input) { ${fields} } }`;
const byId = `query ($id: ID!) { fileTransfer(id: $id) { id state } }`;
const lists = `{ school(urn: "990001") { fileTransfersOut { nodes { id } } } other: school(urn: "990003") { fileTransfersIn { nodes { id } } } overdueFileTransfers { nodes { id } totalCount } }`;

const audits = () =>
  graph.subgraphs.schools.db
    .getRepository(AuditRecord)
    .find({ where: { entityType: 'ChildProtectionFileTransfer' }, order: { sequence: 'ASC' } });

let christmasId = '';

describe('recording a transfer', () => {
  it('gives 5 school days from the day the child left, counted as working days across the bank holidays', async () => {
    const before = (await audits()).length;
    const result = await graph.query<any>(
      record,
      {
        input: { sendingUrn: '990001', receivingUrn: '990003', childReference: 'SVP-2026-0142', leftOn: '2026-12-23' },
      },
      { as: 'seaview-primary-dsl' },
    );
    expect(result.errors).toBeUndefined();
    const transfer = result.data.recordFileTransfer;
    christmasId = transfer.id;
    // 24 Dec, 29 Dec (25 Dec and the 28 Dec Boxing Day substitute are bank holidays), 30, 31 Dec, 4 Jan (1 Jan a bank holiday).
    expect(transfer).toMatchObject({
      sendingUrn: '990001',
      receivingUrn: '990003',
      childReference: 'SVP-2026-0142',
      state: 'RECORDED',
      sentOn: null,
      receivedOn: null,
      overdue: true,
      sendingSchool: { name: 'Seaview Primary School (demo)' },
      receivingSchool: { name: 'Shingle Bay Primary School (demo)' },
      deadline: {
        due: '2027-01-04',
        rule: '5 working days after 2026-12-23',
        status: 'OVERDUE',
        completedOn: null,
        provisional: false,
      },
    });
    expect(transfer.deadline.basis).toContain('KCSIE');
    expect(transfer.deadline.basis).toContain('school days counted as working days');
    const written = (await audits()).slice(before);
    expect(written).toEqual([
      expect.objectContaining({
        action: 'CREATE',
        entityId: transfer.id,
        subject: 'demo:seaview-primary-dsl',
        organisationId: '990001',
      }),
    ]);
  });

  it("refuses a transfer to the same school, to an unknown school, a named child, and another school's transfer", async () => {
    const cases: Array<[Record<string, string>, string, string]> = [
      [{ receivingUrn: '990001' }, 'BAD_USER_INPUT', 'input.receivingUrn'],
      [{ receivingUrn: '999999' }, 'BAD_USER_INPUT', 'input.receivingUrn'],
      [{ receivingUrn: '99003' }, 'BAD_USER_INPUT', 'input.receivingUrn'],
      [{ childReference: 'Jane Smith' }, 'BAD_USER_INPUT', 'input.childReference'],
      [{ leftOn: '2027-01-07' }, 'BAD_USER_INPUT', 'input.leftOn'],
      [{ sendingUrn: '990002' }, 'FORBIDDEN', ''],
    ];
    for (const [change, code, field] of cases) {
      const input = {
        sendingUrn: '990001',
        receivingUrn: '990003',
        childReference: 'SVP-1',
        leftOn: '2027-01-05',
        ...change,
      };
      const result = await graph.query<any>(record, { input }, { as: 'seaview-primary-dsl' });
      expect(result.errors?.[0]?.extensions).toMatchObject({ code, ...(field ? { field } : {}) });
    }
    const practitioner = await graph.query<any>(
      record,
      { input: { sendingUrn: '990001', receivingUrn: '990003', childReference: 'SVP-1', leftOn: '2027-01-05' } },
      { as: 'sussex-health-visitor' },
    );
    expect(practitioner.errors![0]!.extensions!['code']).toBe('FORBIDDEN');
  });
});

describe('who sees a transfer', () => {
  it("shows it to both schools' DSLs and the local authority of either school, and audits every read", async () => {
    for (const as of ['seaview-primary-dsl', 'shingle-bay-primary-dsl', 'east-sussex-business-manager'] as const) {
      const before = (await audits()).length;
      const one = await graph.query<any>(byId, { id: christmasId }, { as });
      expect(one.data.fileTransfer).toEqual({ id: christmasId, state: 'RECORDED' });
      const listed = await graph.query<any>(lists, {}, { as });
      expect(listed.errors).toBeUndefined();
      expect(listed.data.school.fileTransfersOut.nodes.map((t: { id: string }) => t.id)).toContain(christmasId);
      expect(listed.data.other.fileTransfersIn.nodes.map((t: { id: string }) => t.id)).toContain(christmasId);
      expect(listed.data.overdueFileTransfers.nodes.map((t: { id: string }) => t.id)).toContain(christmasId);
      const reads = (await audits()).slice(before);
      expect(reads.length).toBeGreaterThanOrEqual(4);
      expect(
        reads.every(
          (r) => r.action === 'READ' && r.entityId === christmasId && r.subject === demoIdentities[as]!.subject,
        ),
      ).toBe(true);
    }
  });

  it("hides it from a third school's DSL, a practitioner of another organisation and another local authority", async () => {
    for (const as of [
      'chalk-cliff-high-dsl',
      'west-sussex-social-worker',
      'west-sussex-business-manager',
      'sussex-health-visitor',
      'sussex-police-officer',
    ] as const) {
      const before = (await audits()).length;
      const one = await graph.query<any>(byId, { id: christmasId }, { as });
      expect(one.errors).toBeUndefined();
      expect(one.data.fileTransfer).toBeNull();
      const listed = await graph.query<any>(lists, {}, { as });
      expect(listed.data).toEqual({
        school: { fileTransfersOut: { nodes: [] } },
        other: { fileTransfersIn: { nodes: [] } },
        overdueFileTransfers: { nodes: [], totalCount: 0 },
      });
      // The one look by id is recorded as refused, in the trail its own records go to; the lists name no transfer.
      const created = (await audits()).find((r) => r.entityId === christmasId && r.action === 'CREATE');
      const recorded = (await audits()).slice(before);
      expect(recorded.map((r) => [r.action, r.outcome, r.entityId, r.subject, r.partnershipId])).toEqual([
        ['READ', 'REFUSED', christmasId, demoIdentities[as]!.subject, created!.partnershipId],
      ]);
      // Nor may they act on it: it is not there for them.
      const acted = await graph.query<any>(markSent, { input: { transferId: christmasId } }, { as });
      expect(acted.errors![0]!.extensions!['code']).toBe('NOT_FOUND');
    }
  });

  it('refuses anonymous callers', async () => {
    const result = await graph.query<any>(byId, { id: christmasId });
    expect(result.errors![0]!.extensions!['code']).toBe('UNAUTHENTICATED');
    const listed = await graph.query<any>(`{ school(urn: "990001") { fileTransfersOut { nodes { id } } } }`);
    expect(listed.errors![0]!.extensions!['code']).toBe('UNAUTHENTICATED');
  });
});

describe('sending and confirming receipt', () => {
  it('refuses receipt before the file is sent, naming the state, and lets only the right DSL take each step', async () => {
    const early = await graph.query<any>(
      confirm,
      { input: { transferId: christmasId } },
      { as: 'shingle-bay-primary-dsl' },
    );
    expect(early.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', state: 'RECORDED', allowed: ['SEND'] });
    expect(early.errors![0]!.message).toContain('RECORDED');
    const wrongSender = await graph.query<any>(
      markSent,
      { input: { transferId: christmasId } },
      { as: 'shingle-bay-primary-dsl' },
    );
    expect(wrongSender.errors![0]!.extensions!['code']).toBe('FORBIDDEN');
    const localAuthority = await graph.query<any>(
      markSent,
      { input: { transferId: christmasId } },
      { as: 'east-sussex-business-manager' },
    );
    expect(localAuthority.errors![0]!.extensions!['code']).toBe('FORBIDDEN');
    const beforeLeaving = await graph.query<any>(
      markSent,
      { input: { transferId: christmasId, sentOn: '2026-12-22' } },
      { as: 'seaview-primary-dsl' },
    );
    expect(beforeLeaving.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.sentOn' });
  });

  it('marks it sent once, confirms receipt by the receiving DSL only, and records the missed deadline', async () => {
    const before = (await audits()).length;
    const sent = await graph.query<any>(
      markSent,
      { input: { transferId: christmasId, sentOn: '2026-12-24' } },
      { as: 'seaview-primary-dsl' },
    );
    expect(sent.errors).toBeUndefined();
    expect(sent.data.markFileTransferSent).toMatchObject({ state: 'SENT', sentOn: '2026-12-24', overdue: true });
    const again = await graph.query<any>(
      markSent,
      { input: { transferId: christmasId } },
      { as: 'seaview-primary-dsl' },
    );
    expect(again.errors![0]!.extensions).toMatchObject({
      code: 'CONFLICT',
      state: 'SENT',
      allowed: ['CONFIRM_RECEIPT'],
    });
    expect(again.errors![0]!.message).toContain('SENT');
    const bySender = await graph.query<any>(
      confirm,
      { input: { transferId: christmasId } },
      { as: 'seaview-primary-dsl' },
    );
    expect(bySender.errors![0]!.extensions!['code']).toBe('FORBIDDEN');
    const received = await graph.query<any>(
      confirm,
      { input: { transferId: christmasId, receivedOn: '2027-01-05' } },
      { as: 'shingle-bay-primary-dsl' },
    );
    expect(received.errors).toBeUndefined();
    expect(received.data.confirmFileTransferReceipt).toMatchObject({
      state: 'RECEIPT_CONFIRMED',
      receivedOn: '2027-01-05',
      overdue: false,
      deadline: { due: '2027-01-04', completedOn: '2027-01-05', status: 'MISSED' },
    });
    const twice = await graph.query<any>(
      confirm,
      { input: { transferId: christmasId } },
      { as: 'shingle-bay-primary-dsl' },
    );
    expect(twice.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', state: 'RECEIPT_CONFIRMED', allowed: [] });
    expect(twice.errors![0]!.message).toContain('RECEIPT_CONFIRMED');
    const written = (await audits()).slice(before);
    expect(written.map((r) => [r.action, r.subject, r.reason])).toEqual([
      ['UPDATE', 'demo:seaview-primary-dsl', 'SENT'],
      ['UPDATE', 'demo:shingle-bay-primary-dsl', 'RECEIPT_CONFIRMED'],
    ]);
    const overdue = await graph.query<any>(
      `{ overdueFileTransfers { nodes { id } } }`,
      {},
      { as: 'east-sussex-business-manager' },
    );
    expect(overdue.data.overdueFileTransfers.nodes).toEqual([]);
  });

  it('meets the deadline when receipt is confirmed within 5 school days', async () => {
    const recorded = await graph.query<any>(
      record,
      {
        input: { sendingUrn: '990001', receivingUrn: '990002', childReference: 'SVP-2027-0007', leftOn: '2027-01-05' },
      },
      { as: 'seaview-primary-dsl' },
    );
    const id = recorded.data.recordFileTransfer.id;
    expect(recorded.data.recordFileTransfer.deadline).toMatchObject({ due: '2027-01-12', status: 'PENDING' });
    await graph.query<any>(markSent, { input: { transferId: id } }, { as: 'seaview-primary-dsl' });
    const received = await graph.query<any>(confirm, { input: { transferId: id } }, { as: 'chalk-cliff-high-dsl' });
    expect(received.data.confirmFileTransferReceipt).toMatchObject({
      state: 'RECEIPT_CONFIRMED',
      receivedOn: '2027-01-06',
      sentOn: '2027-01-06',
      deadline: { status: 'MET' },
    });
  });
});

describe('batching', () => {
  it('costs the same SQL whatever the number of schools and transfers', async () => {
    const query = (filter: string) =>
      `{ schools${filter} { nodes { urn fileTransfersOut(first: 10) { totalCount nodes { id receivingSchool { name } } } fileTransfersIn(first: 10) { totalCount nodes { id sendingSchool { name } } } } } }`;
    const run = (filter: string) =>
      graph.countStatements(async () => {
        const result = await graph.query<any>(query(filter), {}, { as: 'seaview-primary-dsl' });
        expect(result.errors).toBeUndefined();
      });
    const few = await run('(localAuthorityDfeCode: "846")');
    const all = await run('');
    for (let i = 0; i < 5; i += 1) {
      await graph.subgraphs.schools.db.getRepository('ChildProtectionFileTransfer').insert({
        id: newId(),
        sendingUrn: '990001',
        receivingUrn: `99000${(i % 5) + 2}`,
        sendingLaDfeCode: '846',
        receivingLaDfeCode: '845',
        childReference: `SVP-X-${i}`,
        leftOn: '2027-01-04',
        state: 'RECORDED',
        sentOn: null,
        receivedOn: null,
        recordedBy: 'test',
      });
    }
    const more = await run('');
    expect(all.schools).toBe(few.schools);
    expect(more.schools).toBe(all.schools);
  });
});
