import {
  createLogger,
  demoIds,
  internalIdentityHeader,
  signInternalToken,
  startSubgraph,
  type RunningSubgraph,
  type SubgraphConfig,
} from '@safeguarding/shared';
import { subgraphs } from '@safeguarding/gateway';
import { dropDatabases, onMysql, startGraph, testConfig, type TestGraph } from './support/graph';

/**
 * Issue 19 item 3: the gateway's requests to a subgraph are held to INTERNAL_BODY_LIMIT_BYTES, not
 * to the public BODY_LIMIT_BYTES (an entity fetch carries a page's representations and outgrows a
 * client's own request), and when a subgraph does refuse one as too large the caller gets
 * PAYLOAD_TOO_LARGE at the fields' paths, the rest of the answer intact. Item 2: the cost limit,
 * which the gateway applied to the client's whole operation, is not computed again for the parts
 * it sends, and still is for a direct call.
 */
const dashboard = `query ($id: ID!) {
  partnership(id: $id) {
    name
    relevantAgencies(first: 5) { nodes { name } }
    schools(first: 5) { nodes { name localAuthority { name } } }
  }
}`;

interface Failure {
  message: string;
  path?: Array<string | number>;
  extensions?: Record<string, unknown>;
}

// A body over the public limit below, as a client or a forger would send it.
const bigBody = (query: string) => JSON.stringify({ query, variables: { padding: 'x'.repeat(4000) } });

describe('the public body limit does not apply to the gateway', () => {
  let graph: TestGraph;
  // Smaller than any of the gateway's subgraph requests here (125 to 280 bytes), so each would be refused under it.
  beforeAll(async () => {
    graph = await startGraph({ overrides: { BODY_LIMIT_BYTES: '100' } });
  });
  afterAll(() => graph?.stop());

  it('serves every subgraph request the gateway sends, each past the public limit', async () => {
    const result = await graph.query<{
      partnership: {
        name: string;
        relevantAgencies: { nodes: unknown[] };
        schools: { nodes: Array<{ localAuthority: unknown }> };
      };
    }>(dashboard, {
      id: demoIds.partnerships.westSussex,
    });
    expect(result.errors).toBeUndefined();
    expect(result.data?.partnership.name).toBe('West Sussex Safeguarding Children Partnership');
    expect(result.data?.partnership.relevantAgencies.nodes.length).toBeGreaterThan(0);
    expect(result.data?.partnership.schools.nodes.length).toBeGreaterThan(0);
  });

  it('still holds a direct call to the public limit, with the limit named', async () => {
    const response = await fetch(graph.subgraphs.partnerships.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: bigBody('{ __typename }'),
    });
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({
      errors: [
        { message: 'Request body is larger than the limit of 100 bytes', extensions: { code: 'PAYLOAD_TOO_LARGE' } },
      ],
    });
  });

  it('holds a request with a forged or expired gateway token to the public limit', async () => {
    const query = '{ __typename }';
    const body = bigBody(query);
    const forged = await signInternalToken(
      { identity: null, operationName: null, requestId: null, operation: { query } },
      'not-the-secret-not-the-secret-not-the-secret',
    );
    for (const token of [forged, 'not.a.token']) {
      const response = await fetch(graph.subgraphs.partnerships.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [internalIdentityHeader]: token },
        body,
      });
      expect(response.status).toBe(413);
      expect(((await response.json()) as { errors: Failure[] }).errors[0]!.extensions).toEqual({
        code: 'PAYLOAD_TOO_LARGE',
      });
    }
  });

  it('reads a larger body for a valid token, and still refuses it when it is bound to another request', async () => {
    const query = 'query ($padding: String) { __typename }';
    const token = await signInternalToken(
      { identity: null, operationName: null, requestId: null, operation: { query, variables: { padding: 'y' } } },
      graph.secrets.internal,
    );
    const response = await fetch(graph.subgraphs.partnerships.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [internalIdentityHeader]: token },
      body: bigBody(query),
    });
    const answer = (await response.json()) as { data?: unknown; errors?: Failure[] };
    expect(answer.data ?? null).toBeNull();
    expect(answer.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
    expect(answer.errors?.[0]?.message).toContain('issued for another request');
  });
});

describe("a subgraph's 413 through the gateway", () => {
  let graph: TestGraph;
  beforeAll(async () => {
    // Big enough for the root fetch of the partnership (125 bytes), too small for the entity fetches it leads to (255 and 276).
    graph = await startGraph({ overrides: { INTERNAL_BODY_LIMIT_BYTES: '200' } });
  });
  afterAll(() => graph?.stop());

  it('reaches the caller as PAYLOAD_TOO_LARGE at the path, the other fields still answered', async () => {
    const result = await graph.query<{
      partnership: { name: string; relevantAgencies: unknown; schools: unknown } | null;
    }>(dashboard, { id: demoIds.partnerships.westSussex });
    expect(result.data?.partnership?.name).toBe('West Sussex Safeguarding Children Partnership');
    const errors = (result.errors ?? []) as Failure[];
    expect(errors.length).toBeGreaterThan(0);
    for (const error of errors) {
      expect(error.extensions).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', retryable: false });
      expect(error.message).not.toMatch(/Internal server error/);
      expect(error.path?.[0]).toBe('partnership');
    }
    expect(new Set(errors.map((error) => error.path?.[1]))).toEqual(new Set(['relevantAgencies', 'schools']));
    expect(result.data?.partnership?.relevantAgencies).toBeNull();
    expect(result.data?.partnership?.schools).toBeNull();
  });
});

describe('the cost limit', () => {
  let config: SubgraphConfig;
  let partnerships: RunningSubgraph;
  beforeAll(async () => {
    config = testConfig({ DEMO_DATA: 'true', MAX_COST: '50' });
    if (onMysql) await dropDatabases(config);
    partnerships = await startSubgraph(
      subgraphs.find((definition) => definition.name === 'partnerships')!,
      config,
      { logger: createLogger('test', 'silent'), startWorkers: false },
    );
  });
  afterAll(async () => {
    await partnerships?.stop();
    if (onMysql) await dropDatabases(config);
  });

  // 100 × (2 + 1.5 × (2 + 1.5)) = 725, over the limit of 50.
  const query = '{ partnerships(first: 100) { nodes { name } } }';
  const send = async (headers: Record<string, string>) => {
    const response = await fetch(partnerships.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query }),
    });
    return {
      status: response.status,
      body: (await response.json()) as { data?: { partnerships: { nodes: unknown[] } }; errors?: Failure[] },
    };
  };

  it('still applies to a direct call', async () => {
    const { status, body } = await send({});
    expect(status).toBe(400);
    expect(body.errors?.[0]).toMatchObject({
      message: 'Query Cost limit of 50 exceeded, found 725.',
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    });
  });

  it('is not computed again for a request the gateway vouches for, and a forged token does not skip it', async () => {
    const token = await signInternalToken(
      { identity: null, operationName: null, requestId: null, operation: { query } },
      config.INTERNAL_TOKEN_SECRET!,
    );
    const vouched = await send({ [internalIdentityHeader]: token });
    expect(vouched.body.errors).toBeUndefined();
    expect(vouched.body.data?.partnerships.nodes.length).toBeGreaterThan(0);
    const forged = await signInternalToken(
      { identity: null, operationName: null, requestId: null, operation: { query } },
      'not-the-secret-not-the-secret-not-the-secret',
    );
    const refused = await send({ [internalIdentityHeader]: forged });
    expect(refused.body.data ?? null).toBeNull();
    expect(refused.body.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
  });
});
