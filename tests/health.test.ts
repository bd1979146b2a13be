import { subgraphNames } from '@safeguarding/shared';
import { startGraph, type TestGraph } from './support/graph';

let graph: TestGraph;
beforeAll(async () => {
  graph = await startGraph({ demoData: false });
});
afterAll(() => graph?.stop());

const base = (graphqlUrl: string) => graphqlUrl.replace(/\/graphql$/, '');

it('answers /health and /ready on the gateway and every subgraph', async () => {
  for (const url of [graph.gatewayUrl, ...subgraphNames.map((name) => graph.subgraphs[name].url)]) {
    const health = await fetch(`${base(url)}/health`);
    expect(health.status).toBe(200);
    expect(((await health.json()) as { status: string }).status).toBe('ok');
    const ready = await fetch(`${base(url)}/ready`);
    expect(ready.status).toBe(200);
  }
});

it('reports not ready, in the subgraph and at the gateway, when a database goes away', async () => {
  await graph.subgraphs.reviews.db.destroy();
  const subgraphReady = await fetch(`${base(graph.subgraphs.reviews.url)}/ready`);
  expect(subgraphReady.status).toBe(503);
  // Alive still: a restart would not cure a database outage.
  expect((await fetch(`${base(graph.subgraphs.reviews.url)}/health`)).status).toBe(200);
  const gatewayReady = await fetch(`${base(graph.gatewayUrl)}/ready`);
  expect(gatewayReady.status).toBe(503);
  expect(await gatewayReady.json()).toEqual({ status: 'not ready', service: 'gateway' });
});
