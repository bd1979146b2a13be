import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SignJWT } from 'jose';
import {
  ConfigError,
  demoIdentities,
  demoIds,
  internalIdentityHeader,
  nameBasedId,
  signInternalToken,
  startSubgraph,
  subgraphNames,
} from '@safeguarding/shared';
import { subgraphs } from '@safeguarding/gateway';
import { startGraph, testConfig, useSubgraphAuth, type TestGraph } from './support/graph';

/**
 * The Router path (issue 20, item 4), without a Router binary: the subgraphs run with
 * SUBGRAPH_AUTH=jwks and verify each caller's own JWT against the identity provider's key set, and
 * the gateway forwards the caller's Authorization header instead of minting its token, as Router's
 * header propagation does. The suite's security cases run again here, unchanged, in that mode.
 */
useSubgraphAuth('jwks');

describe('every mutation refused to outsiders (security-mutations), through the Router path', () => {
  require('./security-mutations.test');
});
describe('who owns what a mutation changes (security-writes), through the Router path', () => {
  require('./security-writes.test');
});
describe('query limits (security-limits), through the Router path', () => {
  require('./security-limits.test');
});

const disagreementId = nameBasedId('demo:disagreement:0001');
const caseQuery = `query Case($id: ID!) { professionalDisagreement(id: $id) { id caseReference } }`;
const westSussex = demoIds.partnerships.westSussex;
const publicQuery = `{ _entities(representations: [{ __typename: "Partnership", id: "${westSussex}" }]) { ... on Partnership { escalationPolicy { stages { name } } } } }`;

async function post(
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: any }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: await response.json() };
}

describe('a subgraph behind a Router (SUBGRAPH_AUTH=jwks)', () => {
  let graph: TestGraph;
  beforeAll(async () => {
    graph = await startGraph();
  });
  afterAll(() => graph?.stop());
  const escalations = () => graph.subgraphs.escalations.url;

  it('runs in the mode asked for', () => {
    expect(graph.subgraphAuth).toBe('jwks');
  });

  it('serves a caller by the token the Router propagates, with the same identity the gateway would see', async () => {
    const token = await graph.tokenFor('sussex-health-visitor');
    const response = await post(
      escalations(),
      { query: caseQuery, variables: { id: disagreementId } },
      { authorization: `Bearer ${token}` },
    );
    expect(response.status).toBe(200);
    expect(response.body.data.professionalDisagreement.id).toBe(disagreementId);
    const viaGateway = await graph.query<{ professionalDisagreement: { id: string } }>(
      caseQuery,
      { id: disagreementId },
      { as: 'sussex-health-visitor' },
    );
    expect(viaGateway.data?.professionalDisagreement.id).toBe(disagreementId);
  });

  it('refuses what the gateway refuses, with the same reasons', async () => {
    const identity = demoIdentities['sussex-health-visitor']!;
    const cases: Array<[string, string, string]> = [
      [
        'shared secret',
        await new SignJWT({ org: identity.organisation, roles: identity.roles, partnerships: identity.partnershipIds })
          .setProtectedHeader({ alg: 'HS256' })
          .setSubject('x')
          .setIssuer('test-issuer')
          .setAudience('test-audience')
          .setExpirationTime('5m')
          .sign(new TextEncoder().encode(graph.secrets.jwt)),
        'The token is signed with an algorithm that is not accepted',
      ],
      ['not a bearer', 'Basic dXNlcjpwYXNz', 'The Authorization header must be "Bearer" followed by a JWT'],
    ];
    for (const [, token, reason] of cases) {
      const authorization = token.startsWith('Basic') ? token : `Bearer ${token}`;
      const direct = await post(
        escalations(),
        { query: caseQuery, variables: { id: disagreementId } },
        { authorization },
      );
      expect(direct.status).toBe(401);
      expect(direct.body.errors[0].message).toContain(reason);
      expect(JSON.stringify(direct.body)).not.toContain('CASE-DEMO');
      const viaGateway = await graph.query(caseQuery, { id: disagreementId }, { authorization });
      expect(viaGateway.errors?.[0]?.message).toContain(reason);
    }
  });

  it('refuses a token signed by the provider whose claims break the rules, naming the claim', async () => {
    const broken = {
      ...demoIdentities['sussex-health-visitor']!,
      organisation: { id: 'x'.repeat(64), kind: 'POLICE' as const },
    };
    const token = await graph.tokenFor(broken);
    const direct = await post(
      escalations(),
      { query: caseQuery, variables: { id: disagreementId } },
      { authorization: `Bearer ${token}` },
    );
    expect(direct.status).toBe(401);
    expect(direct.body.errors[0].message).toContain(
      'claim org.id must be an agency id (a UUID) or a school URN (6 digits)',
    );
  });

  it('serves an anonymous caller public data only', async () => {
    const publicData = await post(escalations(), { query: publicQuery });
    expect(publicData.body.data._entities[0].escalationPolicy.stages).toHaveLength(5);
    const caseData = await post(escalations(), { query: caseQuery, variables: { id: disagreementId } });
    expect(caseData.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it("still accepts the gateway's own token, so the gateway and a Router can stand in front at once", async () => {
    const operation = { query: caseQuery, variables: { id: disagreementId } };
    const token = await signInternalToken(
      { identity: demoIdentities['sussex-health-visitor']!, operationName: 'Case', requestId: null, operation },
      graph.secrets.internal,
    );
    const response = await post(escalations(), operation, { [internalIdentityHeader]: token });
    expect(response.body.data.professionalDisagreement.id).toBe(disagreementId);
  });
});

describe('in production behind a Router', () => {
  let graph: TestGraph;
  let dataDir: string;
  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'router-mode-'));
    graph = await startGraph({
      production: true,
      demoData: true,
      overrides: { NODE_ENV: 'production', DATA_DIR: dataDir },
    });
  }, 120_000);
  afterAll(async () => {
    await graph?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('serves anonymous public reads, as a Router passes them on without any header', async () => {
    for (const name of ['escalations'] as const) {
      const response = await post(graph.subgraphs[name].url, { query: publicQuery });
      expect(response.body.data._entities[0].escalationPolicy.stages).toHaveLength(5);
    }
  });

  it('refuses an anonymous caller its schema: no _service, no introspection, in any subgraph', async () => {
    for (const name of subgraphNames) {
      for (const query of [
        '{ _service { sdl } }',
        '{ __schema { types { name } } }',
        '{ __type(name: "Query") { name } }',
        'query { a: _service { sdl } }',
      ]) {
        const response = await post(graph.subgraphs[name].url, { query });
        expect(response.status).toBe(401);
        expect(JSON.stringify(response.body)).not.toContain('extend schema');
      }
    }
  });

  it('serves a signed-in caller through the gateway forwarding its token, across the subgraphs', async () => {
    const answer = await graph.query<{ professionalDisagreement: { id: string } }>(
      caseQuery,
      { id: disagreementId },
      { as: 'sussex-health-visitor' },
    );
    expect(answer.data?.professionalDisagreement.id).toBe(disagreementId);
  });
});

it('refuses to start with SUBGRAPH_AUTH=jwks and no key set to verify against', async () => {
  const config = testConfig({ SUBGRAPH_AUTH: 'jwks' });
  await expect(startSubgraph(subgraphs[0]!, config)).rejects.toThrow(ConfigError);
  await expect(startSubgraph(subgraphs[0]!, config)).rejects.toThrow('AUTH_JWKS_URL: required when SUBGRAPH_AUTH=jwks');
});
