import path from 'node:path';
import type { DataSource, MixedList } from 'typeorm';
import { ensureAuditChainHead, useAuditChainKeys } from './audit/audit-log';
import { useChildKeySecret } from './child/child-key';
import { AuditChainHead, AuditCheckpoint, AuditRecord } from './audit/audit-record.entity';
import { createAuditTrailResolver } from './audit/audit-trail';
import { auditPlugin } from './audit/audit-plugin';
import { OutboxEvent } from './events/outbox-event.entity';
import { OutboxPosition } from './events/outbox-position.entity';
import { createEventBus, eventConsumers } from './events/create-event-bus';
import { EmbeddedEventBus } from './events/embedded-event-bus';
import type { EventBus, EventHandler, EventSubscription } from './events/event-bus';
import { mountEventIntake } from './events/event-intake-route';
import { OutboxRelay } from './events/outbox-relay';
import { signedHttpEventHandler } from './events/signed-delivery';
import { Obligation } from './obligations/obligation.entity';
import { policyChecker } from './auth/auth-checker';
import { guardEntities, guardScopes, IdentifyingFields } from './auth/scopes';
import { CalendarDataError, WorkingDayCalendar } from './calendar';
import type { ClassType, NonEmptyArray } from 'type-graphql';
import { loadEnvironmentOrExit, ConfigError, subgraphEnvironment, type SubgraphConfig } from './config';
import type { Express, Request } from 'express';
import {
  checkInternalGrant,
  clientRequestId,
  InternalTokenError,
  internalIdentityHeader,
  ReplayGuard,
  verifyInternalToken,
  verifyInternalTokenSignature,
} from './auth/internal-token';
import type { JWTPayload } from 'jose';
import { createSubgraphContext, type RequestOrigin, type SubgraphContext, type SubgraphRuntime } from './context';
import { refusedCredential } from './errors';
import { createAuthenticator, type Authenticator } from './auth/caller-token';
import { OutboxEvent as OutboxRow } from './events/outbox-event.entity';
import {
  observationOf,
  observeDatabase,
  ServiceMetrics,
  traceRootFields,
  Tracing,
  type Observability,
} from './observability';
import type { OutboxRelayMetrics } from './observability/metrics';
import type { SpanExporter } from '@opentelemetry/sdk-trace-base';
import { parse, visit, type DocumentNode } from 'graphql';
import { AccessScope, type Identity } from './identity';
import {
  DatabaseUnavailableError,
  describeTarget,
  inBackground,
  connectDatabase,
  isDatabaseReachable,
  migrate,
  openDatabase,
  PendingMigrationsError,
  type SubgraphMigrations,
  resolveDatabaseTarget,
  StatementCounter,
} from './database';
import { buildFederatedSchema, type FederatedSchema, type ReferenceResolvers } from './federation';
import { PortInUseError, startHttpService } from './http-service';
import { createLogger, type Logger } from './logger';
import { ReferenceData, ReferenceDataError } from './reference-data';

export const subgraphNames = [
  'partnerships',
  'agencies',
  'schools',
  'reviews',
  'escalations',
  'notifications',
] as const;
export type SubgraphName = (typeof subgraphNames)[number];

export const defaultSubgraphPorts: Record<SubgraphName, number> = {
  partnerships: 4001,
  agencies: 4002,
  schools: 4003,
  reviews: 4004,
  escalations: 4005,
  notifications: 4006,
};

/** Everything that makes one subgraph; the shared runtime does the rest. */
export interface SubgraphDefinition {
  readonly name: SubgraphName;
  readonly entities: MixedList<ClassType>;
  readonly migrations: SubgraphMigrations;
  readonly resolvers: NonEmptyArray<ClassType>;
  readonly orphanedTypes?: ClassType[];
  readonly references: ReferenceResolvers<SubgraphContext>;
  /** This subgraph's Partnership (the entity, or its stub), to which its audit trail is added. */
  readonly partnershipType: ClassType<{ id: string }>;
  /** Loads this subgraph's slice of the demo data; must be idempotent (a second start adds nothing). */
  readonly loadDemoData?: (runtime: SubgraphRuntime) => Promise<void>;
  /** Loads reference data the subgraph serves (e.g. statutory organisations); idempotent, every start. */
  readonly loadReferenceData?: (runtime: SubgraphRuntime) => Promise<void>;
  /**
   * Recomputes every open obligation from the subgraph's current rows (ObligationLedger writes only
   * what changed), so data that predates a clock, or was loaded without one, is never missed; every start.
   */
  readonly reconcileObligations?: (runtime: SubgraphRuntime) => Promise<void>;
  /**
   * Set by each service that takes events (those named in `eventConsumers`): on the embedded bus it
   * answers signed POSTs on /internal/events, on NATS it is a durable consumer named after it. It
   * receives every subgraph's events and keeps what it uses. Every subgraph relays its own outbox.
   */
  readonly takeEvents?: (runtime: SubgraphRuntime) => EventHandler;
  /**
   * Records, every start, the events a consumer's projection needs for rows the outbox never
   * carried (rows older than the events, demo data loaded without them); idempotent.
   */
  readonly announceEvents?: (runtime: SubgraphRuntime) => Promise<void>;
  /** Work the service does on its own clock (webhook deliveries, reminders), started once it serves. */
  readonly workers?: (runtime: SubgraphRuntime, config: SubgraphConfig) => Record<string, BackgroundWorker>;
  /**
   * The entities whose tables the service writes on its own, not for a request: by taking events
   * (`takeEvents`) or in its `workers`. Whoever compares this subgraph's rows before and after a
   * request (a proof that a refused write changed nothing) leaves exactly these out: they move
   * with the outboxes and the clock whatever the request did.
   */
  readonly backgroundEntities?: readonly ClassType[];
  /**
   * The schools (URNs) that have delegated to a calling system, while their delegations are active:
   * the subgraph holding delegations answers it once per request of a system, so that
   * `AccessScope.actsForSchool` holds for the vendor as it does for the school's own staff.
   */
  readonly delegatedSchools?: (db: DataSource, identity: Identity) => Promise<readonly string[]>;
}

/** A loop the service runs beside its requests; `stop` waits for the work in hand. */
export interface BackgroundWorker {
  start(): void;
  stop(): Promise<void>;
}

/** Every subgraph keeps its own audit chain, its own outbox and its own obligations, so those tables are among its entities. */
export function subgraphEntities(definition: SubgraphDefinition): ClassType[] {
  return [
    ...(definition.entities as ClassType[]),
    AuditRecord,
    AuditChainHead,
    AuditCheckpoint,
    OutboxEvent,
    OutboxPosition,
    Obligation,
  ];
}

const schemas = new WeakMap<SubgraphDefinition, Promise<FederatedSchema>>();

/** The subgraph's schema and SDL; needs no database, so composition can run anywhere. */
export function subgraphSchema(definition: SubgraphDefinition): Promise<FederatedSchema> {
  let schema = schemas.get(definition);
  if (!schema) {
    const identifying = new IdentifyingFields();
    schema = buildFederatedSchema<SubgraphContext>(
      {
        resolvers: [...definition.resolvers, createAuditTrailResolver(definition.name, definition.partnershipType)],
        ...(definition.orphanedTypes ? { orphanedTypes: definition.orphanedTypes } : {}),
        validate: false,
        authChecker: policyChecker(definition.name),
      },
      definition.references,
    ).then((built) => {
      identifying.read(built.source);
      guardScopes(built.schema, identifying);
      guardEntities(built.schema);
      return built;
    });
    schemas.set(definition, schema);
  }
  return schema;
}

export interface RunningSubgraph {
  readonly name: SubgraphName;
  readonly url: string;
  readonly db: DataSource;
  readonly statements: StatementCounter;
  /** Its Prometheus figures; an OutboxRelay started for this subgraph reports to `metrics.outbox`. */
  readonly metrics: ServiceMetrics;
  /** The service's background workers by name, so tests can drive a pass on a pinned clock. */
  readonly workers: Readonly<Record<string, BackgroundWorker>>;
  /** The tables of the definition's `backgroundEntities`, by their names in this database. */
  readonly backgroundTables: readonly string[];
  /** The names of its outbox's destinations (their `OutboxPosition` rows); none while the outbox is not relayed. */
  outboxDestinations(): readonly string[];
  stop(): Promise<void>;
}

export interface StartOptions {
  readonly logger?: Logger;
  readonly now?: () => Date;
  /** The relay's pause between passes that found nothing (tests shorten it). */
  readonly relayIntervalMs?: number;
  /** Tests: every span this subgraph makes, whatever OTEL_EXPORTER_OTLP_ENDPOINT says. */
  readonly spanExporter?: SpanExporter;
  /** Leave the background workers stopped (a test drives their passes itself). */
  readonly startWorkers?: boolean;
  /** Skip the start-up reconciliation (a test of the obligation index alone, on demo records with no obligations). */
  readonly reconcileObligations?: boolean;
}

export async function startSubgraph(
  definition: SubgraphDefinition,
  config: SubgraphConfig,
  options: StartOptions = {},
): Promise<RunningSubgraph> {
  const logger = options.logger ?? createLogger(definition.name, config.LOG_LEVEL);
  const reference = ReferenceData.load(config.REFERENCE_DATA_DIR);
  const calendar = WorkingDayCalendar.fromFile(
    config.BANK_HOLIDAYS_FILE ?? path.join(config.REFERENCE_DATA_DIR, 'bank-holidays-england-and-wales.json'),
  );
  const { schema } = await subgraphSchema(definition);
  if (config.NODE_ENV === 'production' && !config.AUDIT_HMAC_KEY) {
    throw new ConfigError('AUDIT_HMAC_KEY: required in production (32+ random characters, kept outside the database)');
  }
  if (config.NODE_ENV === 'production' && !config.AUDIT_SIGNING_KEY) {
    throw new ConfigError(
      'AUDIT_SIGNING_KEY: required in production (an Ed25519 private key, PKCS#8 PEM, kept outside the database)',
    );
  }
  // Derived from the internal token secret, a child's key would change (and every key in the field
  // stop opening) whenever that secret is rotated: in production it is a secret of its own.
  if (config.NODE_ENV === 'production' && !config.CHILD_KEY_SECRET) {
    throw new ConfigError(
      "CHILD_KEY_SECRET: required in production (32+ random characters, the same in every subgraph, sealing children's keys)",
    );
  }
  if (config.SUBGRAPH_AUTH === 'jwks' && !config.AUTH_JWKS_URL) {
    throw new ConfigError(
      "AUTH_JWKS_URL: required when SUBGRAPH_AUTH=jwks (callers' tokens are verified against the identity provider's keys)",
    );
  }
  const callerTokens = config.SUBGRAPH_AUTH === 'jwks' ? callerTokenVerifier(config) : null;
  const target = resolveDatabaseTarget(definition.name, config);
  const statements = new StatementCounter();
  const db = await openDatabase(target, {
    entities: subgraphEntities(definition),
    migrations: definition.migrations,
    logger,
    statements,
    // Production migrates as a step of its own (`npm run migrate`); a replica never races another.
    migrationMode: config.NODE_ENV === 'production' ? 'verify' : 'run',
  });
  const runtime: SubgraphRuntime = { db, logger, reference, calendar, now: options.now ?? (() => new Date()) };
  const replays = new ReplayGuard();
  // The backlog figures read the relay's destinations, which exist only once its events start.
  let relayed: SubgraphEvents | null = null;
  const destinations = () => relayed?.destinations() ?? [];
  const observability = observe(definition.name, config, db, logger, options, destinations);
  traceRootFields(schema, observability.tracing);
  useAuditChainKeys(db, config.AUDIT_HMAC_KEY, config.AUDIT_SIGNING_KEY);
  useChildKeySecret(config.CHILD_KEY_SECRET ?? config.INTERNAL_TOKEN_SECRET);
  try {
    await ensureAuditChainHead(db.manager);
    await definition.loadReferenceData?.(runtime);
    if (config.DEMO_DATA) await definition.loadDemoData?.(runtime);
    if (options.reconcileObligations !== false) await definition.reconcileObligations?.(runtime);
    await definition.announceEvents?.(runtime);
    const events = await startEvents(definition, config, runtime, options, observability.metrics.outbox);
    relayed = events;
    // Built (not started) before the server listens: building them settles what requests read too
    // (the webhook URL policy), and the bus below may take seconds to connect while requests arrive.
    const workers = definition.workers?.(runtime, config) ?? {};
    // Ready once the service is whole: its bus consumer and workers up, not merely its database.
    let started = false;
    const service = await startHttpService<SubgraphContext>({
      ...(events.routes ? { routes: events.routes } : {}),
      name: definition.name,
      host: config.HOST,
      port: config.PORT ?? defaultSubgraphPorts[definition.name],
      logger,
      production: config.NODE_ENV === 'production',
      graphql: { schema },
      // Subgraphs sit behind the gateway, which limits each client's rate; the rest applies here too.
      hardening: config,
      upstream: {
        bodyLimitBytes: config.INTERNAL_BODY_LIMIT_BYTES,
        vouches: (request) => vouchedBeforeBody(request, config),
        limitedUpstream: (context) => context.limitedUpstream,
      },
      context: async (request) => {
        const origin = await requestOrigin(request, config, replays, callerTokens);
        const system = origin.scope?.identity;
        const delegated =
          system?.client && definition.delegatedSchools ? await definition.delegatedSchools(db, system) : null;
        const context = createSubgraphContext(
          runtime,
          delegated ? { ...origin, scope: AccessScope.of(system ?? null, delegated) } : origin,
        );
        const observation = observationOf(request);
        if (observation) {
          observation.requestId = context.requestId;
          observation.organisationId = context.scope.identity?.organisation.id ?? null;
          observation.operationName = context.clientOperationName;
        }
        return context;
      },
      observability,
      // Traces tell their reader how each field was resolved and how long it took; only the gateway may ask, when configured.
      inlineTraces: config.FEDERATION_INLINE_TRACES,
      ready: async () => started && (await isDatabaseReachable(db)),
      plugins: [auditPlugin(logger)],
    });
    await events.start();
    if (options.startWorkers !== false) for (const worker of Object.values(workers)) worker.start();
    started = true;
    logger.info(
      { url: service.url, database: describeTarget(target), eventBus: config.EVENT_BUS },
      `${definition.name} subgraph ready`,
    );
    return {
      name: definition.name,
      url: service.url,
      db,
      statements,
      metrics: observability.metrics,
      workers,
      outboxDestinations: destinations,
      backgroundTables: (definition.backgroundEntities ?? []).map((entity) => db.getMetadata(entity).tableName),
      stop: async () => {
        await Promise.all(Object.values(workers).map((worker) => worker.stop()));
        await events.stop();
        await service.stop();
        await observability.tracing.shutdown().catch(() => undefined);
        if (db.isInitialized) await db.destroy();
      },
    };
  } catch (error) {
    await observability.tracing.shutdown().catch(() => undefined);
    await db.destroy();
    throw error;
  }
}

interface SubgraphEvents {
  readonly routes?: (app: Express) => void;
  destinations(): readonly string[];
  start(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Every subgraph relays its outbox onto the bus: NATS JetStream, or (embedded, no broker) signed
 * POSTs to each consuming service but itself (its own events are in its own database already). A
 * consumer takes them: a durable consumer of its own on NATS, the internal endpoint on the embedded
 * bus, each consumer from its own position in the outbox. Either way an event not taken stays where
 * it was (that consumer's outbox position unmoved, the JetStream message unacknowledged) and comes
 * again to that consumer only; consumers drop repeats.
 */
async function startEvents(
  definition: SubgraphDefinition,
  config: SubgraphConfig,
  runtime: SubgraphRuntime,
  options: StartOptions,
  metrics: OutboxRelayMetrics,
): Promise<SubgraphEvents> {
  const { logger } = runtime;
  const consumes = Object.hasOwn(eventConsumers, definition.name);
  if (consumes !== Boolean(definition.takeEvents)) {
    // A consumer nobody posts to, or posts to a service that takes nothing: both lose events silently.
    throw new Error(`${definition.name}: takeEvents must be set exactly for the services in eventConsumers`);
  }
  const take = definition.takeEvents?.(runtime);
  const handler: EventHandler | null = take ? (event) => inBackground(() => take(event)) : null;
  let bus: EventBus | null = null;
  let subscription: EventSubscription | null = null;
  let relay: OutboxRelay | null = null;
  return {
    ...(handler && config.EVENT_BUS === 'embedded'
      ? { routes: (app: Express) => mountEventIntake(app, handler, config.INTERNAL_TOKEN_SECRET, logger) }
      : {}),
    destinations: () => (relay ? (bus?.destinations().map((destination) => destination.name) ?? []) : []),
    start: async () => {
      if (config.EVENT_BUS === 'nats') {
        bus = await createEventBus(config);
        if (handler) subscription = await bus.subscribe(definition.name, handler);
      } else if (config.INTERNAL_TOKEN_SECRET) {
        bus = new EmbeddedEventBus();
        for (const [consumer, setting] of Object.entries(eventConsumers)) {
          if (consumer !== definition.name)
            await bus.subscribe(consumer, signedHttpEventHandler(config[setting], config.INTERNAL_TOKEN_SECRET));
        }
      } else {
        // Unsigned events would be refused; they wait in the outbox for a relay that can sign them.
        logger.warn('INTERNAL_TOKEN_SECRET is not set: the outbox is not relayed');
        return;
      }
      relay = new OutboxRelay(runtime.db, bus, {
        source: definition.name,
        logger,
        metrics,
        now: runtime.now,
        ...(options.relayIntervalMs !== undefined ? { intervalMs: options.relayIntervalMs } : {}),
      });
      relay.start();
    },
    stop: async () => {
      await relay?.stop();
      await subscription?.stop();
      await bus?.close();
    },
  };
}

/**
 * Metrics, traces and the access log of one subgraph. `/metrics` is open in development; in
 * production it needs METRICS_TOKEN (the scraper's bearer token), and without one is not served,
 * so a subgraph reachable on its network shows nothing it was not configured to show.
 */
function observe(
  name: SubgraphName,
  config: SubgraphConfig,
  db: DataSource,
  logger: Logger,
  options: StartOptions,
  outboxDestinations: () => readonly string[],
): Observability {
  const metrics = new ServiceMetrics(name);
  const tracing = Tracing.create({
    service: name,
    endpoint: config.OTEL_EXPORTER_OTLP_ENDPOINT,
    exporter: options.spanExporter,
    sampleRatio: config.OTEL_TRACES_SAMPLER_ARG,
  });
  observeDatabase(db, metrics, tracing.tracer);
  outboxGauges(metrics, db, outboxDestinations);
  return {
    metrics,
    tracing,
    accessLog: logger.child({ log: 'access', subgraph: name }),
    metricsAccess: config.METRICS_TOKEN
      ? { kind: 'token', token: config.METRICS_TOKEN }
      : config.NODE_ENV === 'production'
        ? { kind: 'off' }
        : { kind: 'open' },
  };
}

/** The outbox's backlog behind its slowest destination, read at scrape time (one statement per scrape, shared by both figures). */
function outboxGauges(metrics: ServiceMetrics, db: DataSource, destinations: () => readonly string[]): void {
  let pending: Promise<{ count: number; oldestSeconds: number } | null> | null = null;
  const backlog = () => {
    pending ??= inBackground(() =>
      db
        .getRepository(OutboxRow)
        .createQueryBuilder('event')
        .select('COUNT(*)', 'count')
        .addSelect('MIN(event.occurredAt)', 'oldest')
        // Behind the slowest destination: a consumer that is down shows here however far the others
        // are. Positions of destinations no longer relayed to (a bus changed) are not counted.
        .where((query) => {
          const names = destinations();
          if (names.length === 0) return '1 = 1';
          const slowest = query
            .subQuery()
            .select('MIN(taken.position)')
            .from(OutboxPosition, 'taken')
            .where('taken.consumer IN (:...names)', { names })
            .getQuery();
          return `event.position > COALESCE(${slowest}, 0)`;
        })
        .getRawOne<{ count: number | string; oldest: string | null }>()
        .then(
          (row) => ({
            count: Number(row?.count ?? 0),
            oldestSeconds: row?.oldest ? Math.max(0, (Date.now() - Date.parse(row.oldest)) / 1000) : 0,
          }),
          () => null,
        ),
    ).finally(() => setImmediate(() => (pending = null)));
    return pending;
  };
  metrics.gauge(
    'safeguarding_outbox_unpublished_events',
    'Outbox events recorded and not yet published to the event bus',
    [],
    async (gauge) => {
      const figures = await backlog();
      if (figures) gauge.set(figures.count);
      else gauge.reset();
    },
  );
  metrics.gauge(
    'safeguarding_outbox_oldest_unpublished_age_seconds',
    'How long the oldest unpublished outbox event has waited (0 when none waits)',
    [],
    async (gauge) => {
      const figures = await backlog();
      if (figures) gauge.set(figures.oldestSeconds);
      else gauge.reset();
    },
  );
}

function callerTokenVerifier(config: SubgraphConfig): Authenticator {
  return createAuthenticator({
    jwksUrl: config.AUTH_JWKS_URL,
    issuer: config.AUTH_ISSUER,
    audience: config.AUTH_AUDIENCE,
    maxLifetimeSeconds: config.AUTH_MAX_TOKEN_LIFETIME_SECONDS,
    clockToleranceSeconds: config.AUTH_CLOCK_TOLERANCE_SECONDS,
  });
}

/** The request's GraphQL document, from a POST's body or a GET's query string. */
function documentOf(request: Request): unknown {
  if (request.method === 'POST') return (request.body as Record<string, unknown> | null | undefined)?.['query'];
  return (request.query as Record<string, unknown>)['query'];
}

/** Whether a document asks for the schema: introspection, or the federation `_service { sdl }`. */
export function asksForSchema(document: unknown): boolean {
  if (typeof document !== 'string') return false;
  let parsed: DocumentNode;
  try {
    parsed = parse(document, { maxLexicalTokens: 10_000 });
  } catch {
    // Apollo answers an unparseable document with its own error.
    return false;
  }
  let found = false;
  visit(parsed, {
    Field(node) {
      if (node.name.value === '__schema' || node.name.value === '__type' || node.name.value === '_service')
        found = true;
    },
  });
  return found;
}

// A request whose gateway token verified before its body was read, with the token's claims, so
// the signature is checked once; its binding to the body is checked once the body is read.
const verifiedTokens = new WeakMap<Request, JWTPayload>();

/**
 * Whether the gateway vouches for a request, before its body is read (so its body limit can be the
 * gateway's): the token's signature, issuer, audience and lifetime. A token that fails here is
 * refused by `requestOrigin` in due course; meanwhile its body is held to the public limit.
 */
async function vouchedBeforeBody(request: Request, config: SubgraphConfig): Promise<boolean> {
  const token = request.header(internalIdentityHeader);
  if (!token || !config.INTERNAL_TOKEN_SECRET) return false;
  try {
    verifiedTokens.set(request, await verifyInternalTokenSignature(token, config.INTERNAL_TOKEN_SECRET));
    return true;
  } catch (error) {
    if (error instanceof InternalTokenError) return false;
    throw error;
  }
}

/**
 * Who is asking, as the gateway vouches. No header: a direct call, anonymous, and refused outright
 * in production, where only the gateway may call (its schema, `_service { sdl }`, included: the
 * gateway composes from the supergraph file and never asks for it). A header that does not verify,
 * or was issued for another request, is refused rather than served as anonymous, so a forgery or
 * a replay is noticed.
 */
async function requestOrigin(
  request: Request,
  config: SubgraphConfig,
  replays: ReplayGuard,
  callerTokens: Authenticator | null,
): Promise<RequestOrigin> {
  // Through the gateway this header repeats the id the gateway minted (and the token binds); on a
  // direct call it is the client's own label, never the request's id.
  const header = request.header('x-request-id');
  const token = request.header(internalIdentityHeader);
  if (!token && callerTokens) return routedOrigin(request, config, callerTokens, header);
  if (!token) {
    if (config.NODE_ENV === 'production') throw refusedCredential('This subgraph answers the gateway only');
    return { clientRequestId: clientRequestId(header), channel: 'direct' };
  }
  if (!config.INTERNAL_TOKEN_SECRET)
    throw refusedCredential('This subgraph accepts no identities: INTERNAL_TOKEN_SECRET is not set');
  // The gateway always posts JSON; a GET's query string is not what the token was signed over.
  const body =
    request.method === 'POST' && request.body !== null && typeof request.body === 'object'
      ? (request.body as Record<string, unknown>)
      : {};
  try {
    const received = {
      operation: { query: body['query'], operationName: body['operationName'], variables: body['variables'] },
      requestId: header,
    };
    const payload = verifiedTokens.get(request);
    const verified = payload
      ? checkInternalGrant(payload, received, replays)
      : await verifyInternalToken(token, config.INTERNAL_TOKEN_SECRET, received, replays);
    return {
      requestId: verified.requestId ?? undefined,
      clientRequestId: verified.clientRequestId,
      channel: 'gateway',
      scope: AccessScope.of(verified.identity),
      clientOperationName: verified.operationName,
      // Through the gateway, which costed and limited the client's whole operation.
      limitedUpstream: true,
    };
  } catch (error) {
    if (error instanceof InternalTokenError) throw refusedCredential(error.message);
    throw error;
  }
}

/**
 * Behind a Router (`SUBGRAPH_AUTH=jwks`), the caller's own JWT arrives as the Router propagates it,
 * and is verified here as the gateway verifies it (shared/src/auth/caller-token.ts). A Router passes
 * anonymous callers on without any header, so in production an anonymous request is served public
 * data, as through the gateway, but never the schema (`_service`, introspection). Unlike the
 * gateway's token, the caller's is not bound to one request: the subgraphs must be reachable from
 * the Router only.
 */
async function routedOrigin(
  request: Request,
  config: SubgraphConfig,
  callerTokens: Authenticator,
  header: string | undefined,
): Promise<RequestOrigin> {
  const identity = await callerTokens.authenticate(request.header('authorization'));
  if (!identity && config.NODE_ENV === 'production' && asksForSchema(documentOf(request))) {
    throw refusedCredential('This subgraph shows its schema to the gateway only');
  }
  const body =
    request.method === 'POST' && request.body !== null && typeof request.body === 'object'
      ? (request.body as Record<string, unknown>)
      : {};
  const operationName = body['operationName'];
  return {
    clientRequestId: clientRequestId(header),
    // Vouched for by the caller's identity provider, through the edge; an anonymous call is indistinguishable from a direct one.
    channel: identity ? 'gateway' : 'direct',
    scope: AccessScope.of(identity),
    clientOperationName: typeof operationName === 'string' && operationName.length <= 200 ? operationName : null,
  };
}

/**
 * Brings one subgraph's database up to date under its migration lock; the names applied, none
 * when it was already current. `npm run migrate` and `main.js migrate` (a deploy step) both run it.
 */
export async function migrateSubgraph(
  definition: SubgraphDefinition,
  config: SubgraphConfig,
  logger: Logger,
): Promise<string[]> {
  const target = resolveDatabaseTarget(definition.name, config);
  const dataSource = await connectDatabase(target, {
    entities: subgraphEntities(definition),
    migrations: definition.migrations,
    logger,
    statements: new StatementCounter(),
  });
  try {
    return await migrate(dataSource, target);
  } finally {
    await dataSource.destroy();
  }
}

/**
 * A subgraph's process entry point: `main.js` serves, `main.js migrate` migrates and exits. One
 * clear line and exit 1 on a known failure; a clean stop on signals.
 */
export async function runSubgraphProcess(definition: SubgraphDefinition): Promise<void> {
  const config = loadEnvironmentOrExit(subgraphEnvironment, definition.name);
  const logger = createLogger(definition.name, config.LOG_LEVEL);
  if (process.argv[2] === 'migrate') {
    try {
      const applied = await migrateSubgraph(definition, config, logger);
      process.stdout.write(
        `${definition.name}: ${applied.length === 0 ? 'up to date' : `${applied.length} migration${applied.length === 1 ? '' : 's'} applied`}\n`,
      );
      process.exit(0);
    } catch (error) {
      exitOnStartupFailure(`${definition.name} migrate`, error, logger);
    }
  }
  let running: RunningSubgraph;
  try {
    running = await startSubgraph(definition, config, { logger });
  } catch (error) {
    exitOnStartupFailure(definition.name, error, logger);
  }
  stopOnSignals(definition.name, logger, () => running.stop());
}

/** Known start-up failures are one line on stderr; anything else is a bug and is logged in full. */
export function exitOnStartupFailure(processName: string, error: unknown, logger: Logger): never {
  if (
    error instanceof ConfigError ||
    error instanceof DatabaseUnavailableError ||
    error instanceof PendingMigrationsError ||
    error instanceof PortInUseError ||
    error instanceof ReferenceDataError ||
    error instanceof CalendarDataError
  ) {
    process.stderr.write(`${processName}: ${error.message}\n`);
  } else {
    logger.fatal({ err: error }, 'failed to start');
  }
  process.exit(1);
}

/**
 * SIGTERM or SIGINT stops the service once: in-flight requests finish (within the drain's grace),
 * then the database closes. Whatever is still open after 2 s is abandoned, so an orchestrator's
 * stop never waits for its own kill timeout.
 */
export function stopOnSignals(
  processName: string,
  logger: Logger,
  stop: () => Promise<void>,
  hardLimitMs = 1900,
): void {
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, `${processName} stopping`);
    const deadline = setTimeout(() => {
      logger.warn(`${processName} did not stop within ${hardLimitMs} ms; exiting`);
      process.exit(1);
    }, hardLimitMs);
    deadline.unref();
    stop().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'unclean stop');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
}
