import http from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  createLogger,
  demoIdentities,
  InMemorySpanExporter,
  nameBasedId,
  type ReadableSpan,
} from '@safeguarding/shared';
import { Circuit, createUpstreamFetcher, defaultUpstreamOptions, GatewayObservability } from '@safeguarding/gateway';
import { startGraph, type TestGraph } from './support/graph';

/**
 * Issue 20, item 3, the gateway's side: it counts and times each client operation and each
 * subgraph fetch at /metrics, starts (or continues) the trace that the subgraphs and their SQL
 * join, and writes one access line per client request under an id it mints itself.
 */
const logLines: string[] = [];
const spans = new InMemorySpanExporter();
let graph: TestGraph;
beforeAll(async () => {
  // A short circuit, so the outage case opens it in three requests.
  graph = await startGraph({ logLines, spanExporter: spans, upstream: { failuresToOpen: 2, openMs: 600_000 } });
}, 120_000);
afterAll(() => graph.stop());

const dashboard = `query Dashboard { partnerships(first: 5) { nodes { name partners { kind organisation { name } } relevantAgencies(first: 5) { nodes { name } } schools(first: 5) { nodes { name localAuthority { name } } } practiceReviews(first: 5) { nodes { title publicationDeadline { due rule status } } } escalationPolicy { stages { position name timescaleWorkingDays } } } } }`;
const dashboardSubgraphs = ['partnerships', 'agencies', 'schools', 'reviews', 'escalations'];
const disagreementId = nameBasedId('demo:disagreement:0001');
const caseQuery = `query Case($id: ID!) { professionalDisagreement(id: $id) { id caseReference } }`;

async function scrapeGateway(): Promise<string> {
  const response = await fetch(graph.gatewayUrl.replace(/\/graphql$/, '/metrics'));
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toContain('text/plain');
  return response.text();
}

/** The sum of the samples of one metric whose labels include those given. */
function sample(exposition: string, metric: string, labels: Record<string, string> = {}): number {
  let total = 0;
  for (const line of exposition.split('\n')) {
    const match = /^([a-z_:]+)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== metric) continue;
    const given: Record<string, string> = Object.fromEntries(
      [...(match[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((m) => [m[1] ?? '', m[2] ?? '']),
    );
    if (Object.entries(labels).every(([key, value]) => given[key] === value)) total += Number(match[3]);
  }
  return total;
}

async function post(
  body: Record<string, unknown>,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: { data?: unknown; errors?: Array<{ extensions?: Record<string, unknown> }> } }> {
  const response = await fetch(graph.gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as { data?: unknown } };
}

function accessLines(from: number): Array<Record<string, unknown>> {
  return logLines
    .slice(from)
    .map((line) => JSON.parse(line) as Record<string, unknown>)
    .filter((line) => line['log'] === 'access' && line['msg'] === 'request');
}

describe("the gateway's /metrics", () => {
  it('counts and times each client operation, and each fetch it made to a subgraph', async () => {
    const before = await scrapeGateway();
    const answer = await post({ query: dashboard, operationName: 'Dashboard' });
    expect(answer.status).toBe(200);
    expect(answer.body.errors).toBeUndefined();
    const after = await scrapeGateway();
    const delta = (metric: string, labels: Record<string, string>) =>
      sample(after, metric, labels) - sample(before, metric, labels);
    const gateway = { service: 'gateway', operation: 'Dashboard' };
    expect(delta('safeguarding_graphql_requests_total', { ...gateway, operation_type: 'query', status: '200' })).toBe(
      1,
    );
    expect(delta('safeguarding_graphql_request_duration_seconds_count', gateway)).toBe(1);
    for (const subgraph of dashboardSubgraphs) {
      expect(delta('safeguarding_gateway_subgraph_requests_total', { subgraph, outcome: 'ok' })).toBeGreaterThanOrEqual(
        1,
      );
      expect(
        delta('safeguarding_gateway_subgraph_request_duration_seconds_count', { subgraph, outcome: 'ok' }),
      ).toBeGreaterThanOrEqual(1);
    }
    // The dashboard asks nothing of notifications.
    expect(delta('safeguarding_gateway_subgraph_requests_total', { subgraph: 'notifications' })).toBe(0);
    for (const subgraph of [...dashboardSubgraphs, 'notifications'])
      expect(sample(after, 'safeguarding_gateway_upstream_circuit_state', { subgraph, state: 'closed' })).toBe(1);
    expect(after).toMatch(/^process_cpu_seconds_total\{service="gateway"\}/m);
  });

  it('counts the errors it answered with, by operation and stable code', async () => {
    const labels = { service: 'gateway', operation: 'Case', code: 'UNAUTHENTICATED' };
    const before = sample(await scrapeGateway(), 'safeguarding_graphql_errors_total', labels);
    const answer = await post({ query: caseQuery, variables: { id: disagreementId }, operationName: 'Case' });
    expect(answer.body.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
    expect(sample(await scrapeGateway(), 'safeguarding_graphql_errors_total', labels)).toBe(before + 1);
  });

  it('is open in development, needs METRICS_TOKEN in production, and is not served there without one', () => {
    const logger = createLogger('test', 'silent');
    const token = 'scraper-token-that-is-at-least-32-characters';
    expect(new GatewayObservability({}, logger, false).metricsAccess).toEqual({ kind: 'open' });
    expect(new GatewayObservability({}, logger, true).metricsAccess).toEqual({ kind: 'off' });
    expect(new GatewayObservability({ metricsToken: token }, logger, true).metricsAccess).toEqual({
      kind: 'token',
      token,
    });
  });
});

describe('subgraph fetch outcomes', () => {
  let server: http.Server;
  let base: string;
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      // /hold never answers (a stopped process); /status/<n> answers n.
      if (req.url === '/hold') return;
      res.writeHead(Number(/\/status\/(\d+)/.exec(req.url ?? '')?.[1] ?? 200)).end('{}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('are labelled ok, by HTTP status class, timeout and circuit_open, with the circuit state', async () => {
    const observability = new GatewayObservability({}, createLogger('test', 'silent'), false);
    const upstream = { ...defaultUpstreamOptions, timeoutMs: 200, failuresToOpen: 1, openMs: 600_000 };
    const fetcher = observability.observeFetcher('reviews', createUpstreamFetcher(upstream, new Circuit(upstream)));
    const request = { method: 'POST', body: '{"query":"{ __typename }"}' };
    try {
      await fetcher(`${base}/status/200`, request);
      await fetcher(`${base}/status/503`, request);
      await fetcher(`${base}/status/400`, request);
      await expect(fetcher(`${base}/hold`, request)).rejects.toMatchObject({ reason: 'timeout' });
      await expect(fetcher(`${base}/status/200`, request)).rejects.toMatchObject({ reason: 'circuit-open' });
    } finally {
      await fetcher.close();
    }
    const exposition = await observability.metrics.exposition();
    const count = (outcome: string) =>
      sample(exposition, 'safeguarding_gateway_subgraph_requests_total', { subgraph: 'reviews', outcome });
    expect(['ok', '5xx', '4xx', 'timeout', 'circuit_open', 'unreachable'].map(count)).toEqual([1, 1, 1, 1, 1, 0]);
    expect(
      sample(exposition, 'safeguarding_gateway_subgraph_request_duration_seconds_count', { subgraph: 'reviews' }),
    ).toBe(5);
    expect(
      sample(exposition, 'safeguarding_gateway_upstream_circuit_state', { subgraph: 'reviews', state: 'open' }),
    ).toBe(1);
    expect(
      sample(exposition, 'safeguarding_gateway_upstream_circuit_state', { subgraph: 'reviews', state: 'closed' }),
    ).toBe(0);
  });
});

describe('traces from the gateway', () => {
  const serviceOf = (span: ReadableSpan) => span.resource.attributes['service.name'];

  /** Every span of the trace, checked to form one tree from the gateway's server span down to SQL. */
  function checkTree(traceId: string, subgraph: string): { server: ReadableSpan; ours: ReadableSpan[] } {
    const ours = spans.getFinishedSpans().filter((span) => span.spanContext().traceId === traceId);
    const byId = new Map(ours.map((span) => [span.spanContext().spanId, span]));
    const server = ours.find((span) => serviceOf(span) === 'gateway' && span.name.startsWith('query '));
    if (!server) throw new Error(`no gateway span in trace ${traceId}`);
    const call = ours.find((span) => span.name === `POST ${subgraph}`);
    expect(call?.parentSpanContext?.spanId).toBe(server.spanContext().spanId);
    expect(call && serviceOf(call)).toBe('gateway');
    // The subgraph's server span is the gateway's client span's child: traceparent went with the fetch.
    const subgraphServer = ours.find((span) => serviceOf(span) === subgraph && span.name.startsWith('query '));
    expect(subgraphServer?.parentSpanContext?.spanId).toBe(call?.spanContext().spanId);
    const sql = ours.filter((span) => serviceOf(span) === subgraph && span.attributes['db.system.name'] !== undefined);
    expect(sql.length).toBeGreaterThan(0);
    // Each SQL span's ancestors lead, within this trace, to the gateway's server span.
    for (const statement of sql) {
      let current: ReadableSpan | undefined = statement;
      const seen: string[] = [];
      while (current?.parentSpanContext && byId.has(current.parentSpanContext.spanId)) {
        current = byId.get(current.parentSpanContext.spanId);
        if (current) seen.push(String(serviceOf(current)));
      }
      expect(current).toBe(server);
      expect(seen).toContain(subgraph);
    }
    return { server, ours };
  }

  it("continue a caller's traceparent: gateway span, then each subgraph's span, then its SQL, in one trace", async () => {
    spans.reset();
    const traceId = '5bf92f3577b34da6a3ce929d0e0e4737';
    const parentSpanId = '10f067aa0ba902b8';
    const answer = await post(
      { query: dashboard, operationName: 'Dashboard' },
      { traceparent: `00-${traceId}-${parentSpanId}-01` },
    );
    expect(answer.body.errors).toBeUndefined();
    const { server } = checkTree(traceId, 'partnerships');
    expect(server.name).toBe('query Dashboard');
    expect(server.parentSpanContext?.spanId).toBe(parentSpanId);
    expect(server.attributes['http.response.status_code']).toBe(200);
    for (const subgraph of dashboardSubgraphs.slice(1)) checkTree(traceId, subgraph);
  });

  it('start a trace of their own when the caller sends none', async () => {
    spans.reset();
    const answer = await post({
      query: 'query Names { partnerships(first: 5) { nodes { name } } }',
      operationName: 'Names',
    });
    expect(answer.body.errors).toBeUndefined();
    const root = spans
      .getFinishedSpans()
      .find((span) => serviceOf(span) === 'gateway' && span.name === 'query Names' && !span.parentSpanContext);
    if (!root) throw new Error('no root span at the gateway');
    checkTree(root.spanContext().traceId, 'partnerships');
  });
});

describe("the gateway's access log", () => {
  it('has one line per client request: its own request id, operation, duration, status, organisation, codes; nothing personal', async () => {
    const identity = demoIdentities['sussex-health-visitor'];
    if (!identity) throw new Error('no such demo identity');
    const token = await graph.tokenFor('sussex-health-visitor');
    const before = logLines.length;
    const answer = await post(
      { query: caseQuery, variables: { id: disagreementId }, operationName: 'Case' },
      { authorization: `Bearer ${token}`, 'x-request-id': 'client-chosen-id' },
    );
    expect(answer.body.errors).toBeUndefined();
    const caseReference = (answer.body.data as { professionalDisagreement: { caseReference: string } })
      .professionalDisagreement.caseReference;
    const lines = accessLines(before);
    const edge = lines.filter((line) => line['edge'] === 'gateway');
    expect(edge).toHaveLength(1);
    const [line] = edge;
    if (!line) throw new Error('no access line at the gateway');
    expect(line).toMatchObject({
      operation: 'Case',
      operationType: 'query',
      status: 200,
      organisationId: identity.organisation.id,
      errors: [],
    });
    expect(typeof line['durationMs']).toBe('number');
    expect(line['requestId']).toMatch(/^[\da-f]{8}-[\da-f]{4}-[\da-f]{4}-[\da-f]{4}-[\da-f]{12}$/);
    expect(Object.keys(line).sort()).toEqual([
      'durationMs',
      'edge',
      'errors',
      'level',
      'log',
      'msg',
      'name',
      'operation',
      'operationType',
      'organisationId',
      'requestId',
      'service',
      'status',
      'time',
      'traceId',
    ]);
    // The subgraph logs the same request under the id the gateway minted.
    const escalations = lines.find((entry) => entry['subgraph'] === 'escalations');
    expect(escalations?.['requestId']).toBe(line['requestId']);
    const text = logLines.slice(before).join('\n');
    for (const personal of [identity.subject, token, token.split('.')[2] ?? token, caseReference, disagreementId])
      expect(text).not.toContain(personal);
    expect(edge.map((entry) => entry['requestId'])).not.toContain('client-chosen-id');
  });

  it('logs a refused caller too, with the status, the code and the id minted for it', async () => {
    const before = logLines.length;
    const answer = await post(
      { query: caseQuery, variables: { id: disagreementId }, operationName: 'Case' },
      { authorization: 'Bearer not.a.token' },
    );
    expect(answer.status).toBe(401);
    const edge = accessLines(before).filter((line) => line['edge'] === 'gateway');
    expect(edge).toHaveLength(1);
    expect(edge[0]).toMatchObject({
      status: 401,
      operation: 'Case',
      errors: ['UNAUTHENTICATED'],
      organisationId: null,
    });
    expect(edge[0]?.['requestId']).toMatch(/^[\da-f-]{36}$/);
  });
});

describe('a subgraph outage, as the gateway shows it', () => {
  it('counts unreachable fetches, then circuit_open ones, and shows the circuit open', async () => {
    const before = await scrapeGateway();
    await graph.stopSubgraph('reviews');
    // The dashboard's reviews fields come in one fetch per request.
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const answer = await post({ query: dashboard, operationName: 'Dashboard' });
      expect(answer.body.errors?.map((error) => error.extensions?.['code'])).toContain('SERVICE_UNAVAILABLE');
    }
    const after = await scrapeGateway();
    const delta = (labels: Record<string, string>) =>
      sample(after, 'safeguarding_gateway_subgraph_requests_total', labels) -
      sample(before, 'safeguarding_gateway_subgraph_requests_total', labels);
    expect(delta({ subgraph: 'reviews', outcome: 'unreachable' })).toBe(2);
    expect(delta({ subgraph: 'reviews', outcome: 'circuit_open' })).toBe(1);
    expect(sample(after, 'safeguarding_gateway_upstream_circuit_state', { subgraph: 'reviews', state: 'open' })).toBe(
      1,
    );
    expect(
      sample(after, 'safeguarding_graphql_errors_total', {
        service: 'gateway',
        operation: 'Dashboard',
        code: 'SERVICE_UNAVAILABLE',
      }) -
        sample(before, 'safeguarding_graphql_errors_total', {
          service: 'gateway',
          operation: 'Dashboard',
          code: 'SERVICE_UNAVAILABLE',
        }),
    ).toBe(3);
  });
});
