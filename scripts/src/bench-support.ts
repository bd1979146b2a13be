import { fork, type ChildProcess } from 'node:child_process';
import { generateKeyPairSync, randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import autocannon from 'autocannon';
import mysql from 'mysql2/promise';
import {
  createLogger,
  defaultHardening,
  demoIdentities,
  mintDevelopmentToken,
  OutboxEvent,
  OutboxPosition,
  parseEnvironment,
  resolveDatabaseTarget,
  startSubgraph,
  subgraphEnvironment,
  type Logger,
  type Identity,
  type RunningHttpService,
  type RunningSubgraph,
  type SubgraphConfig,
} from '@safeguarding/shared';
import { In } from 'typeorm';
import {
  createAuthenticator,
  readSupergraph,
  startGateway,
  subgraphs,
  type GatewayOptions,
} from '@safeguarding/gateway';

/**
 * The subgraphs' settings every benchmark starts them with: demo data, silent logs, free ports, its
 * own database prefix (dropped before and after) and fresh keys, so no run reads another's rows.
 */
export function benchSubgraphConfig(options: {
  readonly prefix: string;
  readonly secret?: string;
  readonly signingKey?: string;
  readonly extra?: Record<string, string>;
}): SubgraphConfig {
  return parseEnvironment(subgraphEnvironment, {
    ...process.env,
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    PORT: '0',
    DATABASE_NAME_PREFIX: options.prefix,
    DEMO_DATA: 'true',
    INTERNAL_TOKEN_SECRET: options.secret ?? randomBytes(32).toString('base64url'),
    AUDIT_HMAC_KEY: randomBytes(32).toString('base64url'),
    AUDIT_SIGNING_KEY:
      options.signingKey ??
      generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    ...options.extra,
  });
}

/** Drops the six subgraphs' benchmark databases; the benchmarks measure MySQL only. */
export async function dropBenchDatabases(config: SubgraphConfig, script: string): Promise<void> {
  for (const definition of subgraphs) {
    const target = resolveDatabaseTarget(definition.name, config);
    if (target.kind !== 'mysql') throw new Error(`${script} needs MySQL: set DATABASE_URL`);
    const connection = await mysql.createConnection({
      host: target.host,
      port: target.port,
      user: target.user,
      password: target.password,
    });
    await connection.query(`DROP DATABASE IF EXISTS \`${target.database}\``);
    await connection.end();
  }
}

/** What a bench cannot go on without (an argument, a subgraph, a measurement): its absence is said by name. */
export function required<T>(value: T | null | undefined, what: string): T {
  if (value === null || value === undefined) throw new Error(`${what} is missing`);
  return value;
}

/** Answers the bench process that started this one; a child started without an IPC channel is a mistake. */
export function tellParent(message: unknown): void {
  if (!process.send) throw new Error('started without an IPC channel: run by the bench, not by hand');
  process.send(message);
}

/** This repository's root (scripts/dist is two levels down). */
export const repositoryTree = path.resolve(__dirname, '../..');

/** A server a bench runs in a process of its own, so that its CPU time is its own. */
export interface Side {
  readonly label: string;
  readonly url: string;
  readonly urls?: Record<string, string>;
  /** Microseconds of CPU the process has used so far. */
  cpu(): Promise<number>;
  stop(): Promise<void>;
}

/** What a server process tells the bench once it listens. */
export interface Ready {
  readonly url: string;
  readonly urls?: Record<string, string>;
}

/** Forks `script` as a server (secrets by `env`, never argv, which `ps` shows) and waits until it listens. */
export async function forkSide(
  label: string,
  script: string,
  args: readonly string[],
  env: Record<string, string> = {},
): Promise<Side> {
  const child: ChildProcess = fork(script, ['--serve', ...args], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    env: { ...process.env, ...env },
  });
  const next = <T>() =>
    new Promise<T>((resolve, reject) => {
      const onExit = (code: number | null) => reject(new Error(`the ${label} process exited (${code})`));
      child.once('exit', onExit);
      child.once('message', (message) => {
        child.off('exit', onExit);
        resolve(message as T);
      });
    });
  const ready = await next<Ready>();
  return {
    label,
    url: ready.url.endsWith('/graphql') ? ready.url : new URL('/graphql', ready.url).toString(),
    ...(ready.urls ? { urls: ready.urls } : {}),
    cpu: async () => {
      const answer = next<{ cpuMicros: number }>();
      child.send('cpu');
      return (await answer).cpuMicros;
    },
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.send('stop');
      await exited;
    },
  };
}

/** The server process's half of `forkSide`: says it is ready, answers `cpu`, stops on `stop` or when the bench goes. */
export function serveToParent(ready: Ready, stop: () => Promise<void>): void {
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
  // The bench died without saying stop: still clean up.
  process.on('disconnect', shutdown);
  tellParent(ready);
}

/** The issuer and audience of the callers' tokens in every bench (HS256, the bench's own secret). */
export const benchCallerTokens = { issuer: 'bench', audience: 'bench' } as const;

/** Our gateway as `npm start` runs it, minus the per-client rate limit (one address sends all the load). */
export function startBenchGateway(options: {
  readonly urls: Record<string, string>;
  readonly secret: string;
  readonly clientSecret: string;
  readonly observability?: GatewayOptions['observability'];
}): Promise<RunningHttpService> {
  return startGateway({
    supergraphSdl: readSupergraph(),
    subgraphUrls: options.urls,
    host: '127.0.0.1',
    port: 0,
    logger: createLogger('bench', 'silent'),
    production: false,
    authenticator: createAuthenticator({ secret: options.clientSecret, ...benchCallerTokens }),
    internalTokenSecret: options.secret,
    hardening: { ...defaultHardening, RATE_LIMIT_PER_MINUTE: 0 },
    ...(options.observability ? { observability: options.observability } : {}),
  });
}

/** The parts of a tree's shared package a bare gateway needs, as that tree built them. */
interface TreeShared {
  readonly internalIdentityHeader: string;
  signInternalToken(
    grant: {
      identity: unknown;
      operationName: string | null;
      requestId: string;
      operation: { query?: unknown; operationName?: unknown; variables?: unknown };
    },
    secret: string,
  ): Promise<string>;
  createAuthenticator(options: { secret: string; issuer: string; audience: string }): {
    authenticate(authorization: string | undefined): Promise<unknown>;
  };
}

interface BareContext {
  readonly identity: unknown;
  readonly requestId: string;
}

/**
 * A bare `@apollo/gateway` in `@apollo/server`, as Apollo's documentation starts it, in front of a
 * tree's subgraphs (this one's or the base commit's): that tree's supergraph and token code, so each
 * tree's subgraphs hear what they were built to hear. None of our hardening (limits, cost, rate
 * limit, circuit, retries, error masking); only what the subgraphs require: the token vouching for
 * each subgraph request, anonymous, or, given `clientSecret`, for the caller its bearer token names.
 */
export async function startBareGateway(options: {
  readonly tree: string;
  readonly urls: Record<string, string>;
  readonly secret: string;
  readonly clientSecret?: string;
}): Promise<{ url: string; stop(): Promise<void> }> {
  const shared = createRequire(__filename)(path.join(options.tree, 'shared')) as TreeShared;
  const authenticator = options.clientSecret
    ? shared.createAuthenticator({ secret: options.clientSecret, ...benchCallerTokens })
    : null;
  const gateway = new ApolloGateway({
    supergraphSdl: fs.readFileSync(path.join(options.tree, 'supergraph.graphql'), 'utf8'),
    buildService: ({ name }) =>
      new RemoteGraphQLDataSource<BareContext>({
        url: required(options.urls[name], `the ${name} subgraph's URL`),
        async willSendRequest({ request, context }) {
          const caller = context as Partial<BareContext>;
          request.http?.headers.set(
            shared.internalIdentityHeader,
            await shared.signInternalToken(
              {
                identity: caller.identity ?? null,
                operationName: null,
                requestId: caller.requestId ?? randomUUID(),
                operation: { query: request.query, operationName: request.operationName, variables: request.variables },
              },
              options.secret,
            ),
          );
        },
      }),
  });
  const server = new ApolloServer<BareContext>({ gateway });
  const { url } = await startStandaloneServer(server, {
    listen: { host: '127.0.0.1', port: 0 },
    context: async ({ req }) => ({
      identity: authenticator ? await authenticator.authenticate(req.headers.authorization) : null,
      requestId: randomUUID(),
    }),
  });
  return { url, stop: () => server.stop() };
}

/** How the load identifies itself. */
export interface Load {
  readonly headers?: Record<string, string>;
  /** One header set per connection (signed-in callers). */
  readonly perConnection?: ReadonlyArray<Record<string, string>>;
  /** A header set per request (the subgraph's single-use tokens). */
  readonly perRequest?: () => Record<string, string>;
}

/** One autocannon run of `requests`: requests per second and the side's CPU milliseconds per request; a failure throws. */
export async function loadSide(
  side: Side,
  query: string,
  options: { readonly connections: number; readonly requests: number } & Load,
): Promise<{ rps: number; cpuMs: number }> {
  const body = JSON.stringify({ query });
  let connection = 0;
  const { perConnection, perRequest } = options;
  const before = await side.cpu();
  const started = performance.now();
  const result = await autocannon({
    url: side.url,
    connections: options.connections,
    amount: options.requests,
    // autocannon notices it is done only when it samples (every second by default): runs of a few
    // seconds would be rounded up by as much as a whole second.
    sampleInt: 20,
    timeout: 30,
    method: 'POST',
    headers: { 'content-type': 'application/json', ...options.headers },
    body,
    ...(perConnection
      ? {
          setupClient: (client) =>
            client.setHeaders({
              'content-type': 'application/json',
              ...perConnection[connection++ % perConnection.length],
            }),
        }
      : {}),
    ...(perRequest
      ? {
          requests: [
            {
              method: 'POST',
              body,
              setupRequest: (request) => ({ ...request, headers: { ...request.headers, ...perRequest() } }),
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
export async function checkAnswer(url: string, query: string, headers: Record<string, string> = {}): Promise<void> {
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

/** Min, median and max of a ratio over the rounds. */
export function stats(values: readonly number[]): { min: number; median: number; max: number } {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    min: required(sorted[0], 'a measurement'),
    median: required(sorted[Math.floor(sorted.length / 2)], 'a measurement'),
    max: required(sorted[sorted.length - 1], 'a measurement'),
  };
}

/** Each side in turn, the order alternating by round, so neither always meets a warmer or cooler machine. */
export async function pair<T>(round: number, first: () => Promise<T>, second: () => Promise<T>): Promise<[T, T]> {
  if (round % 2 === 1) {
    const a = await first();
    return [a, await second()];
  }
  const b = await second();
  return [await first(), b];
}

/** `connections` signed-in callers, one per connection: the same role and partnership, another person each. */
export async function distinctCallers(
  connections: number,
  clientSecret: string,
): Promise<{ people: Identity[]; headers: Array<Record<string, string>> }> {
  const person = required(demoIdentities['west-sussex-social-worker'], 'demo identity west-sussex-social-worker');
  const people = Array.from({ length: connections }, (_, i) => ({ ...person, subject: `bench:person-${i}` }));
  const headers = await Promise.all(
    people.map(async (identity) => ({
      authorization: `Bearer ${await mintDevelopmentToken(identity, { secret: clientSecret, ...benchCallerTokens })}`,
    })),
  );
  return { people, headers };
}

/**
 * Waits until every subgraph's outbox has gone to each of its destinations, and stays so for a whole
 * pass (a consumer's projection may record events of its own). Data loaded straight into the
 * databases (the national register: tens of thousands of school events) is otherwise still being
 * relayed and projected in the graph's process while the rounds run, and charged to whichever run
 * meets it.
 */
export async function outboxesSettled(
  running: readonly RunningSubgraph[],
  options: { readonly timeoutMs?: number; readonly report?: (behind: number) => void } = {},
): Promise<void> {
  const deadline = Date.now() + (options.timeoutMs ?? 15 * 60_000);
  const behindOf = async (subgraph: RunningSubgraph): Promise<number> => {
    const last = (await subgraph.db.getRepository(OutboxEvent).maximum('position')) ?? 0;
    const destinations = subgraph.outboxDestinations();
    if (last === 0 || destinations.length === 0) return 0;
    const positions = await subgraph.db.getRepository(OutboxPosition).findBy({ consumer: In([...destinations]) });
    const taken = new Map(positions.map((position) => [position.consumer, position.position]));
    return Math.max(...destinations.map((destination) => last - (taken.get(destination) ?? 0)));
  };
  let reported = 0;
  for (;;) {
    const behind = (await Promise.all(running.map(behindOf))).reduce((sum, count) => sum + count, 0);
    if (behind === 0) return;
    if (Date.now() > deadline) throw new Error(`the outboxes are still ${behind} events behind`);
    if (Date.now() - reported > 10_000) {
      options.report?.(behind);
      reported = Date.now();
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/**
 * The six subgraphs wired as `npm start` wires them: the services that take events first
 * (notifications, then escalations, whose relay posts to notifications), on free ports, and every
 * relay told where they listen. Started all at once on free ports, every relay would post to the
 * default addresses (ports 4005 and 4006), where nothing of this graph listens: each event refused
 * and retried in the background for the whole run, and never projected.
 */
export async function startBenchSubgraphs(config: SubgraphConfig, logger: Logger): Promise<RunningSubgraph[]> {
  const definition = (name: string) =>
    required(
      subgraphs.find((candidate) => candidate.name === name),
      `the ${name} subgraph`,
    );
  const intake = (subgraph: RunningSubgraph) => subgraph.url.replace(/\/graphql$/, '/internal/events');
  const started: RunningSubgraph[] = [];
  try {
    const notifications = await startSubgraph(definition('notifications'), config, { logger });
    started.push(notifications);
    const consumer: SubgraphConfig = { ...config, NOTIFICATIONS_EVENTS_URL: intake(notifications) };
    const escalations = await startSubgraph(definition('escalations'), consumer, { logger });
    started.push(escalations);
    const domain: SubgraphConfig = { ...consumer, ESCALATIONS_EVENTS_URL: intake(escalations) };
    const others = subgraphs.filter(
      (candidate) => candidate.name !== 'notifications' && candidate.name !== 'escalations',
    );
    for (const subgraph of await Promise.all(others.map((other) => startSubgraph(other, domain, { logger }))))
      started.push(subgraph);
    return started;
  } catch (error) {
    await Promise.all(started.map((subgraph) => subgraph.stop()));
    throw error;
  }
}
