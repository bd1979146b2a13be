import 'reflect-metadata';
import { fork, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import { randomBytes, randomUUID } from 'node:crypto';
import autocannon from 'autocannon';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import {
  createLogger,
  defaultHardening,
  demoIdentities,
  internalIdentityHeader,
  mintDevelopmentToken,
  signInternalToken,
  startSubgraph,
} from '@safeguarding/shared';
import { benchSubgraphConfig, dropBenchDatabases, required, tellParent } from './bench-support';
import { createAuthenticator, readSupergraph, startGateway, subgraphs } from '@safeguarding/gateway';
import { dashboardQuery } from './subgraph-cpu';

/**
 * `npm run bench:gateway` (issue 20): our gateway (Hive Gateway, Rust planner) and a bare
 * `@apollo/gateway` in `@apollo/server` (a devDependency of scripts only), side by side on the
 * same supergraph and the same six subgraphs (MySQL: DATABASE_URL, default
 * mysql://root@127.0.0.1:3306; databases prefixed `bench_gw_`, dropped before and after). Every
 * server runs in a process of its own, so each one's CPU time is its own; rounds are interleaved and
 * alternate which side goes first. autocannon drives the load.
 *
 * The bare baseline has none of our hardening (no limits, cost, rate limit, circuit, retries, error
 * masking) but, as the subgraphs refuse any request the gateway has not vouched for, it signs the
 * same per-request identity token ours does (anonymous, bound to the subgraph request's digest).
 *
 * Ratios (targets, issue 20): 1. the dashboard signed in, a different identity per connection:
 * gateway CPU per request, ours ÷ the bare gateway ≤ 0.7. The target is 0.7 × the gateway
 * of the time (our hardening on @apollo/gateway, gone from the tree), which spent 1.2–1.6× the bare
 * one's CPU: meeting 0.7 × bare meets it. 2. the dashboard anonymous, many clients:
 * hive requests/s ÷ bare @apollo/gateway ≥ 3; 3. a one-subgraph query, signed in (one person per
 * connection, so nothing is deduplicated): hive requests/s ÷ the partnerships subgraph's own, asked
 * directly with a fresh valid token per request for the same people, ≥ 0.70.
 *
 * And what showing what it does costs (no target): the signed-in dashboard's gateway CPU per request
 * with our metrics and access line (as deployed without a collector; the main side), and with every
 * trace exported over OTLP to a collector that throws it away, each ÷ the same gateway with
 * observability off.
 */
const rounds = Number(process.env['BENCH_ROUNDS'] ?? 5);
const requestsPerRun = Number(process.env['BENCH_REQUESTS'] ?? 1000);
const connections = Number(process.env['BENCH_CONNECTIONS'] ?? 10);
const manyClients = Number(process.env['BENCH_MANY_CLIENTS'] ?? 100);
const oneSubgraphQuery = '{ partnerships(first: 5) { nodes { id name status } } }';

type Role = 'subgraphs' | 'hive' | 'hive-traced' | 'hive-dark' | 'bare';
interface Ready {
  readonly url: string;
  readonly urls?: Record<string, string>;
}

// ---- children -------------------------------------------------------------------------------

/** The bare baseline: Apollo's gateway as its documentation starts it, plus the token the subgraphs require. */
async function startBare(
  urls: Record<string, string>,
  secret: string,
): Promise<{ url: string; stop(): Promise<void> }> {
  const gateway = new ApolloGateway({
    supergraphSdl: readSupergraph(),
    buildService: ({ name }) =>
      new RemoteGraphQLDataSource({
        url: required(urls[name], 'urls[name]'),
        async willSendRequest({ request }) {
          request.http?.headers.set(
            internalIdentityHeader,
            await signInternalToken(
              {
                identity: null,
                operationName: null,
                requestId: randomUUID(),
                operation: { query: request.query, operationName: request.operationName, variables: request.variables },
              },
              secret,
            ),
          );
        },
      }),
  });
  const server = new ApolloServer({ gateway });
  const { url } = await startStandaloneServer(server, { listen: { host: '127.0.0.1', port: 0 } });
  return { url, stop: () => server.stop() };
}

async function serveChild(role: Role, secret: string, clientSecret: string, urlsJson: string): Promise<void> {
  // Ctrl-C reaches the whole process group: the parent decides when to stop, so databases are dropped.
  process.on('SIGINT', () => undefined);
  let stop: () => Promise<void>;
  let ready: Ready;
  if (role === 'subgraphs') {
    // The load comes from one address: a per-client limit would measure itself.
    const config = benchSubgraphConfig({ prefix: 'bench_gw_', secret, extra: { RATE_LIMIT_PER_MINUTE: '0' } });
    await dropBenchDatabases(config, 'bench:gateway');
    const logger = createLogger('bench', 'silent');
    const running = await Promise.all(subgraphs.map((definition) => startSubgraph(definition, config, { logger })));
    const urls = Object.fromEntries(running.map((s) => [s.name, s.url]));
    ready = { url: required(urls['partnerships'], 'urls[partnerships]'), urls };
    stop = async () => {
      await Promise.all(running.map((s) => s.stop()));
      await dropBenchDatabases(config, 'bench:gateway');
    };
  } else if (role === 'bare') {
    const bare = await startBare(JSON.parse(urlsJson) as Record<string, string>, secret);
    ready = { url: bare.url };
    stop = () => bare.stop();
  } else {
    const gateway = await startGateway({
      supergraphSdl: readSupergraph(),
      subgraphUrls: JSON.parse(urlsJson) as Record<string, string>,
      host: '127.0.0.1',
      port: 0,
      logger: createLogger('bench', 'silent'),
      production: false,
      authenticator: createAuthenticator({ secret: clientSecret, issuer: 'bench', audience: 'bench' }),
      internalTokenSecret: secret,
      hardening: { ...defaultHardening, RATE_LIMIT_PER_MINUTE: 0 },
      observability:
        role === 'hive-dark'
          ? { enabled: false }
          : role === 'hive-traced'
            ? { otlpEndpoint: required(process.env['BENCH_OTLP_ENDPOINT'], 'BENCH_OTLP_ENDPOINT'), sampleRatio: 1 }
            : {},
    });
    ready = { url: gateway.url };
    stop = () => gateway.stop();
  }
  let stopping = false;
  const shutdown = () => {
    if (stopping) return;
    stopping = true;
    void stop().finally(() => process.exit(0));
  };
  process.on('message', (message: string) => {
    if (message === 'cpu') {
      const used = process.cpuUsage();
      tellParent({ cpuMicros: used.user + used.system });
    } else if (message === 'stop') shutdown();
  });
  // The parent died without saying stop: still clean up.
  process.on('disconnect', shutdown);
  tellParent(ready);
}

// ---- parent ---------------------------------------------------------------------------------

interface Side {
  readonly label: string;
  readonly url: string;
  readonly urls?: Record<string, string>;
  cpu(): Promise<number>;
  stop(): Promise<void>;
}

const children = new Set<Side>();
let interrupted = false;

async function startSide(
  role: Role,
  secret: string,
  clientSecret: string,
  urls: Record<string, string> = {},
  otlpEndpoint = '',
): Promise<Side> {
  // The secrets by environment, not argv, which any user of the machine can read with ps.
  const child: ChildProcess = fork(__filename, ['--serve', role, JSON.stringify(urls)], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    env: {
      ...process.env,
      BENCH_INTERNAL_SECRET: secret,
      BENCH_CLIENT_SECRET: clientSecret,
      BENCH_OTLP_ENDPOINT: otlpEndpoint,
    },
  });
  const next = <T>() =>
    new Promise<T>((resolve, reject) => {
      const onExit = (code: number | null) => reject(new Error(`the ${role} process exited (${code})`));
      child.once('exit', onExit);
      child.once('message', (message) => {
        child.off('exit', onExit);
        resolve(message as T);
      });
    });
  const ready = await next<Ready>();
  const side: Side = {
    label: role,
    url: ready.url.endsWith('/graphql') ? ready.url : new URL('/graphql', ready.url).toString(),
    ...(ready.urls ? { urls: ready.urls } : {}),
    cpu: async () => {
      const answer = next<{ cpuMicros: number }>();
      child.send('cpu');
      return (await answer).cpuMicros;
    },
    stop: async () => {
      children.delete(side);
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.send('stop');
      await exited;
    },
  };
  children.add(side);
  return side;
}

interface Load {
  readonly headers?: Record<string, string>;
  /** One header set per connection (signed-in callers). */
  readonly perConnection?: Array<Record<string, string>>;
  /** A header set per request (the subgraph's single-use tokens). */
  readonly perRequest?: () => Record<string, string>;
}

/** One autocannon run: requests per second and the side's CPU milliseconds per request. */
async function run(
  side: Side,
  query: string,
  clients: number,
  load: Load = {},
): Promise<{ rps: number; cpuMs: number }> {
  const body = JSON.stringify({ query });
  let connection = 0;
  const before = await side.cpu();
  const started = performance.now();
  const result = await autocannon({
    url: side.url,
    connections: clients,
    amount: requestsPerRun,
    // autocannon notices it is done only when it samples (every second by default): runs of a few
    // seconds would be rounded up by as much as a whole second.
    sampleInt: 20,
    timeout: 30,
    method: 'POST',
    headers: { 'content-type': 'application/json', ...load.headers },
    body,
    ...(load.perConnection
      ? {
          setupClient: (client) =>
            client.setHeaders({
              'content-type': 'application/json',
              ...required(load.perConnection, 'load.perConnection')[
                connection++ % required(load.perConnection, 'load.perConnection').length
              ],
            }),
        }
      : {}),
    ...(load.perRequest
      ? {
          requests: [
            {
              method: 'POST',
              body,
              setupRequest: (request) => ({
                ...request,
                headers: { ...request.headers, ...required(load.perRequest, 'load.perRequest')() },
              }),
            },
          ],
        }
      : {}),
  });
  const seconds = (performance.now() - started) / 1000;
  const cpuMs = ((await side.cpu()) - before) / 1000 / result.requests.total;
  const failed = result.non2xx + result.errors + result.timeouts;
  if (failed > 0)
    throw new Error(
      `${side.label}: ${failed} of ${result.requests.total} requests failed (non-2xx ${result.non2xx}, errors ${result.errors}, timeouts ${result.timeouts})`,
    );
  return { rps: result.requests.total / seconds, cpuMs };
}

/** A request checked by its body too (autocannon sees status codes only): GraphQL errors come with 200. */
async function check(url: string, query: string, headers: Record<string, string> = {}): Promise<void> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query }),
  });
  const answer = (await response.json()) as { errors?: Array<{ message: string; extensions?: { code?: string } }> };
  if (!response.ok || answer.errors)
    throw new Error(
      `${url}: ${response.status} ${answer.errors?.[0]?.extensions?.code ?? ''} ${answer.errors?.[0]?.message ?? ''}`,
    );
}

/**
 * A collector that takes every OTLP export and keeps nothing, in this (the parent) process: the
 * traced gateway pays for making, batching and sending its spans, as it would in production.
 */
async function startSink(): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer((request, response) => {
    request.resume();
    request.on('end', () => response.writeHead(200, { 'content-type': 'application/json' }).end('{}'));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

const stats = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    min: required(sorted[0], 'a measurement'),
    median: required(sorted[Math.floor(sorted.length / 2)], 'a measurement'),
    max: required(sorted[sorted.length - 1], 'a measurement'),
  };
};

/** Each side in turn, the order alternating by round. */
async function pair<T>(round: number, first: () => Promise<T>, second: () => Promise<T>): Promise<[T, T]> {
  if (round % 2 === 1) {
    const a = await first();
    return [a, await second()];
  }
  const b = await second();
  return [await first(), b];
}

async function main(): Promise<void> {
  process.env['DATABASE_URL'] ??= 'mysql://root@127.0.0.1:3306';
  if (process.argv[2] === '--serve')
    return serveChild(
      process.argv[3] as Role,
      required(process.env['BENCH_INTERNAL_SECRET'], 'BENCH_INTERNAL_SECRET'),
      required(process.env['BENCH_CLIENT_SECRET'], 'BENCH_CLIENT_SECRET'),
      required(process.argv[4], 'argument 4'),
    );
  const secret = randomBytes(32).toString('base64url');
  const clientSecret = randomBytes(32).toString('base64url');
  process.on('SIGINT', () => {
    if (interrupted) return;
    interrupted = true;
    process.stderr.write('bench:gateway: interrupted, stopping\n');
    void Promise.all([...children].map((side) => side.stop())).finally(() => process.exit(130));
  });
  const graph = await startSide('subgraphs', secret, clientSecret);
  const sink = await startSink();
  try {
    const urls = required(graph.urls, 'graph.urls');
    const [hive, bare, traced, dark] = await Promise.all([
      startSide('hive', secret, clientSecret, urls),
      startSide('bare', secret, clientSecret, urls),
      startSide('hive-traced', secret, clientSecret, urls, sink.url),
      startSide('hive-dark', secret, clientSecret, urls),
    ]);
    // A different person per connection: the same role and partnership, another subject each.
    const person = required(demoIdentities['west-sussex-social-worker'], 'demo identity west-sussex-social-worker');
    const people = Array.from({ length: connections }, (_, i) => ({ ...person, subject: `bench:person-${i}` }));
    const signedIn = await Promise.all(
      people.map(async (identity) => ({
        authorization: `Bearer ${await mintDevelopmentToken(identity, { secret: clientSecret, issuer: 'bench', audience: 'bench' })}`,
      })),
    );
    // The subgraph asked directly: each request a token of its own (single use, bound to the body),
    // for the same people, signed before the run so the load generator does not pay for it.
    let tokens: string[] = [];
    const signTokens = async () => {
      tokens = await Promise.all(
        Array.from({ length: requestsPerRun + manyClients }, (_, i) =>
          signInternalToken(
            {
              identity: required(people[i % people.length], 'people[i % people.length]'),
              operationName: null,
              requestId: randomUUID(),
              operation: { query: oneSubgraphQuery },
            },
            secret,
          ),
        ),
      );
    };
    const direct: Load = { perRequest: () => ({ [internalIdentityHeader]: tokens.pop() ?? '' }) };

    await signTokens();
    for (const side of [hive, bare, traced, dark]) await check(side.url, dashboardQuery, signedIn[0]);
    for (const side of [hive, bare]) await check(side.url, dashboardQuery);
    await check(hive.url, oneSubgraphQuery, signedIn[0]);
    await check(graph.url, oneSubgraphQuery, { [internalIdentityHeader]: required(tokens.pop(), 'tokens.pop()') });
    // Warm every side: JIT, connection pools, query plans.
    for (const side of [hive, bare, traced, dark])
      await run(side, dashboardQuery, connections, { perConnection: signedIn });
    for (const side of [hive, bare]) await run(side, dashboardQuery, manyClients);
    await run(hive, oneSubgraphQuery, connections, { perConnection: signedIn });
    await signTokens();
    await run(graph, oneSubgraphQuery, connections, direct);

    const cpuRatios: number[] = [];
    const dedupRatios: number[] = [];
    const oneRatios: number[] = [];
    const metricsCost: number[] = [];
    const tracingCost: number[] = [];
    const out = process.stdout;
    out.write(
      `bench:gateway — ${rounds} interleaved rounds of ${requestsPerRun} requests (${connections} connections; anonymous dashboard ${manyClients}), node ${process.version}, load ${os
        .loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}, ${os.cpus().length} cores\n`,
    );
    out.write(
      `${'round'.padEnd(6)}${'bare ms/req'.padStart(14)}${'hive ms/req'.padStart(12)}${'ratio'.padStart(7)}${'hive rps'.padStart(10)}${'bare rps'.padStart(10)}${'ratio'.padStart(7)}${'hive 1-sg'.padStart(11)}${'subgraph'.padStart(10)}${'ratio'.padStart(7)}${'off ms'.padStart(8)}${'traced'.padStart(8)}\n`,
    );
    for (let round = 1; round <= rounds; round++) {
      const [a, h] = await pair(
        round,
        // The bare gateway ignores who signs in (it signs every subgraph request as anonymous).
        () => run(bare, dashboardQuery, connections, { perConnection: signedIn }),
        () => run(hive, dashboardQuery, connections, { perConnection: signedIn }),
      );
      const [ha, ba] = await pair(
        round,
        () => run(hive, dashboardQuery, manyClients),
        () => run(bare, dashboardQuery, manyClients),
      );
      const [h1, s1] = await pair(
        round,
        // Signed in, one person per connection, like the direct side: anonymous reads would be
        // deduplicated by the gateway, and the ratio would measure that instead of its overhead.
        () => run(hive, oneSubgraphQuery, connections, { perConnection: signedIn }),
        async () => {
          await signTokens();
          return run(graph, oneSubgraphQuery, connections, direct);
        },
      );
      // Observability's cost: the same gateway with it off, traced, and (h, above) as deployed.
      const [t, d] = await pair(
        round,
        () => run(traced, dashboardQuery, connections, { perConnection: signedIn }),
        () => run(dark, dashboardQuery, connections, { perConnection: signedIn }),
      );
      metricsCost.push(h.cpuMs / d.cpuMs);
      tracingCost.push(t.cpuMs / d.cpuMs);
      cpuRatios.push(h.cpuMs / a.cpuMs);
      dedupRatios.push(ha.rps / ba.rps);
      oneRatios.push(h1.rps / s1.rps);
      out.write(
        `${String(round).padEnd(6)}${a.cpuMs.toFixed(2).padStart(14)}${h.cpuMs.toFixed(2).padStart(12)}${(h.cpuMs / a.cpuMs).toFixed(2).padStart(7)}${ha.rps.toFixed(0).padStart(10)}${ba.rps.toFixed(0).padStart(10)}${(ha.rps / ba.rps).toFixed(2).padStart(7)}${h1.rps.toFixed(0).padStart(11)}${s1.rps.toFixed(0).padStart(10)}${(h1.rps / s1.rps).toFixed(2).padStart(7)}${d.cpuMs.toFixed(2).padStart(8)}${t.cpuMs.toFixed(2).padStart(8)}\n`,
      );
    }
    const lines: Array<[string, number[], 'le' | 'ge', number]> = [
      ['1. signed-in dashboard, gateway CPU/request, hive / bare @apollo/gateway', cpuRatios, 'le', 0.7],
      ['2. anonymous dashboard, requests/s, hive / bare @apollo/gateway   ', dedupRatios, 'ge', 3],
      ['3. one-subgraph query, requests/s, hive / the subgraph directly   ', oneRatios, 'ge', 0.7],
    ];
    let met = true;
    for (const [label, values, direction, target] of lines) {
      const s = stats(values);
      const ok = direction === 'le' ? s.median <= target : s.median >= target;
      met &&= ok;
      out.write(
        `${label}: min ${s.min.toFixed(2)}  median ${s.median.toFixed(2)}  max ${s.max.toFixed(2)}  (target ${direction === 'le' ? '≤' : '≥'} ${target.toFixed(2)}) ${ok ? 'met' : 'NOT met'}\n`,
      );
    }
    for (const [label, values] of [
      ['observability cost, CPU/request, metrics + access line ÷ off        ', metricsCost],
      ['observability cost, CPU/request, + every trace over OTLP ÷ off      ', tracingCost],
    ] as const) {
      const s = stats(values);
      out.write(`${label}: min ${s.min.toFixed(2)}  median ${s.median.toFixed(2)}  max ${s.max.toFixed(2)}\n`);
    }
    out.write(
      `load after the rounds ${os
        .loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}\n`,
    );
    process.exitCode = met ? 0 : 1;
  } finally {
    await Promise.all([...children].filter((side) => side !== graph).map((side) => side.stop()));
    await graph.stop();
    await sink.close();
  }
}

void main().catch(async (error: unknown) => {
  // Interrupted: the SIGINT handler is stopping the children and exits 130 itself.
  if (interrupted) return;
  process.stderr.write(`bench:gateway: ${error instanceof Error ? error.message : String(error)}\n`);
  await Promise.all([...children].map((side) => side.stop()));
  process.exit(1);
});
