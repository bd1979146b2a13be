import { demoIds, mintDevelopmentToken, Role, type Identity } from '@safeguarding/shared';
import { dataOf, gql, startGraph, type TestGraph } from './support/graph';

// Working Together 2023 ch. 2: a yearly report published by 30 September after the financial year.
const today = new Date('2026-11-22T12:00:00Z');
let graph: TestGraph;
beforeAll(async () => {
  graph = await startGraph({ now: () => today });
});
afterAll(() => graph?.stop());

interface YearlyReportObligation {
  financialYear: string;
  status: string;
  reasons: string[];
  report: { id: string } | null;
  publicationDeadline: { due: string; rule: string };
}
const obligations = gql<{
  partnership: { yearlyReportObligations: { totalCount: number; nodes: YearlyReportObligation[] } | null } | null;
}>(
  `query ($id: ID!) { partnership(id: $id) { yearlyReportObligations { totalCount nodes { financialYear status reasons report { id } publicationDeadline { due rule } } } } }`,
);

describe('a partnership sees its own yearly-report obligations', () => {
  it('shows East Sussex its 2025-26 report as OVERDUE with the rule, though none is recorded, and every year it was in force', async () => {
    const result = await graph.query(
      obligations,
      { id: demoIds.partnerships.eastSussex },
      { as: 'east-sussex-business-manager' },
    );
    expect(result.errors).toBeUndefined();
    const listed = dataOf(result).partnership?.yearlyReportObligations;
    const years = listed?.nodes ?? [];
    expect(listed?.totalCount).toBe(years.length);
    const byYear = new Map(years.map((y) => [y.financialYear, y]));
    expect(byYear.get('2025-26')).toMatchObject({
      status: 'OVERDUE',
      reasons: ['not published by 2026-09-30'],
      report: null,
      publicationDeadline: { due: '2026-09-30', rule: '30 September after the financial year 2025-26 ends' },
    });
    expect(byYear.get('2024-25')).toMatchObject({ status: 'COMPLETE' });
    expect(byYear.get('2026-27')).toMatchObject({ status: 'NOT_YET_DUE' });
    // In force since 29 September 2019: every year from 2019-20 on, newest first.
    expect(years.map((y) => y.financialYear)).toEqual([
      '2026-27',
      '2025-26',
      '2024-25',
      '2023-24',
      '2022-23',
      '2021-22',
      '2020-21',
      '2019-20',
    ]);
  });

  it('shows the obligations to no one outside the partnership', async () => {
    const result = await graph.query(
      obligations,
      { id: demoIds.partnerships.eastSussex },
      { as: 'west-sussex-business-manager' },
    );
    expect(dataOf(result).partnership?.yearlyReportObligations?.nodes ?? []).toEqual([]);
  });
});

describe("the Panel's compliance list", () => {
  it('counts a year only for partnerships in force on its due date', async () => {
    const create = gql<{ createPartnership: { id: string; partners: Array<{ id: string }> } }>(
      `mutation ($input: CreatePartnershipInput!) { createPartnership(input: $input) { id partners { id } } }`,
    );
    const created = await graph.query(
      create,
      {
        input: {
          name: 'Hartlepool (late start, test)',
          localAuthorityGssCodes: ['E06000001'],
          integratedCareBoardOdsCodes: ['QHM'],
          policeForceGssCodes: ['E23000013'],
        },
      },
      { as: 'national-administrator' },
    );
    const { id, partners } = dataOf(created).createPartnership;
    const identity: Identity = {
      subject: 'test:manager:late',
      organisation: { id: 'a3f1c2d4-0000-4000-8000-000000000001', kind: 'LOCAL_AUTHORITY' },
      roles: [Role.PARTNERSHIP_BUSINESS_MANAGER],
      partnershipIds: [id],
    };
    const manager = `Bearer ${await mintDevelopmentToken(identity, { secret: graph.secrets.jwt, issuer: 'test-issuer', audience: 'test-audience' })}`;
    for (const partner of partners) {
      await graph.query(
        `mutation ($p: ID!) { nameLeadSafeguardingPartner(partnerId: $p, input: { name: "F. Example", office: "Chief Executive", namedOn: "2026-10-01" }) { id } }`,
        { p: partner.id },
        { authorization: manager },
      );
    }
    const activated = await graph.query(
      `mutation ($id: ID!) { activatePartnership(id: $id, activeFrom: "2026-11-01") { status } }`,
      { id },
      { authorization: manager },
    );
    expect(activated.errors).toBeUndefined();

    const compliance = await graph.query<{
      yearlyReportCompliance: { nodes: Array<{ partnership: { id: string }; status: string }> };
    }>(
      '{ yearlyReportCompliance(financialYear: "2025-26", first: 100) { nodes { partnership { id } status } } }',
      {},
      { as: 'panel-member' },
    );
    expect(compliance.errors).toBeUndefined();
    const listed = dataOf(compliance).yearlyReportCompliance.nodes.map((row) => row.partnership.id);
    expect(listed).not.toContain(id);
    expect(dataOf(compliance).yearlyReportCompliance.nodes).toContainEqual({
      partnership: { id: demoIds.partnerships.eastSussex },
      status: 'OVERDUE',
    });

    // Its own staff see no 2025-26 obligation either (begun after its due date), only the year it began in.
    const own = await graph.query(obligations, { id }, { authorization: manager });
    expect(dataOf(own).partnership?.yearlyReportObligations?.nodes.map((y) => y.financialYear)).toEqual(['2026-27']);
  });
});
