import fs from 'node:fs';
import path from 'node:path';
import express from 'express';
import type { AddressInfo } from 'node:net';
import {
  inTransaction,
  createLogger,
  demoIdentities,
  EmbeddedEventBus,
  InMemorySpanExporter,
  metricsHandler,
  nameBasedId,
  OutboxRelay,
  recordEvent,
  ServiceMetrics,
  subgraphNames,
  Tracing,
  type EventBus,
  type Observability,
  type SubgraphName,
} from '@safeguarding/shared';
import { onMysql, startGraph, type TestGraph } from './support/graph';

/**
 * Issue 20, item 3, the subgraphs' side: every subgraph counts and times its requests, errors and
 * SQL at /metrics, continues the caller's trace down to each SQL statement, and writes one access
 * line per request that names an operation and an organisation, never a person or a value.
 */
const logLines: string[] = [];
const spans = new InMemorySpanExporter();
let graph: TestGraph;
beforeAll(async () => {
  // The outbox test drives relays by hand: the graph's own relays pass once at start, then wait an hour.
  graph = await startGraph({ logLines, spanExporter: spans, relayIntervalMs: 3_600_000 });
}, 120_000);
afterAll(() => graph?.stop());

const dashboardSubgraphs = subgraphNames.filter((name) => name !== 'notifications');
const dashboard = `query Dashboard { partnerships(first: 5) { nodes { name partners { kind organisation { name } } relevantAgencies(first: 5) { nodes { name } } schools(first: 5) { nodes { name localAuthority { name } } } practiceReviews(first: 5) { nodes { title publicationDeadline { due rule status } } } escalationPolicy { stages { position name timescaleWorkingDays } } } } }`;
const disagreementId = nameBasedId('demo:disagreement:0001');
const caseQuery = `query Case($id: ID!) { professionalDisagreement(id: $id) { id caseReference } }`;

async function scrape(name: SubgraphName): Promise<string> {
  const response = await fetch(graph.subgraphs[name].url.replace(/\/graphql$/, '/metrics'));
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toContain('text/plain');
  return response.text();
}

/** The value of one sample, its labels given in any order (those not given are summed over). */
function sample(exposition: string, metric: string, labels: Record<string, string> = {}): number {
  let total = 0;
  for (const line of exposition.split('\n')) {
    const match = /^([a-z_:]+)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== metric) continue;
    const given = Object.fromEntries(
      [...(match[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((m) => [m[1], m[2]]),
    );
    if (Object.entries(labels).every(([key, value]) => given[key] === value)) total += Number(match[3]);
  }
  return total;
}

describe('metrics at /metrics on every subgraph', () => {
  it('count and time each operation, and the SQL it took, in every subgraph', async () => {
    const first = await graph.query(dashboard);
    expect(first.errors).toBeUndefined();
    const once = Object.fromEntries(
      await Promise.all(subgraphNames.map(async (name) => [name, await scrape(name)] as const)),
    );
    // The dashboard reads the five domain subgraphs; the notifications service is not in it.
    for (const name of dashboardSubgraphs) {
      const requests = sample(once[name]!, 'safeguarding_graphql_requests_total', {
        operation: 'Dashboard',
        operation_type: 'query',
        status: '200',
        service: name,
      });
      expect(requests).toBeGreaterThanOrEqual(1);
      expect(
        sample(once[name]!, 'safeguarding_graphql_request_duration_seconds_count', {
          operation: 'Dashboard',
          service: name,
        }),
      ).toBe(requests);
      expect(sample(once[name]!, 'safeguarding_sql_statements_total', { verb: 'SELECT' })).toBeGreaterThan(0);
      expect(
        sample(once[name]!, 'safeguarding_sql_statement_duration_seconds_count', { verb: 'SELECT' }),
      ).toBeGreaterThan(0);
      expect(sample(once[name]!, 'safeguarding_db_pool_connections', { state: 'max' })).toBeGreaterThanOrEqual(1);
      expect(once[name]).toMatch(/^safeguarding_outbox_unpublished_events\{service="[a-z]+"\} \d+$/m);
      expect(once[name]).toMatch(/^process_cpu_seconds_total/m);
    }
    // The same query again: every subgraph's count for it doubles, whatever fetches it made.
    await graph.query(dashboard);
    for (const name of dashboardSubgraphs) {
      const twice = await scrape(name);
      expect(sample(twice, 'safeguarding_graphql_requests_total', { operation: 'Dashboard' })).toBe(
        2 * sample(once[name]!, 'safeguarding_graphql_requests_total', { operation: 'Dashboard' }),
      );
    }
  });

  it('count errors by operation and stable code', async () => {
    const before = sample(await scrape('escalations'), 'safeguarding_graphql_errors_total', {
      operation: 'Case',
      code: 'UNAUTHENTICATED',
    });
    const answer = await graph.query(caseQuery, { id: disagreementId });
    expect(answer.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
    expect(
      sample(await scrape('escalations'), 'safeguarding_graphql_errors_total', {
        operation: 'Case',
        code: 'UNAUTHENTICATED',
      }),
    ).toBe(before + 1);
  });

  it('show the outbox: its backlog, what the relay published, and the passes that failed', async () => {
    const running = graph.subgraphs.escalations;
    // Recorded as a service records it: in the transaction of the change, a few seconds ago.
    for (const entityId of ['metrics-1', 'metrics-2']) {
      await inTransaction(running.db, (manager) =>
        recordEvent(manager, {
          type: 'referral.received',
          entityType: 'Referral',
          entityId,
          occurredAt: new Date(Date.now() - 5000),
          payload: { referralId: entityId },
        }),
      );
    }
    const waiting = await scrape('escalations');
    const backlog = sample(waiting, 'safeguarding_outbox_unpublished_events');
    const publishedBefore = sample(waiting, 'safeguarding_outbox_published_events_total');
    const failuresBefore = sample(waiting, 'safeguarding_outbox_relay_failures_total');
    expect(backlog).toBeGreaterThanOrEqual(2);
    expect(sample(waiting, 'safeguarding_outbox_oldest_unpublished_age_seconds')).toBeGreaterThanOrEqual(4);

    // The backlog is counted behind escalations' one destination on the embedded bus, notifications.
    expect(running.outboxDestinations()).toEqual(['notifications']);
    const down = () => Promise.reject(new Error('bus down'));
    const refusing: EventBus = {
      kind: 'embedded',
      publish: down,
      destinations: () => [{ name: 'notifications', deliver: down }],
      subscribe: async () => ({ stop: async () => undefined }),
      close: async () => undefined,
    };
    expect(
      await new OutboxRelay(running.db, refusing, { source: 'escalations', metrics: running.metrics.outbox }).pass(),
    ).toBe(0);
    const failed = await scrape('escalations');
    expect(sample(failed, 'safeguarding_outbox_relay_failures_total') - failuresBefore).toBe(1);
    expect(sample(failed, 'safeguarding_outbox_unpublished_events')).toBe(backlog);

    const bus = new EmbeddedEventBus();
    await bus.subscribe('notifications', () => Promise.resolve());
    let published = 0;
    const relay = new OutboxRelay(running.db, bus, {
      source: 'escalations',
      metrics: running.metrics.outbox,
      batchSize: 1000,
    });
    for (let pass = 0; pass < 5; pass += 1) published += await relay.pass();
    await bus.close();
    expect(published).toBe(backlog);
    const after = await scrape('escalations');
    expect(sample(after, 'safeguarding_outbox_published_events_total') - publishedBefore).toBe(backlog);
    expect(sample(after, 'safeguarding_outbox_unpublished_events')).toBe(0);
    expect(sample(after, 'safeguarding_outbox_oldest_unpublished_age_seconds')).toBe(0);
  });

  it('include every figure the Grafana dashboard under ops/ draws', async () => {
    const dashboard = fs.readFileSync(
      path.join(__dirname, '..', 'ops', 'grafana', 'safeguarding-subgraphs.json'),
      'utf8',
    );
    const drawn = new Set(
      [...dashboard.matchAll(/\b((?:safeguarding|process|nodejs)_[a-z0-9_]+)/g)].map((match) =>
        match[1]!.replace(/_(bucket|count|sum)$/, ''),
      ),
    );
    expect(drawn.size).toBeGreaterThan(10);
    const exposition = await scrape('escalations');
    // The gateway's panels: its own figures and those every service has, all at the gateway's /metrics.
    const gatewayResponse = await fetch(graph.gatewayUrl.replace(/\/graphql$/, '/metrics'));
    expect(gatewayResponse.status).toBe(200);
    const gateway = await gatewayResponse.text();
    const panels = (JSON.parse(dashboard) as { panels: Array<{ targets?: Array<{ expr: string }> }> }).panels;
    const expressions = panels.flatMap((panel) => panel.targets ?? []).map((target) => target.expr);
    const atGateway = expressions.filter((expr) => /service="gateway"|safeguarding_gateway_/.test(expr));
    expect(atGateway.length).toBeGreaterThanOrEqual(8);
    for (const expr of atGateway)
      for (const metric of expr.match(/\b(?:safeguarding|process|nodejs)_[a-z0-9_]+/g) ?? [])
        expect(gateway).toContain(`# TYPE ${metric.replace(/_(bucket|count|sum)$/, '')} `);
    for (const metric of drawn)
      expect(metric.startsWith('safeguarding_gateway_') ? gateway : exposition).toContain(`# TYPE ${metric} `);
  });

  it('keep a client-chosen operation name from growing the scrape without bound', () => {
    const metrics = new ServiceMetrics('test', 3);
    expect(['A', 'B', 'C', 'D', 'A', 'no spaces allowed', null].map((name) => metrics.operationLabel(name))).toEqual([
      'A',
      'B',
      'C',
      'other',
      'A',
      'invalid',
      'anonymous',
    ]);
  });
});

describe('who may scrape', () => {
  const serve = async (access: Observability['metricsAccess']) => {
    const observability: Observability = {
      metrics: new ServiceMetrics('test'),
      tracing: Tracing.off,
      accessLog: createLogger('test', 'silent'),
      metricsAccess: access,
    };
    const app = express();
    app.get('/metrics', metricsHandler(observability));
    const server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/metrics`;
    return { url, close: () => new Promise((resolve) => server.close(resolve)) };
  };

  it('with METRICS_TOKEN, only a scraper carrying it', async () => {
    const token = 'scraper-token-that-is-at-least-32-characters';
    const service = await serve({ kind: 'token', token });
    try {
      expect((await fetch(service.url)).status).toBe(401);
      expect((await fetch(service.url, { headers: { authorization: 'Bearer wrong' } })).status).toBe(401);
      const allowed = await fetch(service.url, { headers: { authorization: `Bearer ${token}` } });
      expect(allowed.status).toBe(200);
      expect(await allowed.text()).toContain('safeguarding_graphql_requests_total');
    } finally {
      await service.close();
    }
  });

  it('in production without METRICS_TOKEN, nobody: the figures are not served', async () => {
    const service = await serve({ kind: 'off' });
    try {
      const response = await fetch(service.url);
      expect(response.status).toBe(404);
      expect(await response.text()).not.toContain('safeguarding_');
    } finally {
      await service.close();
    }
  });
});

describe('traces', () => {
  it('continue the traceparent a caller sends down to each SQL statement', async () => {
    spans.reset();
    const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
    const parentSpanId = '00f067aa0ba902b7';
    const response = await fetch(graph.subgraphs.partnerships.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', traceparent: `00-${traceId}-${parentSpanId}-01` },
      body: JSON.stringify({
        query: 'query Names { partnerships(first: 5) { nodes { name } } }',
        operationName: 'Names',
      }),
    });
    expect(response.status).toBe(200);
    const ours = spans.getFinishedSpans().filter((span) => span.spanContext().traceId === traceId);
    const server = ours.find((span) => span.parentSpanContext?.spanId === parentSpanId);
    expect(server?.name).toBe('query Names');
    const sql = ours.filter((span) => span.attributes['db.system.name'] !== undefined);
    expect(new Set(sql.map((span) => span.attributes['db.system.name']))).toEqual(
      new Set([onMysql ? (sql[0]?.attributes['db.system.name'] === 'mysql' ? 'mysql' : 'mariadb') : 'sqlite']),
    );
    expect(sql.length).toBeGreaterThan(0);
    expect(sql.some((span) => span.attributes['db.collection.name'] === 'partnerships')).toBe(true);
    // Each statement sits under the resolver that ran it, itself under the request.
    const field = ours.find((span) => span.name === 'Query.partnerships');
    expect(field?.parentSpanContext?.spanId).toBe(server?.spanContext().spanId);
    expect(sql.some((span) => span.parentSpanContext?.spanId === field?.spanContext().spanId)).toBe(true);
    const ids = new Set(ours.map((span) => span.spanContext().spanId));
    expect(sql.every((span) => ids.has(span.parentSpanContext?.spanId ?? ''))).toBe(true);
    for (const span of sql) expect(String(span.attributes['db.query.summary'])).not.toMatch(/'/);
    // The access line carries the same trace id, so a log line leads to its trace.
    expect(logLines.some((line) => line.includes('"msg":"request"') && line.includes(`"traceId":"${traceId}"`))).toBe(
      true,
    );
  });

  it('are not made at all without an OTLP endpoint', () => {
    expect(Tracing.create({ service: 'test' }).enabled).toBe(false);
    expect(Tracing.create({ service: 'test', endpoint: undefined }).tracer).toBeNull();
  });
});

describe('the access log', () => {
  it('has one line per subgraph request: request id, operation, duration, status, organisation, and nothing personal', async () => {
    const identity = demoIdentities['sussex-health-visitor']!;
    const token = await graph.tokenFor('sussex-health-visitor');
    const before = logLines.length;
    const answer = await graph.query(caseQuery, { id: disagreementId }, { authorization: `Bearer ${token}` });
    expect(answer.errors).toBeUndefined();
    const caseReference = (answer.data as { professionalDisagreement: { caseReference: string } })
      .professionalDisagreement.caseReference;
    const lines = logLines
      .slice(before)
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .filter((line) => line['msg'] === 'request');
    const escalations = lines.filter((line) => line['subgraph'] === 'escalations');
    expect(escalations).toHaveLength(1);
    const line = escalations[0]!;
    expect(line).toMatchObject({
      log: 'access',
      operation: 'Case',
      operationType: 'query',
      status: 200,
      organisationId: identity.organisation.id,
      errors: [],
    });
    expect(typeof line['durationMs']).toBe('number');
    expect(line['requestId']).toMatch(/^[\w-]{1,64}$/);
    expect(Object.keys(line).sort()).toEqual([
      'durationMs',
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
      'subgraph',
      'time',
      'traceId',
    ]);
    const text = logLines.slice(before).join('\n');
    for (const personal of [identity.subject, token, token.split('.')[2]!, caseReference])
      expect(text).not.toContain(personal);
  });

  it('logs a refused request too, with its status and code', async () => {
    const before = logLines.length;
    const response = await fetch(graph.subgraphs.escalations.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        [graph.subgraphAuth === 'jwks' ? 'authorization' : 'x-safeguarding-identity']:
          graph.subgraphAuth === 'jwks' ? 'Bearer a.b.c' : 'forged.token.value',
      },
      body: JSON.stringify({ query: caseQuery, variables: { id: disagreementId }, operationName: 'Case' }),
    });
    expect(response.status).toBe(401);
    const line = logLines
      .slice(before)
      .map((entry) => JSON.parse(entry) as Record<string, unknown>)
      .find((entry) => entry['msg'] === 'request');
    expect(line).toMatchObject({
      subgraph: 'escalations',
      status: 401,
      operation: 'Case',
      errors: ['UNAUTHENTICATED'],
      organisationId: null,
    });
  });
});
