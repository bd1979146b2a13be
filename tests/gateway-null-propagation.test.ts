import { demoIds, demoSystems, type Identity } from '@safeguarding/shared';
import { startGraph, type GraphQLResponse, type TestGraph } from './support/graph';

/**
 * The GraphQL spec's null propagation (Errors and Non-Null, "Handling Field Errors") through the
 * real gateway: where another subgraph refuses or fails an entity inside a non-null list item or
 * field, the nearest nullable parent is null (one null, not a null per entity telling how many),
 * and the errors keep the paths they were raised at.
 */
let graph: TestGraph;
beforeAll(async () => {
  graph = await startGraph();
});
afterAll(() => graph.stop());

type Failure = NonNullable<GraphQLResponse['errors']>[number];

const codes = (errors: readonly Failure[] | undefined) => [
  ...new Set((errors ?? []).map((e) => e.extensions?.['code'])),
];

describe('an entity refused by its own subgraph inside a non-null list', () => {
  it('Viewer.partnerships ([Partnership!]) is null for a system without read, with FORBIDDEN at each refused partnership', async () => {
    const police = demoSystems['sussex-police-case-system'];
    const client = police?.client;
    if (!police || !client) throw new Error('the demo has no police case system');
    const writer: Identity = { ...police, client: { ...client, scopes: ['referrals:write'] } };
    const result = await graph.query<{ viewer: { kind: string; partnerships: unknown } }>(
      '{ viewer { kind partnerships { id name } } }',
      {},
      { authorization: `Bearer ${await graph.tokenFor(writer)}` },
    );
    expect(result.data?.viewer).toEqual({ kind: 'SYSTEM', partnerships: null });
    expect(result.errors?.length).toBeGreaterThan(0);
    expect(codes(result.errors)).toEqual(['FORBIDDEN']);
    for (const error of result.errors ?? []) {
      expect(error.message).toContain('scope read');
      // Where each refusal was raised: at a partnership of the list, not moved to the list.
      expect(error.path?.slice(0, 3)).toEqual(['viewer', 'partnerships', expect.any(Number)]);
    }
  });
});

describe('entities of a subgraph that is down, inside non-null list items and non-null fields', () => {
  const arrangements = `query ($id: ID!) {
    partnership(id: $id) {
      name
      publishedArrangements {
        version
        relevantAgencies { totalCount nodes { id agencyName: name } }
        relevantSchools { totalCount nodes { urn ... on School { name } } }
      }
    }
  }`;
  interface Arrangements {
    partnership: {
      name: string;
      publishedArrangements: {
        version: number;
        relevantAgencies: { totalCount: number; nodes: Array<{ id: string; agencyName: string }> | null };
        relevantSchools: { totalCount: number; nodes: Array<{ urn: string; name: string }> | null };
      };
    };
  }
  const variables = { id: demoIds.partnerships.westSussex };

  it('answers the nearest nullable list null (ArrangementsAgencyConnection.nodes, ArrangementsSchoolConnection.nodes), keeping everything else', async () => {
    const whole = await graph.query<Arrangements>(arrangements, variables);
    expect(whole.errors).toBeUndefined();
    const partnership = whole.data?.partnership;
    if (!partnership) throw new Error('West Sussex has no partnership');
    const before = partnership.publishedArrangements;
    expect(before.relevantAgencies.nodes?.length).toBeGreaterThan(0);
    expect(before.relevantSchools.nodes?.length).toBeGreaterThan(0);

    await graph.stopSubgraph('agencies');
    await graph.stopSubgraph('schools');
    const result = await graph.query<Arrangements>(arrangements, variables);
    // Agency.name and School.name are non-null: each unresolved entity is null in a non-null item,
    // so each list is null, once, and the page's own fields stay.
    expect(result.data).toEqual({
      partnership: {
        ...partnership,
        publishedArrangements: {
          version: before.version,
          relevantAgencies: { totalCount: before.relevantAgencies.totalCount, nodes: null },
          relevantSchools: { totalCount: before.relevantSchools.totalCount, nodes: null },
        },
      },
    });
    const errors = result.errors ?? [];
    expect(codes(errors)).toEqual(['SERVICE_UNAVAILABLE']);
    const lists = new Set(errors.map((error) => error.path?.slice(0, 4).join('.')));
    expect([...lists].sort()).toEqual([
      'partnership.publishedArrangements.relevantAgencies.nodes',
      'partnership.publishedArrangements.relevantSchools.nodes',
    ]);
    // Each at the field that failed, by its alias, in the item it belonged to.
    for (const error of errors) {
      const [connection, , index, field] = error.path?.slice(2) ?? [];
      expect(error.path).toHaveLength(6);
      expect(index).toEqual(expect.any(Number));
      expect([connection, field, error.extensions?.['serviceName']]).toEqual(
        connection === 'relevantAgencies'
          ? ['relevantAgencies', 'agencyName', 'agencies']
          : ['relevantSchools', 'name', 'schools'],
      );
    }
  });
});

describe('a POST without a query', () => {
  it('is a bad request saying the query is missing, not invalid JSON', async () => {
    for (const body of ['{}', '{"variables":{}}']) {
      const response = await fetch(graph.gatewayUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      });
      expect(response.status).toBe(400);
      const answer = (await response.json()) as GraphQLResponse;
      expect(answer.errors).toEqual([
        expect.objectContaining({
          message: expect.stringContaining('`query`') as unknown,
          extensions: expect.objectContaining({ code: 'BAD_REQUEST' }) as unknown,
        }),
      ]);
      expect(answer.errors?.[0]?.message).not.toMatch(/JSON/);
    }
  });
});
