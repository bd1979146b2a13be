import { demoIds, statutoryOrganisationId } from '@safeguarding/shared';
import { dataOf, gql, startGraph, type TestGraph } from './support/graph';

// Small-number suppression protects children in what is published or shared nationally; the
// partnership's own staff see exact counts of their own cases.
const now = new Date('2027-03-01T10:00:00Z');
let graph: TestGraph;
beforeAll(async () => {
  graph = await startGraph({ now: () => now });
});
afterAll(() => graph?.stop());

const eastSussex = demoIds.partnerships.eastSussex;
const eastSussexCouncil = statutoryOrganisationId({ kind: 'LOCAL_AUTHORITY', dfeCode: '845' });
interface Count {
  count: number | null;
  suppressed: boolean;
}
interface EscalationReport {
  raised: Count;
  open: Count;
  resolved: Count;
  byIssueType: Array<{ issueType: string; raised: Count }>;
  byOrganisationPair: { nodes: Array<{ raised: Count }> };
  timeToResolve: { medianWorkingDays: number | null; meanWorkingDays: number | null };
}
const report = (published: boolean) =>
  gql<{
    partnership: { escalationReport: EscalationReport };
  }>(`query ($p: ID!) { partnership(id: $p) { escalationReport(from: "2027-03-01", to: "2027-03-31"${published ? ', published: true' : ''}) {
  raised { count suppressed } open { count suppressed } resolved { count suppressed }
  byIssueType { issueType raised { count suppressed } } byOrganisationPair { nodes { raised { count suppressed } } }
  timeToResolve { medianWorkingDays meanWorkingDays } } } }`);

describe('suppression', () => {
  beforeAll(async () => {
    for (let i = 0; i < 3; i++) {
      const result = await graph.query(
        `mutation ($input: RaiseProfessionalDisagreementInput!) { raiseProfessionalDisagreement(input: $input) { id } }`,
        {
          input: {
            partnershipId: eastSussex,
            caseReference: `CASE-S-${i}`,
            raisedWithAgencyId: eastSussexCouncil,
            issueType: 'INFORMATION_SHARING',
            summary: 'Suppression test (fictional)',
          },
        },
        { as: 'sussex-police-officer' },
      );
      expect(result.errors).toBeUndefined();
    }
  });

  it("gives the partnership's own staff exact counts of their own cases, however small", async () => {
    const result = await graph.query(report(false), { p: eastSussex }, { as: 'east-sussex-business-manager' });
    expect(result.errors).toBeUndefined();
    const r = dataOf(result).partnership.escalationReport;
    expect(r.raised).toEqual({ count: 3, suppressed: false });
    expect(r.open).toEqual({ count: 3, suppressed: false });
    expect(r.resolved).toEqual({ count: 0, suppressed: false });
    expect(r.byIssueType.find((c) => c.issueType === 'INFORMATION_SHARING')?.raised).toEqual({
      count: 3,
      suppressed: false,
    });
    expect(r.byOrganisationPair.nodes).toEqual([{ raised: { count: 3, suppressed: false } }]);
    // Nothing resolved: no average to give, rather than a made-up 0.
    expect(r.timeToResolve).toEqual({ medianWorkingDays: null, meanWorkingDays: null });
  });

  it('suppresses the same counts in the report as it may be published or shared', async () => {
    const r = dataOf(await graph.query(report(true), { p: eastSussex }, { as: 'east-sussex-business-manager' }))
      .partnership.escalationReport;
    expect(r.raised).toEqual({ count: null, suppressed: true });
    expect(r.byOrganisationPair.nodes).toEqual([{ raised: { count: null, suppressed: true } }]);
    expect(JSON.stringify(r)).not.toMatch(/"count":[1-4]\b/);
  });
});
