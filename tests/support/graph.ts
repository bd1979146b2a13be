import 'reflect-metadata';
import mysql from 'mysql2/promise';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import {
  createLogger,
  defaultHardening,
  demoIdentities,
  migrateSubgraph,
  mintDevelopmentToken,
  OutboxEvent,
  OutboxPosition,
  parseEnvironment,
  resolveDatabaseTarget,
  startSubgraph,
  subgraphEnvironment,
  type RunningHttpService,
  type RunningSubgraph,
  type SubgraphConfig,
  type Identity,
  type SubgraphName,
} from '@safeguarding/shared';
import type { SpanExporter } from '@safeguarding/shared';
import { In } from 'typeorm';
import { print } from 'graphql';
import type { GraphQLResponse } from './narrow';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import {
  createAuthenticator,
  readSupergraph,
  startGateway,
  subgraphs,
  type UpstreamOptions,
} from '@safeguarding/gateway';
import { startIdentityProvider, type TestIdentityProvider } from './identity-provider';

export const onMysql = Boolean(process.env['DATABASE_URL']);

export { at, dataOf, errorsOf, firstError, present, type GraphQLResponse } from './narrow';

declare const answerShape: unique symbol;

/**
 * An operation's text with the shape of its answer and of its variables, stated once beside it so
 * that every `graph.query` of it is typed (the phantom member exists only for the compiler).
 */
export interface Operation<TData, TVariables = Record<string, unknown>> {
  readonly source: string;
  readonly [answerShape]?: { readonly data: TData; readonly variables: TVariables };
}

/** Names the shape a test expects of an operation's answer (and variables): `gql<{ viewer: … }>(`query …`)`. */
export function gql<TData, TVariables = Record<string, unknown>>(source: string): Operation<TData, TVariables> {
  return { source };
}

export interface QueryOptions {
  /** A demo identity (shared/src/demo.ts) to sign in as, or a raw Authorization header value. */
  readonly as?: keyof typeof demoIdentities;
  readonly authorization?: string;
}

export interface TestGraph {
  readonly gatewayUrl: string;
  readonly subgraphs: Record<SubgraphName, RunningSubgraph>;
  /** The secrets this graph was started with, so tests can forge with the wrong ones. */
  readonly secrets: { readonly jwt: string; readonly internal: string };
  query<TData, TVariables>(
    operation: Operation<TData, TVariables> | TypedDocumentNode<TData, TVariables>,
    variables?: TVariables,
    options?: QueryOptions,
  ): Promise<GraphQLResponse<TData>>;
  query<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    options?: QueryOptions,
  ): Promise<GraphQLResponse<T>>;
  /** A token for a demo identity (or any identity), signed as the identity provider would. */
  tokenFor(identity: keyof typeof demoIdentities | Identity): Promise<string>;
  /** How the subgraphs learn who is asking (see GraphOptions.subgraphAuth). */
  readonly subgraphAuth: SubgraphAuthMode;
  /** SQL statements issued per subgraph while `work` runs. */
  countStatements(work: () => Promise<unknown>): Promise<Record<SubgraphName, number>>;
  /** Stops one subgraph (its process gone, as after a crash or a deploy)… */
  stopSubgraph(name: SubgraphName): Promise<void>;
  /** …and starts it again on the same port and database. */
  startSubgraph(name: SubgraphName): Promise<RunningSubgraph>;
  stop(): Promise<void>;
}

let graphs = 0;

/**
 * `internal`: the gateway mints its signed identity token per subgraph request (the default).
 * `jwks`: the Router path. The subgraphs run with SUBGRAPH_AUTH=jwks against a test identity
 * provider's JWKS, and the gateway forwards each caller's own token, as Router's header propagation
 * does; tokens are then ES256, signed by that provider.
 */
export type SubgraphAuthMode = 'internal' | 'jwks';
let defaultSubgraphAuth: SubgraphAuthMode = 'internal';

/** Every graph this test file starts from now on runs in this mode (a file reusing another's cases). */
export function useSubgraphAuth(mode: SubgraphAuthMode): void {
  defaultSubgraphAuth = mode;
}

const auditSigningKey = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();

/** A per-graph config: in-memory SQLite, or a fresh set of MySQL databases with their own prefix. */
export function testConfig(overrides: Record<string, string> = {}): SubgraphConfig {
  const internal = overrides['INTERNAL_TOKEN_SECRET'] ?? randomBytes(32).toString('base64url');
  graphs += 1;
  return parseEnvironment(subgraphEnvironment, {
    ...process.env,
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    PORT: '0',
    DATA_DIR: ':memory:',
    DATABASE_NAME_PREFIX: `test_${process.pid}_${graphs}_`,
    INTERNAL_TOKEN_SECRET: internal,
    // A production-mode graph needs the audit keys too; each test graph gets its own.
    AUDIT_HMAC_KEY: randomBytes(32).toString('base64url'),
    AUDIT_SIGNING_KEY: auditSigningKey,
    // And its own child-key secret, as production requires one.
    CHILD_KEY_SECRET: randomBytes(32).toString('base64url'),
    ...overrides,
  });
}

/** The whole graph in this process: five subgraphs and the gateway on free ports, through HTTP. */
export interface GraphOptions {
  readonly demoData?: boolean;
  readonly now?: () => Date;
  /** Every log line of the whole graph, at every level, as the production logger writes them. */
  readonly logLines?: string[];
  /** Settings over the per-graph defaults, e.g. the DATA_DIR a command wrote to. */
  readonly overrides?: Record<string, string>;
  /** Leave the MySQL databases in place at start and stop (they belong to the caller). */
  readonly keepDatabases?: boolean;
  /** Browser origins the gateway lets call it (a portal under test). */
  readonly corsOrigins?: readonly string[];
  /**
   * Every process in production mode (subgraphs answer the gateway only, no introspection). The
   * databases are migrated first, as the deploy's migrate step would; in-memory SQLite cannot be
   * (each connection is its own database), so this needs DATA_DIR pointing at a directory, or MySQL.
   */
  readonly production?: boolean;
  /** The outbox relays' pause between empty passes (default 250 ms). */
  readonly relayIntervalMs?: number;
  /** Defaults to the file's mode (useSubgraphAuth), itself `internal`. */
  readonly subgraphAuth?: SubgraphAuthMode;
  /** Every span the gateway and every subgraph make (tests of tracing). */
  readonly spanExporter?: SpanExporter;
  /** Leave background workers (webhook deliveries, reminders) stopped, for a test that drives their passes. */
  readonly startWorkers?: boolean;
  /** Skip the subgraphs' start-up reconciliation of obligations (a test of the index alone). */
  readonly reconcileObligations?: boolean;
  /** The gateway's timeout and circuit towards the subgraphs (tests of an outage). */
  readonly upstream?: Partial<UpstreamOptions>;
  /** Send the gateway elsewhere for some subgraphs, e.g. to a process a test freezes. */
  readonly subgraphUrls?: Partial<Record<SubgraphName, string>>;
}

export async function startGraph(options: GraphOptions = {}): Promise<TestGraph> {
  const subgraphAuth = options.subgraphAuth ?? defaultSubgraphAuth;
  const provider: TestIdentityProvider | null = subgraphAuth === 'jwks' ? await startIdentityProvider() : null;
  const routerMode: Record<string, string> = provider
    ? {
        SUBGRAPH_AUTH: 'jwks',
        AUTH_JWKS_URL: provider.jwksUrl,
        AUTH_ISSUER: provider.issuer,
        AUTH_AUDIENCE: provider.audience,
      }
    : {};
  const config = testConfig({
    DEMO_DATA: options.demoData === false ? 'false' : 'true',
    ...routerMode,
    ...options.overrides,
  });
  const lines = options.logLines;
  const logger = lines
    ? createLogger('test', 'trace', { write: (line: string) => void lines.push(line) })
    : createLogger('test', 'silent');
  const jwtSecret = randomBytes(32).toString('base64url');
  const internalSecret = config.INTERNAL_TOKEN_SECRET!;
  if (onMysql && !options.keepDatabases) await dropDatabases(config);
  if (options.production) {
    for (const definition of subgraphs) await migrateSubgraph(definition, { ...config, NODE_ENV: 'test' }, logger);
  }
  const startOptions = {
    logger,
    ...(options.now ? { now: options.now } : {}),
    ...(options.relayIntervalMs !== undefined ? { relayIntervalMs: options.relayIntervalMs } : {}),
    ...(options.spanExporter ? { spanExporter: options.spanExporter } : {}),
    ...(options.startWorkers !== undefined ? { startWorkers: options.startWorkers } : {}),
    ...(options.reconcileObligations !== undefined ? { reconcileObligations: options.reconcileObligations } : {}),
  };
  // The services that take events start first, each before those that post to it: on the embedded
  // bus every relay posts to each of them. Notifications records no events of its own, so its relay
  // needs no escalations address; escalations' relay posts to notifications.
  const intakeUrl = (subgraph: RunningSubgraph) => subgraph.url.replace(/\/graphql$/, '/internal/events');
  const notifications = subgraphs.find((definition) => definition.name === 'notifications')!;
  const escalations = subgraphs.find((definition) => definition.name === 'escalations')!;
  const notificationsRunning = await startSubgraph(notifications, config, startOptions);
  const consumerConfig: SubgraphConfig = { ...config, NOTIFICATIONS_EVENTS_URL: intakeUrl(notificationsRunning) };
  let escalationsRunning: RunningSubgraph;
  try {
    escalationsRunning = await startSubgraph(escalations, consumerConfig, startOptions);
  } catch (error) {
    await notificationsRunning.stop();
    throw error;
  }
  const domainConfig: SubgraphConfig = { ...consumerConfig, ESCALATIONS_EVENTS_URL: intakeUrl(escalationsRunning) };
  const consumerPorts = {
    notifications: Number(new URL(notificationsRunning.url).port),
    escalations: Number(new URL(escalationsRunning.url).port),
  };
  const configOf = (name: SubgraphName): SubgraphConfig =>
    name === 'notifications' || name === 'escalations' ? { ...domainConfig, PORT: consumerPorts[name] } : domainConfig;
  let running: RunningSubgraph[];
  try {
    running = [
      ...(await Promise.all(
        subgraphs
          .filter((definition) => definition !== notifications && definition !== escalations)
          .map((definition) => startSubgraph(definition, domainConfig, startOptions)),
      )),
      escalationsRunning,
      notificationsRunning,
    ];
  } catch (error) {
    await escalationsRunning.stop();
    await notificationsRunning.stop();
    throw error;
  }
  const byName = Object.fromEntries(running.map((subgraph) => [subgraph.name, subgraph])) as Record<
    SubgraphName,
    RunningSubgraph
  >;
  const stopped = new Set<SubgraphName>();
  // Referral records are attributed from the escalations service's projection of partnership
  // footprints, fed by the partnerships service's outbox, and disagreements are checked against its
  // directories of agencies and schools, fed by those services' outboxes: a test starts once all are relayed.
  try {
    await relayed(byName.partnerships);
    if (byName.agencies) await relayed(byName.agencies);
    if (byName.schools) await relayed(byName.schools);
  } catch (error) {
    await Promise.all(running.map((subgraph) => subgraph.stop()));
    throw error;
  }
  let gateway: RunningHttpService;
  try {
    gateway = await startGateway({
      supergraphSdl: readSupergraph(),
      subgraphUrls: {
        ...Object.fromEntries(running.map((subgraph) => [subgraph.name, subgraph.url])),
        ...options.subgraphUrls,
      },
      ...(options.upstream ? { upstream: options.upstream } : {}),
      ...(options.spanExporter ? { observability: { spanExporter: options.spanExporter } } : {}),
      host: '127.0.0.1',
      port: 0,
      logger,
      production: options.production ?? false,
      authenticator: provider
        ? createAuthenticator({ jwksUrl: provider.jwksUrl, issuer: provider.issuer, audience: provider.audience })
        : createAuthenticator({ secret: jwtSecret, issuer: 'test-issuer', audience: 'test-audience' }),
      internalTokenSecret: internalSecret,
      ...(provider ? { forwardAuthorization: true } : {}),
      ...(options.corsOrigins || options.overrides?.['MAX_COST']
        ? {
            hardening: {
              ...defaultHardening,
              ...(options.corsOrigins ? { CORS_ORIGINS: [...options.corsOrigins] } : {}),
              // A test of batching reads many lists at once; the gateway's cost limit is tested elsewhere.
              ...(options.overrides?.['MAX_COST'] ? { MAX_COST: Number(options.overrides['MAX_COST']) } : {}),
            },
          }
        : {}),
    });
  } catch (error) {
    await Promise.all(running.map((subgraph) => subgraph.stop()));
    await provider?.stop();
    throw error;
  }
  const tokenFor = (who: keyof typeof demoIdentities | Identity) => {
    const identity = typeof who === 'string' ? demoIdentities[who]! : who;
    return provider
      ? provider.sign(identity)
      : mintDevelopmentToken(identity, { secret: jwtSecret, issuer: 'test-issuer', audience: 'test-audience' });
  };
  const query = async <T>(
    operation: string | Operation<T, unknown> | TypedDocumentNode<T, unknown>,
    variables?: unknown,
    options: QueryOptions = {},
  ): Promise<GraphQLResponse<T>> => {
    const document =
      typeof operation === 'string' ? operation : 'source' in operation ? operation.source : print(operation);
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (options.as) headers['authorization'] = `Bearer ${await tokenFor(options.as)}`;
    if (options.authorization !== undefined) headers['authorization'] = options.authorization;
    const response = await fetch(gateway.url, {
      method: 'POST',
      headers,
      body: JSON.stringify({ query: document, variables }),
    });
    return (await response.json()) as GraphQLResponse<T>;
  };
  return {
    gatewayUrl: gateway.url,
    subgraphs: byName,
    secrets: { jwt: jwtSecret, internal: internalSecret },
    query,
    tokenFor,
    subgraphAuth,
    countStatements: async (work) => {
      const before = Object.fromEntries(running.map((s) => [s.name, s.statements.count]));
      await work();
      return Object.fromEntries(running.map((s) => [s.name, s.statements.count - (before[s.name] ?? 0)])) as Record<
        SubgraphName,
        number
      >;
    },
    stopSubgraph: async (name) => {
      if (stopped.has(name)) return;
      stopped.add(name);
      await byName[name].stop();
    },
    startSubgraph: async (name) => {
      const definition = subgraphs.find((candidate) => candidate.name === name)!;
      const port = new URL(byName[name].url).port;
      const restarted = await startSubgraph(definition, { ...configOf(name), PORT: Number(port) }, startOptions);
      stopped.delete(name);
      running = running.map((subgraph) => (subgraph.name === name ? restarted : subgraph));
      byName[name] = restarted;
      return restarted;
    },
    stop: async () => {
      await gateway.stop();
      await Promise.all(running.filter((subgraph) => !stopped.has(subgraph.name)).map((subgraph) => subgraph.stop()));
      await provider?.stop();
      if (onMysql && !options.keepDatabases) await dropDatabases(config);
    },
  };
}

/**
 * Waits until every destination of the subgraph's outbox (each consumer on the embedded bus, the
 * stream on NATS) has taken every event in it.
 */
export async function relayed(subgraph: RunningSubgraph, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const behind = async () => {
    const last = await subgraph.db.getRepository(OutboxEvent).maximum('position');
    if (last === null) return false;
    const destinations = subgraph.outboxDestinations();
    if (destinations.length === 0) return true;
    const positions = await subgraph.db.getRepository(OutboxPosition).findBy({ consumer: In([...destinations]) });
    return positions.length < destinations.length || positions.some((taken) => taken.position < last);
  };
  while (await behind()) {
    if (Date.now() > deadline) throw new Error(`${subgraph.name}'s outbox was not relayed within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export async function dropDatabases(config: SubgraphConfig): Promise<void> {
  const first = resolveDatabaseTarget('partnerships', config);
  if (first.kind !== 'mysql') return;
  const connection = await mysql.createConnection({
    host: first.host,
    port: first.port,
    user: first.user,
    password: first.password,
  });
  try {
    for (const definition of subgraphs) {
      const target = resolveDatabaseTarget(definition.name, config);
      if (target.kind === 'mysql') await connection.query(`DROP DATABASE IF EXISTS \`${target.database}\``);
    }
  } finally {
    await connection.end();
  }
}
