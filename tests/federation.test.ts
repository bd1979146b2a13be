import { demoIds } from '@safeguarding/shared';
import { dataOf, startGraph, type TestGraph } from './support/graph';

let graph: TestGraph;
beforeAll(async () => {
  graph = await startGraph();
});
afterAll(() => graph?.stop());

describe('one query through the gateway', () => {
  it('crosses all five subgraphs and returns the pan-Sussex demo data', async () => {
    const result = await graph.query<{
      partnership: {
        name: string;
        localAuthorities: unknown;
        partners: unknown;
        relevantAgencies: { nodes: Array<{ name: string }> };
        schools: { nodes: Array<{ localAuthority: unknown }> };
        practiceReviews: { nodes: unknown };
        escalationPolicy: { stages: Array<{ position: number }> };
      };
    }>(
      `query ($id: ID!) {
        partnership(id: $id) {
          name status
          localAuthorities { gssCode name }
          partners { kind code organisation { name kind } }
          relevantAgencies(first: 20) { nodes { name scheduleCategory } }
          schools(first: 20) { nodes { urn name localAuthority { name gssCode } } }
          practiceReviews(first: 20) { nodes { title status publicationDeadline { due rule basis status completedOn } } }
          escalationPolicy { stages { position name timescaleWorkingDays } }
        }
      }`,
      { id: demoIds.partnerships.westSussex },
    );
    expect(result.errors).toBeUndefined();
    const partnership = dataOf(result).partnership;
    expect(partnership.name).toBe('West Sussex Safeguarding Children Partnership');
    expect(partnership.localAuthorities).toEqual([{ gssCode: 'E10000032', name: 'West Sussex' }]);
    // partnerships -> agencies
    expect(partnership.partners).toEqual(
      expect.arrayContaining([
        { kind: 'LOCAL_AUTHORITY', code: 'E10000032', organisation: { name: 'West Sussex', kind: 'LOCAL_AUTHORITY' } },
        {
          kind: 'INTEGRATED_CARE_BOARD',
          code: 'QNX',
          organisation: { name: 'NHS Sussex Integrated Care Board', kind: 'INTEGRATED_CARE_BOARD' },
        },
        { kind: 'POLICE', code: 'E23000033', organisation: { name: 'Sussex police force', kind: 'POLICE' } },
      ]),
    );
    // agencies
    expect(partnership.relevantAgencies.nodes.map((a) => a.name)).toContain(
      'Sussex Community NHS Foundation Trust (demo)',
    );
    // schools -> agencies
    expect(partnership.schools.nodes).toHaveLength(2);
    for (const school of partnership.schools.nodes)
      expect(school.localAuthority).toEqual({ name: 'West Sussex', gssCode: 'E10000032' });
    // reviews: the published demo review, its 6-month clock met
    expect(partnership.practiceReviews.nodes).toEqual([
      {
        title: 'Child Q (demo): learning about neglect and school absence',
        status: 'PUBLISHED',
        publicationDeadline: expect.objectContaining({
          due: '2025-09-10',
          rule: '6 months after 2025-03-10',
          status: 'MET',
          completedOn: '2025-09-01',
        }),
      },
    ]);
    // escalations: the published policy
    expect(partnership.escalationPolicy.stages.map((s) => s.position)).toEqual([1, 2, 3, 4, 5]);
  });

  it('resolves an entity reference back across subgraphs (school -> agency, partner -> agency)', async () => {
    const result = await graph.query<{ school: { localAuthority: { kind: string; dfeCode: string } } }>(
      '{ school(urn: "990001") { name localAuthority { kind dfeCode } } }',
    );
    expect(result.errors).toBeUndefined();
    expect(dataOf(result).school.localAuthority).toEqual({ kind: 'LOCAL_AUTHORITY', dfeCode: '846' });
  });

  it('keeps case-level data from an anonymous caller, even when reached through a public entity', async () => {
    const result = await graph.query(
      `query ($id: ID!) { partnership(id: $id) { name escalations { nodes { caseReference } } } }`,
      { id: demoIds.partnerships.westSussex },
    );
    expect(result.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
    expect(JSON.stringify(result)).not.toContain('CASE-DEMO');
  });
});
