import { createAuthenticator, readSupergraph, startGateway } from '@safeguarding/gateway';
import fs from 'node:fs';
import { parse, print } from 'graphql';
import {
  createLogger,
  documentHash,
  formatTrustedDocumentsManifest,
  subgraphNames,
  TrustedDocuments,
  trustedDocumentsManifest,
  trustedDocumentsManifestPath,
  type RunningHttpService,
} from '@safeguarding/shared';
import { trustedOperations } from './support/example-operations';
import { startGraph, type TestGraph } from './support/graph';

const partnerships = 'query Partnerships { partnerships { nodes { name } } }';
const manifest = { [documentHash(partnerships)]: partnerships };

let graph: TestGraph;
let gateway: RunningHttpService;
let examplesGateway: RunningHttpService;
beforeAll(async () => {
  graph = await startGraph();
  // A second gateway over the same subgraphs, as production would run it with a manifest.
  gateway = await productionGateway(TrustedDocuments.fromManifest(manifest));
  // A third, with the manifest `npm run trusted-documents` writes from the example operations.
  examplesGateway = await productionGateway(TrustedDocuments.fromFile(trustedDocumentsManifestPath));
});
afterAll(async () => {
  await examplesGateway?.stop();
  await gateway?.stop();
  await graph?.stop();
});

function productionGateway(trustedDocuments: TrustedDocuments): Promise<RunningHttpService> {
  return startGateway({
    supergraphSdl: readSupergraph(),
    subgraphUrls: Object.fromEntries(subgraphNames.map((name) => [name, graph.subgraphs[name].url])),
    host: '127.0.0.1',
    port: 0,
    logger: createLogger('test', 'silent'),
    production: true,
    authenticator: createAuthenticator({ secret: graph.secrets.jwt, issuer: 'test-issuer', audience: 'test-audience' }),
    internalTokenSecret: graph.secrets.internal,
    trustedDocuments,
  });
}

async function post(body: unknown) {
  const response = await fetch(gateway.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
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
    url.searchParams.set(
      'extensions',
      JSON.stringify({ persistedQuery: { version: 1, sha256Hash: documentHash(partnerships) } }),
    );
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
    expect(unknown.body.errors[0].message).toBe(
      'This graph accepts registered operations only, and that hash is not registered',
    );
  });

  it('lets no client register a document through automatic persisted queries', async () => {
    const query = '{ partnerships { nodes { id } } }';
    const register = await post({
      query,
      extensions: { persistedQuery: { version: 1, sha256Hash: documentHash(query) } },
    });
    expect(register.status).toBe(400);
    const reuse = await post({ extensions: { persistedQuery: { version: 1, sha256Hash: documentHash(query) } } });
    expect(reuse.status).toBe(400);
    expect(reuse.body.errors[0].extensions.code).toBe('DOCUMENT_NOT_TRUSTED');
  });

  it("refuses a manifest whose hash is not its document's", () => {
    expect(() => TrustedDocuments.fromManifest({ ['0'.repeat(64)]: partnerships })).toThrow(
      "the hash is not the document's sha256",
    );
    expect(() => TrustedDocuments.fromManifest([partnerships])).toThrow('must be a JSON object');
  });

  it("the graph's ordinary gateway, without a manifest, still takes any document", async () => {
    expect((await graph.query('{ partnerships { nodes { id } } }')).errors).toBeUndefined();
  });
});

describe("the example operations and the portal's as trusted documents", () => {
  const operations = trustedOperations();
  const registered = JSON.parse(fs.readFileSync(trustedDocumentsManifestPath, 'utf8')) as Record<string, string>;

  it('examples/trusted-documents.json is current (run `npm run trusted-documents` when this fails)', () => {
    const committed = fs.readFileSync(trustedDocumentsManifestPath, 'utf8');
    expect(committed).toBe(formatTrustedDocumentsManifest(trustedDocumentsManifest()));
    // One entry per operation: no two examples print the same, and none is missing.
    expect(Object.keys(JSON.parse(committed))).toHaveLength(operations.length);
  });

  it.each(operations.map((operation) => [`${operation.user}/${operation.file}`, operation] as const))(
    '%s passes validation and the cost limit through the ordinary gateway',
    async (_label, operation) => {
      const answer = await graph.query<Record<string, unknown>>(operation.text, operation.variables, {
        as: operation.as,
      });
      expect(answer.errors).toBeUndefined();
      expect(Object.values(answer.data ?? {}).every((value) => value !== null)).toBe(true);
    },
  );

  it.each(operations.map((operation) => [`${operation.user}/${operation.file}`, operation] as const))(
    '%s runs by its hash alone on a gateway that trusts the examples manifest',
    async (_label, operation) => {
      const hash = documentHash(print(parse(operation.text)));
      expect(registered).toHaveProperty([hash]);
      const response = await fetch(examplesGateway.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${await graph.tokenFor(operation.as)}` },
        body: JSON.stringify({ documentId: `sha256:${hash}`, variables: operation.variables }),
      });
      const body = (await response.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
      expect(body.errors).toBeUndefined();
      expect(response.status).toBe(200);
      expect(Object.keys(body.data ?? {})).toHaveLength(1);
    },
  );

  it('still refuses a document that is not among the examples', async () => {
    const response = await fetch(examplesGateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ partnerships { nodes { id } } }' }),
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as any).errors[0].extensions.code).toBe('DOCUMENT_NOT_TRUSTED');
  });
});
