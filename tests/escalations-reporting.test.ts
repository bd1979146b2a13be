import { AuditRecord, demoIds, nameBasedId, statutoryOrganisationId } from '@safeguarding/shared';
import { at, dataOf, firstError, gql, startGraph, type GraphQLResponse, type TestGraph } from './support/graph';

/** Issue 8: reports with small-number suppression, national escalations, and batching of the new lists. */
let now = new Date('2027-03-01T10:00:00Z');
const setToday = (day: string) => {
  now = new Date(`${day}T10:00:00Z`);
};

let graph: TestGraph;
beforeAll(async () => {
  // Batching is under test, not the cost limit: one query reads every list of every partnership.
  graph = await startGraph({ now: () => now, overrides: { MAX_COST: '1000000' } });
});
afterAll(() => graph?.stop());

const eastSussex = demoIds.partnerships.eastSussex;
const westSussex = demoIds.partnerships.westSussex;
const eastSussexCouncil = statutoryOrganisationId({ kind: 'LOCAL_AUTHORITY', dfeCode: '845' });
const sussexPolice = statutoryOrganisationId({ kind: 'POLICE', gssCode: 'E23000033' });
const codeOf = (result: GraphQLResponse<unknown>) => result.errors?.[0]?.extensions?.['code'];

const raise = gql<{ raiseProfessionalDisagreement: { id: string } }>(
  `mutation ($input: RaiseProfessionalDisagreementInput!) { raiseProfessionalDisagreement(input: $input) { id } }`,
);
async function raiseIn(
  partnershipId: string,
  as: 'sussex-police-officer' | 'sussex-health-visitor',
  issueType = 'INFORMATION_SHARING',
  raisedWithAgencyId = eastSussexCouncil,
): Promise<string> {
  const result = await graph.query(
    raise,
    {
      input: {
        partnershipId,
        caseReference: `CASE-R-${Math.random().toString(36).slice(2, 8)}`,
        raisedWithAgencyId,
        issueType,
        summary: 'Reporting test (fictional)',
      },
    },
    { as },
  );
  expect(result.errors).toBeUndefined();
  return dataOf(result).raiseProfessionalDisagreement.id;
}

// As published or shared nationally; the staff's own view is exact (tests/statutory-suppression.test.ts).
interface Count {
  count: number | null;
  suppressed: boolean;
}
interface Pair {
  raisedByOrganisationId: string;
  raisedWithOrganisationId: string;
  raised: Count;
}
interface EscalationReport {
  raised: Count;
  byIssueType: Array<{ issueType: string; raised: Count }>;
  byOrganisationPair: { totalCount: number; nodes: Pair[] };
  openByStage: Array<{ stagePosition: number; stageName: string; open: Count; overdue: Count }>;
  timeToResolve: unknown;
}
const report = gql<{
  partnership: { escalationReport: EscalationReport };
}>(`query Report($p: ID!, $from: Date!, $to: Date!) { partnership(id: $p) { escalationReport(from: $from, to: $to, published: true) {
  from to asOf
  raised { count suppressed } open { count suppressed } resolved { count suppressed } withdrawn { count suppressed } overdue { count suppressed }
  openByStage { stagePosition stageName open { count suppressed } overdue { count suppressed } }
  byIssueType { issueType raised { count suppressed } }
  byOrganisationPair { totalCount nodes { raisedByOrganisationId raisedWithOrganisationId raised { count suppressed } } }
  timeToResolve { resolved { count suppressed } medianWorkingDays meanWorkingDays }
} } }`);
const march = { p: eastSussex, from: '2027-03-01', to: '2027-03-31' };
const hidden = { count: null, suppressed: true };
const shown = (count: number) => ({ count, suppressed: false });

describe('the escalation report', () => {
  const ids: string[] = [];

  it('suppresses 4 and shows 5, in every breakdown, never leaking the small number', async () => {
    setToday('2027-03-01');
    for (let i = 0; i < 4; i++) ids.push(await raiseIn(eastSussex, 'sussex-police-officer'));
    let result = await graph.query(report, march, { as: 'east-sussex-business-manager' });
    expect(result.errors).toBeUndefined();
    let r = dataOf(result).partnership.escalationReport;
    expect(r).toMatchObject({
      from: '2027-03-01',
      to: '2027-03-31',
      asOf: '2027-03-01',
      raised: hidden,
      open: hidden,
      resolved: hidden,
      withdrawn: hidden,
    });
    expect(r.byIssueType.find((c) => c.issueType === 'INFORMATION_SHARING')?.raised).toEqual(hidden);
    expect(r.byOrganisationPair.nodes).toEqual([
      { raisedByOrganisationId: sussexPolice, raisedWithOrganisationId: eastSussexCouncil, raised: hidden },
    ]);
    expect(at(r.openByStage, 0)).toMatchObject({ stagePosition: 1, open: hidden });
    expect(JSON.stringify(r)).not.toMatch(/"count":[1-4]\b/);

    ids.push(await raiseIn(eastSussex, 'sussex-police-officer'));
    result = await graph.query(report, march, { as: 'east-sussex-business-manager' });
    r = dataOf(result).partnership.escalationReport;
    expect(r).toMatchObject({ raised: shown(5), open: shown(5), resolved: hidden, withdrawn: hidden, overdue: hidden });
    expect(r.openByStage.map((s) => s.open)).toEqual([shown(5), hidden, hidden, hidden, hidden]);
    expect(r.byIssueType.find((c) => c.issueType === 'INFORMATION_SHARING')?.raised).toEqual(shown(5));
    expect(r.byIssueType.filter((c) => c.issueType !== 'INFORMATION_SHARING').every((c) => c.raised.suppressed)).toBe(
      true,
    );
    expect(r.byOrganisationPair.nodes).toEqual([
      { raisedByOrganisationId: sussexPolice, raisedWithOrganisationId: eastSussexCouncil, raised: shown(5) },
    ]);
  });

  it('hides a second pair when one small pair could be worked out from the total', async () => {
    await raiseIn(eastSussex, 'sussex-health-visitor', 'OTHER');
    const r = dataOf(await graph.query(report, march, { as: 'east-sussex-business-manager' })).partnership
      .escalationReport;
    expect(r.raised).toEqual(shown(6));
    expect(r.byOrganisationPair.totalCount).toBe(2);
    expect(r.byOrganisationPair.nodes.every((pair) => pair.raised.suppressed && pair.raised.count === null)).toBe(true);
  });

  it('pages the organisation pairs, each page suppressed against the whole period, not against itself', async () => {
    const paged = gql<{
      partnership: {
        escalationReport: {
          byOrganisationPair: { nodes: Pair[]; pageInfo: { endCursor: string | null; hasNextPage: boolean } };
        };
      };
    }>(`query ($p: ID!, $from: Date!, $to: Date!, $after: String) { partnership(id: $p) { escalationReport(from: $from, to: $to, published: true) {
      byOrganisationPair(first: 1, after: $after) { nodes { raisedByOrganisationId raisedWithOrganisationId raised { count suppressed } } pageInfo { endCursor hasNextPage } } } } }`);
    const first = dataOf(await graph.query(paged, march, { as: 'east-sussex-business-manager' })).partnership
      .escalationReport.byOrganisationPair;
    expect(first.nodes).toHaveLength(1);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = dataOf(
      await graph.query(paged, { ...march, after: first.pageInfo.endCursor }, { as: 'east-sussex-business-manager' }),
    ).partnership.escalationReport.byOrganisationPair;
    expect(second.nodes).toHaveLength(1);
    expect(second.pageInfo.hasNextPage).toBe(false);
    // The pair of 5 is hidden on its own page too: shown there, it would give away the other pair's 1.
    expect(
      [...first.nodes, ...second.nodes].every((pair) => pair.raised.suppressed && pair.raised.count === null),
    ).toBe(true);
    const keys = [...first.nodes, ...second.nodes].map(
      (pair) => `${pair.raisedByOrganisationId}|${pair.raisedWithOrganisationId}`,
    );
    expect(new Set(keys).size).toBe(2);
  });

  it('gives time to resolve in working days once 5 are resolved, and counts the overdue', async () => {
    setToday('2027-03-08');
    for (const id of ids) {
      const resolved = await graph.query(
        `mutation ($id: ID!) { resolveProfessionalDisagreement(id: $id, input: { outcome: "Agreed at a joint meeting", agreedActions: [] }) { status } }`,
        { id },
        { as: 'sussex-police-officer' },
      );
      expect(resolved.errors).toBeUndefined();
    }
    setToday('2027-03-10');
    const r = dataOf(await graph.query(report, march, { as: 'east-sussex-business-manager' })).partnership
      .escalationReport;
    expect(r).toMatchObject({
      raised: shown(6),
      resolved: shown(5),
      open: hidden,
      withdrawn: hidden,
      overdue: hidden,
      asOf: '2027-03-10',
    });
    // 1 March to 8 March: 5 working days each.
    expect(r.timeToResolve).toEqual({ resolved: shown(5), medianWorkingDays: 5, meanWorkingDays: 5 });
  });

  it("is for that partnership's staff only, and each look is audited", async () => {
    expect(codeOf(await graph.query(report, march))).toBe('UNAUTHENTICATED');
    expect(codeOf(await graph.query(report, march, { as: 'sussex-police-officer' }))).toBe('FORBIDDEN');
    expect(codeOf(await graph.query(report, march, { as: 'west-sussex-business-manager' }))).toBe('FORBIDDEN');
    const backwards = await graph.query(report, { ...march, to: '2027-02-01' }, { as: 'east-sussex-business-manager' });
    expect(firstError(backwards).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'to' });
    await graph.query(report, march, { as: 'east-sussex-business-manager' });
    const [last] = await graph.subgraphs.escalations.db
      .getRepository(AuditRecord)
      .find({ order: { sequence: 'DESC' }, take: 1 });
    expect(last).toMatchObject({
      action: 'READ',
      entityType: 'EscalationReport',
      entityId: eastSussex,
      subject: 'demo:east-sussex-business-manager',
      clientOperationName: 'Report',
      operationType: 'query',
    });
  });
});

describe('national escalations', () => {
  const fields = `id partnershipId escalatedTo matter status raisedOn closedOn history(first: 10) { nodes { sequence kind reason outcome subject } } historyChain { intact events }`;
  const demoId = nameBasedId('demo:national-escalation:0001');

  it("are seen nationally by the Panel, by the partnership's own staff, and by nobody else", async () => {
    const panel = await graph.query<{ nationalEscalations: { nodes: Array<{ id: string }> } }>(
      `{ nationalEscalations(first: 100) { nodes { ${fields} } } }`,
      {},
      { as: 'panel-member' },
    );
    expect(panel.errors).toBeUndefined();
    expect(dataOf(panel).nationalEscalations.nodes.find((e) => e.id === demoId)).toMatchObject({
      partnershipId: westSussex,
      escalatedTo: 'SECRETARY_OF_STATE',
      matter: 'YEARLY_REPORT_NOT_PUBLISHED',
      status: 'ACKNOWLEDGED',
      history: { nodes: [{ kind: 'RAISED' }, { kind: 'ACKNOWLEDGED' }] },
      historyChain: { intact: true, events: 2 },
    });
    const ofPartnership = gql<{ partnership: { nationalEscalations: unknown } }>(
      `query ($p: ID!) { partnership(id: $p) { nationalEscalations { nodes { id } totalCount } } }`,
    );
    const scrutineer = await graph.query(ofPartnership, { p: westSussex }, { as: 'west-sussex-scrutineer' });
    expect(dataOf(scrutineer).partnership.nationalEscalations).toEqual({ nodes: [{ id: demoId }], totalCount: 1 });
    for (const identity of ['east-sussex-business-manager', 'sussex-police-officer'] as const) {
      const other = await graph.query(ofPartnership, { p: westSussex }, { as: identity });
      expect(dataOf(other).partnership.nationalEscalations).toEqual({ nodes: [], totalCount: 0 });
      expect(
        dataOf(
          await graph.query<{ nationalEscalation: { id: string } | null }>(
            `query ($id: ID!) { nationalEscalation(id: $id) { id } }`,
            { id: demoId },
            { as: identity },
          ),
        ).nationalEscalation,
      ).toBeNull();
    }
    expect(codeOf(await graph.query(`{ nationalEscalations { nodes { id } } }`))).toBe('UNAUTHENTICATED');
  });

  it('go OPEN → ACKNOWLEDGED → CLOSED with each step an event, and refuse a step the state does not allow', async () => {
    setToday('2027-03-10');
    const input = {
      partnershipId: eastSussex,
      escalatedTo: 'CHILD_SAFEGUARDING_PRACTICE_REVIEW_PANEL',
      matter: 'SERIOUS_INCIDENT_NATIONAL_ISSUES',
      summary: 'A serious incident raises issues about national online platforms (fictional)',
    };
    const raiseNational = gql<{ raiseNationalEscalation: { id: string } }>(
      `mutation ($input: RaiseNationalEscalationInput!) { raiseNationalEscalation(input: $input) { ${fields} } }`,
    );
    expect(codeOf(await graph.query(raiseNational, { input }, { as: 'sussex-police-officer' }))).toBe('FORBIDDEN');
    expect(codeOf(await graph.query(raiseNational, { input }, { as: 'west-sussex-business-manager' }))).toBe(
      'FORBIDDEN',
    );
    const badInput = await graph.query(
      raiseNational,
      { input: { ...input, summary: '' } },
      { as: 'east-sussex-business-manager' },
    );
    expect(firstError(badInput).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.summary' });
    const raised = await graph.query(raiseNational, { input }, { as: 'east-sussex-business-manager' });
    expect(raised.errors).toBeUndefined();
    const id = dataOf(raised).raiseNationalEscalation.id;
    expect(dataOf(raised).raiseNationalEscalation).toMatchObject({
      status: 'OPEN',
      raisedOn: '2027-03-10',
      history: { nodes: [{ kind: 'RAISED', subject: 'demo:east-sussex-business-manager' }] },
    });

    const acknowledge = gql<{ acknowledgeNationalEscalation: { status: string } }>(
      `mutation ($id: ID!) { acknowledgeNationalEscalation(id: $id, note: "Received by the Panel") { status } }`,
    );
    const close = gql<{ closeNationalEscalation: unknown }>(
      `mutation ($id: ID!) { closeNationalEscalation(id: $id, outcome: "Raised with the Department; national review commissioned") { ${fields} } }`,
    );
    expect(codeOf(await graph.query(acknowledge, { id }, { as: 'east-sussex-business-manager' }))).toBe('FORBIDDEN');
    expect(
      dataOf(await graph.query(acknowledge, { id }, { as: 'panel-member' })).acknowledgeNationalEscalation.status,
    ).toBe('ACKNOWLEDGED');
    const again = await graph.query(acknowledge, { id }, { as: 'panel-member' });
    expect(firstError(again).message).toBe('national escalation is ACKNOWLEDGED: it cannot be acknowledged');
    expect(firstError(again).extensions).toMatchObject({
      code: 'CONFLICT',
      state: 'ACKNOWLEDGED',
      allowed: ['CLOSE', 'WITHDRAW'],
    });
    const closed = await graph.query(close, { id }, { as: 'panel-member' });
    expect(dataOf(closed).closeNationalEscalation).toMatchObject({
      status: 'CLOSED',
      closedOn: '2027-03-10',
      history: {
        nodes: [
          { kind: 'RAISED' },
          { kind: 'ACKNOWLEDGED', reason: 'Received by the Panel' },
          { kind: 'CLOSED', outcome: 'Raised with the Department; national review commissioned' },
        ],
      },
      historyChain: { intact: true, events: 3 },
    });
    const withdraw = await graph.query(
      `mutation ($id: ID!) { withdrawNationalEscalation(id: $id, reason: "No longer needed") { status } }`,
      { id },
      { as: 'east-sussex-business-manager' },
    );
    expect(firstError(withdraw)).toMatchObject({
      message: 'national escalation is CLOSED: it cannot be withdrawn',
      extensions: { code: 'CONFLICT', state: 'CLOSED', allowed: [] },
    });
    const audit = await graph.subgraphs.escalations.db.getRepository(AuditRecord).findBy({ entityId: id });
    expect(
      audit
        .filter((r) => r.outcome === 'ALLOWED')
        .map((r) => r.action)
        .filter((a) => a !== 'READ'),
    ).toEqual(['CREATE', 'UPDATE', 'UPDATE']);
    // East Sussex's attempt to acknowledge it for the Panel is on the record as a refused write.
    expect(audit.filter((r) => r.outcome === 'REFUSED')).toEqual([
      expect.objectContaining({ action: 'WRITE', subject: 'demo:east-sussex-business-manager' }),
    ]);
  });
});

describe('batching of the new lists', () => {
  const everything = gql<{
    partnerships: { nodes: Array<{ escalations: { nodes: unknown[] } }> };
  }>(`query ($reason: String) {
    partnerships(first: 10) { nodes { id
      escalations(accessReason: $reason, first: 20) { totalCount nodes { id history(first: 5) { totalCount nodes { kind agreedActions { description } } } historyChain { intact } raisedBy { id name } raisedWith { id } } }
      nationalEscalations(first: 5) { totalCount nodes { id history(first: 5) { totalCount nodes { kind } } } }
    } }
    agencies(first: 100) { nodes { id escalationsRaised(first: 5) { totalCount nodes { id history(first: 5) { nodes { kind } } } } escalationsReceived(first: 5) { totalCount nodes { id } } } }
  }`);

  async function measure(): Promise<{ cases: number; statements: Record<string, number>; reads: string[] }> {
    let cases = 0;
    let captured: string[] = [];
    const statements = await graph.countStatements(async () => {
      captured = await graph.subgraphs.escalations.statements.capture(async () => {
        const result = await graph.query(
          everything,
          { reason: 'Monthly assurance of open escalations' },
          { as: 'west-sussex-scrutineer' },
        );
        expect(result.errors).toBeUndefined();
        cases = dataOf(result).partnerships.nodes.reduce((n, p) => n + p.escalations.nodes.length, 0);
      });
    });
    // The audit trail's appends are shared by concurrent lists (group commit), so how many
    // transactions they take depends on timing, not on rows: the lists' own reads are counted.
    const reads = captured.filter((sql) => /^\s*SELECT/i.test(sql) && !/audit_/.test(sql));
    return { cases, statements: { ...statements, escalations: reads.length }, reads };
  }

  it('costs the same SQL statements for 3 West Sussex disagreements as for 13', async () => {
    setToday('2027-03-10');
    const small = await measure();
    for (let i = 0; i < 10; i++) await raiseIn(westSussex, 'sussex-health-visitor', 'OTHER', sussexPolice);
    const large = await measure();
    expect(large.cases).toBe(small.cases + 10);
    expect(large.statements).toEqual(small.statements);
    // One statement per list and one per count asked for, whatever the number of parents: the
    // disagreements, national escalations and their histories (pages and counts), the chain's whole
    // histories, and the agencies' raised and received pages and counts.
    expect(large.reads).toHaveLength(13);
    const historyPages = large.reads.filter((sql) => /FROM .escalation_events. .event. INNER JOIN/.test(sql));
    expect(historyPages).toHaveLength(1);
    expect(historyPages[0]).toMatch(/ROW_NUMBER\(\) OVER \(PARTITION BY .event.\..streamId./);
  });
});
