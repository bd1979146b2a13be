import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  demoIdentities,
  internalIdentityHeader,
  nameBasedId,
  signInternalToken,
  subgraphNames,
} from '@safeguarding/shared';
import { startGraph, type TestGraph } from './support/graph';

const disagreementId = nameBasedId('demo:disagreement:0001');
const caseQuery = `query Case($id: ID!) { professionalDisagreement(id: $id) { id caseReference } }`;

let graph: TestGraph;
let dataDir: string;
beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'around-gateway-'));
  graph = await startGraph({ production: true, overrides: { NODE_ENV: 'production', DATA_DIR: dataDir } });
}, 120_000);
afterAll(async () => {
  await graph?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function post(url: string, body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as any };
}

/** What the gateway sends with a subgraph request, signed by the gateway's own code and secret. */
const gatewayToken = (
  operation: { query: string; variables?: Record<string, unknown> },
  requestId: string | null = null,
) =>
  signInternalToken(
    { identity: demoIdentities['sussex-health-visitor']!, operationName: 'Case', requestId, operation },
    graph.secrets.internal,
  );

describe('in production, a subgraph answers the gateway only', () => {
  it('the gateway still serves a signed-in caller across the subgraphs', async () => {
    const result = await graph.query<any>(caseQuery, { id: disagreementId }, { as: 'sussex-health-visitor' });
    expect(result.errors).toBeUndefined();
    expect(result.data.professionalDisagreement.caseReference).toBe('CASE-DEMO-0001');
  });

  it.each(subgraphNames)('%s refuses a direct call without the gateway token, its schema included', async (name) => {
    const url = graph.subgraphs[name].url;
    for (const query of [
      '{ _service { sdl } }',
      '{ __typename }',
      '{ _entities(representations: [{ __typename: "Partnership", id: "x" }]) { __typename } }',
    ]) {
      const response = await post(url, { query });
      expect(response.status).toBe(401);
      expect(response.body.errors[0]).toMatchObject({
        message: 'This subgraph answers the gateway only',
        extensions: { code: 'UNAUTHENTICATED' },
      });
      expect(JSON.stringify(response.body)).not.toMatch(/type Query|@key|extend schema/);
    }
  });

  it('a captured gateway token replayed with another query is refused', async () => {
    const url = graph.subgraphs.escalations.url;
    const captured = await gatewayToken({ query: '{ __typename }' });
    const replay = await post(
      url,
      { query: caseQuery, variables: { id: disagreementId } },
      { [internalIdentityHeader]: captured },
    );
    expect(replay.status).toBe(401);
    expect(replay.body.errors[0].message).toBe('identity from the gateway was issued for another request');
    expect(JSON.stringify(replay.body)).not.toContain('CASE-DEMO');
  });

  it('nor with the same query and other variables, nor under another request id', async () => {
    const url = graph.subgraphs.escalations.url;
    const other = nameBasedId('demo:disagreement:0002');
    const forOne = await gatewayToken({ query: caseQuery, variables: { id: other } });
    expect(
      (await post(url, { query: caseQuery, variables: { id: disagreementId } }, { [internalIdentityHeader]: forOne }))
        .status,
    ).toBe(401);
    const forRequest = await gatewayToken({ query: caseQuery, variables: { id: disagreementId } }, 'req-1');
    const elsewhere = await post(
      url,
      { query: caseQuery, variables: { id: disagreementId } },
      { [internalIdentityHeader]: forRequest, 'x-request-id': 'req-2' },
    );
    expect(elsewhere.status).toBe(401);
    expect(elsewhere.body.errors[0].message).toBe('identity from the gateway was issued for another request id');
  });

  it('a token opens its own request once: the same request sent again is refused', async () => {
    const url = graph.subgraphs.escalations.url;
    const operation = { query: caseQuery, variables: { id: disagreementId } };
    const token = await gatewayToken(operation);
    const first = await post(url, operation, { [internalIdentityHeader]: token });
    expect(first.status).toBe(200);
    expect(first.body.data.professionalDisagreement.caseReference).toBe('CASE-DEMO-0001');
    const again = await post(url, operation, { [internalIdentityHeader]: token });
    expect(again.status).toBe(401);
    expect(again.body.errors[0].message).toBe('identity from the gateway was already used');
  });

  it('gives no inline trace, even to the gateway asking for one', async () => {
    for (const name of subgraphNames) {
      const operation = { query: '{ __typename }' };
      const response = await post(graph.subgraphs[name].url, operation, {
        [internalIdentityHeader]: await gatewayToken(operation),
        'apollo-federation-include-trace': 'ftv1',
      });
      expect(response.status).toBe(200);
      expect(response.body.extensions?.ftv1).toBeUndefined();
    }
  });
});
