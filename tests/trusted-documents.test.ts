import { createAuthenticator, readSupergraph, startGateway } from '@safeguarding/gateway';
import { createLogger, documentHash, TrustedDocuments, subgraphNames, type RunningHttpService } from '@safeguarding/shared';
import { startGraph, type TestGraph } from './support/graph';

const partnerships = 'query Partnerships { partnerships { nodes { name } } }';
const manifest = { [documentHash(partnerships)]: partnerships };

let graph: TestGraph;
let gateway: RunningHttpService;
beforeAll(async () => {
  graph = await startGraph();
  // A second gateway over the same subgraphs, as production would run it with a manifest.
  gateway = await startGateway({
    supergraphSdl: readSupergraph(),
    subgraphUrls: Object.fromEntries(subgraphNames.map((name) => [name, graph.subgraphs[name].url])),
    host: '127.0.0.1',
    port: 0,
    logger: createLogger('test', 'silent'),
    production: true,
    authenticator: createAuthenticator({ secret: graph.secrets.jwt, issuer: 'test-issuer', audience: 'test-audience' }),
    internalTokenSecret: graph.secrets.internal,
    trustedDocuments: TrustedDocuments.fromManifest(manifest),
  });
});
afterAll(async () => {
  await gateway?.stop();
  await graph?.stop();
});

async function post(body: unknown) {
  const response = await fetch(gateway.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: response.status, body: (await response.json()) as any };
}

describe('trusted documents: registered operations only', () => {
  it('runs a registered operation sent by its hash, by documentId, or as its text', async () => {
    for (const body of [
      { extensions: { persistedQuery: { version: 1, sha256Hash: documentHash(partnerships) } } },
      { documentId: `sha256:${documentHash(partnerships)}` },
      { query: partnerships },
    ]) {
      const answer = await post(body);
      expect(answer.status).toBe(200);
      expect(answer.body.data.partnerships.nodes).toHaveLength(3);
    }
  });

  it('runs one by hash over GET too', async () => {
    const url = new URL(gateway.url);
    url.searchParams.set('extensions', JSON.stringify({ persistedQuery: { version: 1, sha256Hash: documentHash(partnerships) } }));
    const response = await fetch(url, { headers: { 'apollo-require-preflight': 'true' } });
    expect(response.status).toBe(200);
    expect(((await response.json()) as any).data.partnerships.nodes).toHaveLength(3);
  });

  it('refuses any other document, and an unknown hash, with DOCUMENT_NOT_TRUSTED', async () => {
    const other = await post({ query: '{ partnerships { nodes { name id } } }' });
    expect(other.status).toBe(400);
    expect(other.body.errors[0]).toMatchObject({ extensions: { code: 'DOCUMENT_NOT_TRUSTED' } });
    const unknown = await post({ extensions: { persistedQuery: { version: 1, sha256Hash: 'b'.repeat(64) } } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors[0].extensions.code).toBe('DOCUMENT_NOT_TRUSTED');
    expect(unknown.body.errors[0].message).toBe('This graph accepts registered operations only, and that hash is not registered');
  });

  it('lets no client register a document through automatic persisted queries', async () => {
    const query = '{ partnerships { nodes { id } } }';
    const register = await post({ query, extensions: { persistedQuery: { version: 1, sha256Hash: documentHash(query) } } });
    expect(register.status).toBe(400);
    const reuse = await post({ extensions: { persistedQuery: { version: 1, sha256Hash: documentHash(query) } } });
    expect(reuse.status).toBe(400);
    expect(reuse.body.errors[0].extensions.code).toBe('DOCUMENT_NOT_TRUSTED');
  });

  it('refuses a manifest whose hash is not its document\'s', () => {
    expect(() => TrustedDocuments.fromManifest({ ['0'.repeat(64)]: partnerships })).toThrow("the hash is not the document's sha256");
    expect(() => TrustedDocuments.fromManifest([partnerships])).toThrow('must be a JSON object');
  });

  it('the graph\'s ordinary gateway, without a manifest, still takes any document', async () => {
    expect((await graph.query('{ partnerships { nodes { id } } }')).errors).toBeUndefined();
  });
});
