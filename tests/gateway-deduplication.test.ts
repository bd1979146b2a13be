import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { demoIds } from '@safeguarding/shared';
import { startGraph, type TestGraph } from './support/graph';

/**
 * Between the gateway and the partnerships subgraph: counts the requests that reach the subgraph and
 * holds each a moment, so that requests sent together are certainly in flight together.
 */
async function startHoldingProxy(
  holdMs: number,
): Promise<{ url: string; received: () => number; target: (url: string) => void; stop: () => Promise<void> }> {
  let target = '';
  let received = 0;
  const server = http.createServer((req, res) => {
    received += 1;
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      setTimeout(() => {
        const headers = Object.fromEntries(
          Object.entries(req.headers).filter(
            ([name]) => name !== 'host' && name !== 'content-length' && name !== 'connection',
          ),
        ) as Record<string, string>;
        fetch(target, { method: req.method ?? 'POST', headers, body: Buffer.concat(chunks) })
          .then(async (answer) => {
            res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/json' });
            res.end(Buffer.from(await answer.arrayBuffer()));
          })
          .catch(() => {
            res.writeHead(502).end();
          });
      }, holdMs);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`,
    received: () => received,
    target: (url) => {
      target = url;
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const partnershipName = `query ($id: ID!) { partnership(id: $id) { name } }`;

// Deduplication is Hive Gateway's (the transport's in-flight deduplication).
describe('identical subgraph requests in flight at once', () => {
  let graph: TestGraph;
  let proxy: Awaited<ReturnType<typeof startHoldingProxy>>;
  beforeAll(async () => {
    proxy = await startHoldingProxy(300);
    graph = await startGraph({ subgraphUrls: { partnerships: proxy.url } });
    proxy.target(graph.subgraphs.partnerships.url);
  });
  afterAll(async () => {
    await graph?.stop();
    await proxy?.stop();
  });

  it('are sent once for anonymous callers, each of whom gets the whole answer', async () => {
    const before = proxy.received();
    const answers = await Promise.all(
      Array.from({ length: 8 }, () =>
        graph.query<{ partnership: { name: string } }>(partnershipName, { id: demoIds.partnerships.westSussex }),
      ),
    );
    for (const answer of answers) {
      expect(answer.errors).toBeUndefined();
      expect(answer.data?.partnership.name).toBe('West Sussex Safeguarding Children Partnership');
    }
    expect(proxy.received() - before).toBe(1);
  });

  it("are sent once per caller when signed in: no caller shares another caller's request or identity token", async () => {
    const before = proxy.received();
    const answers = await Promise.all(
      Array.from({ length: 4 }, () =>
        graph.query<{ partnership: { name: string } }>(
          partnershipName,
          { id: demoIds.partnerships.westSussex },
          { as: 'west-sussex-social-worker' },
        ),
      ),
    );
    for (const answer of answers) {
      expect(answer.errors).toBeUndefined();
      expect(answer.data?.partnership.name).toBe('West Sussex Safeguarding Children Partnership');
    }
    expect(proxy.received() - before).toBe(4);
  });
});
