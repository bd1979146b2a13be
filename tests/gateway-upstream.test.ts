import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import { demoIds } from '@safeguarding/shared';
import { startGraph, type TestGraph } from './support/graph';

// Root fields from two subgraphs, and an entity field of a third reached through the first.
const document = `query ($id: ID!) {
  partnership(id: $id) { name }
  agency(id: $id) { id }
}`;
const entityDocument = `query ($id: ID!) { partnership(id: $id) { name relevantAgencies { totalCount } } }`;

interface Failure {
  message: string;
  path?: Array<string | number>;
  extensions?: Record<string, unknown>;
}

describe('a subgraph that is down', () => {
  let graph: TestGraph;
  beforeAll(async () => {
    graph = await startGraph({ upstream: { failuresToOpen: 2, openMs: 60_000 } });
  });
  afterAll(() => graph?.stop());

  it('costs only its own fields, each named by path and service as SERVICE_UNAVAILABLE, never by address', async () => {
    const agenciesUrl = graph.subgraphs.agencies.url;
    await graph.stopSubgraph('agencies');
    const result = await graph.query<{ partnership: { name: string } | null; agency: unknown }>(document, {
      id: demoIds.partnerships.westSussex,
    });
    expect(result.data?.partnership?.name).toBe('West Sussex Safeguarding Children Partnership');
    expect(result.data?.agency).toBeNull();
    const errors = result.errors as Failure[];
    expect(errors).toHaveLength(1);
    expect(errors[0]!.path).toEqual(['agency']);
    expect(errors[0]!.extensions).toMatchObject({
      code: 'SERVICE_UNAVAILABLE',
      retryable: true,
      serviceName: 'agencies',
    });
    expect(errors[0]!.message).toContain('agencies');
    const port = new URL(agenciesUrl).port;
    expect(JSON.stringify(result)).not.toContain(port);
    expect(JSON.stringify(result)).not.toContain('127.0.0.1');
  });

  it('names the entity field it could not resolve', async () => {
    const result = await graph.query(entityDocument, { id: demoIds.partnerships.westSussex });
    const errors = result.errors as Failure[];
    expect(errors.length).toBeGreaterThan(0);
    expect(errors[0]!.path?.slice(0, 2)).toEqual(['partnership', 'relevantAgencies']);
    expect(errors[0]!.extensions).toMatchObject({ code: 'SERVICE_UNAVAILABLE', serviceName: 'agencies' });
  });

  it('fails fast while the circuit is open, even once the subgraph is back, until the circuit lets a probe through', async () => {
    await graph.startSubgraph('agencies');
    const result = await graph.query(document, { id: demoIds.partnerships.westSussex });
    const errors = result.errors as Failure[];
    expect(errors[0]!.extensions).toMatchObject({ code: 'SERVICE_UNAVAILABLE', reason: 'circuit-open' });
  });
});

// The README's dashboard query, read from the README so the test follows it: it crosses every subgraph.
function readmeDashboard(): string {
  const readme = fs.readFileSync(path.join(__dirname, '..', 'README.md'), 'utf8');
  const payload = /-d '(\{"query":"\{ partnerships\(first: 5\).*\})'/.exec(readme);
  if (!payload) throw new Error('the README no longer shows the dashboard query');
  return (JSON.parse(payload[1]!) as { query: string }).query;
}

interface DashboardPartnership {
  name: string;
  relevantAgencies: { nodes: Array<{ name: string }> } | null;
  schools: { nodes: Array<{ name: string }> } | null;
  practiceReviews: unknown;
  escalationPolicy: unknown;
}

describe('the README dashboard with reviews down', () => {
  let graph: TestGraph;
  beforeAll(async () => {
    graph = await startGraph();
  });
  afterAll(() => graph?.stop());

  it('still returns every partnership, with SERVICE_UNAVAILABLE at each reviews path and nothing else lost', async () => {
    const dashboard = readmeDashboard();
    const whole = await graph.query<{ partnerships: { nodes: DashboardPartnership[] } }>(dashboard);
    expect(whole.errors).toBeUndefined();
    const expected = whole.data!.partnerships.nodes;
    expect(expected.length).toBeGreaterThan(0);

    await graph.stopSubgraph('reviews');
    const result = await graph.query<{ partnerships: { nodes: DashboardPartnership[] } }>(dashboard);
    expect(result.data).not.toBeNull();
    const nodes = result.data!.partnerships.nodes;
    expect(nodes).toEqual(expected.map((partnership) => ({ ...partnership, practiceReviews: null })));
    expect(nodes.some((partnership) => (partnership.schools?.nodes.length ?? 0) > 0)).toBe(true);

    const errors = result.errors as Failure[];
    expect(errors.length).toBeGreaterThan(0);
    for (const error of errors) {
      expect(error.extensions).toMatchObject({ code: 'SERVICE_UNAVAILABLE', retryable: true, serviceName: 'reviews' });
      expect(error.path).toEqual(['partnerships', 'nodes', expect.any(Number), 'practiceReviews']);
    }
  });
});

describe('a subgraph that stops answering (SIGSTOP)', () => {
  let graph: TestGraph;
  let frozen: ChildProcess;
  beforeAll(async () => {
    // A real process frozen by the kernel: it holds its port, connections queue and nothing answers.
    frozen = spawn(process.execPath, [
      '-e',
      `require('node:http').createServer((q, s) => s.end('{}')).listen(0, '127.0.0.1', function () { process.stdout.write(String(this.address().port) + '\\n'); });`,
    ]);
    const [chunk] = (await once(frozen.stdout!, 'data')) as [Buffer];
    const port = chunk.toString().trim();
    graph = await startGraph({
      subgraphUrls: { agencies: `http://127.0.0.1:${port}/graphql` },
      upstream: { timeoutMs: 800 },
    });
    frozen.kill('SIGSTOP');
  });
  afterAll(async () => {
    frozen?.kill('SIGCONT');
    frozen?.kill('SIGKILL');
    await graph?.stop();
  });

  it('gives up on it within the configured timeout and still serves the other subgraphs', async () => {
    const started = process.hrtime.bigint();
    const result = await graph.query<{ partnership: { name: string } | null }>(document, {
      id: demoIds.partnerships.westSussex,
    });
    const elapsedMs = Number(process.hrtime.bigint() - started) / 1e6;
    expect(result.data?.partnership?.name).toBe('West Sussex Safeguarding Children Partnership');
    const errors = result.errors as Failure[];
    expect(errors[0]!.path).toEqual(['agency']);
    expect(errors[0]!.extensions).toMatchObject({
      code: 'SERVICE_UNAVAILABLE',
      reason: 'timeout',
      serviceName: 'agencies',
    });
    // Without the timeout this request would wait as long as the process stays frozen.
    expect(elapsedMs).toBeGreaterThanOrEqual(800);
    expect(elapsedMs).toBeLessThan(5_000);
  });
});
