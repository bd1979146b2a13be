import path from 'node:path';
import type { DataSource, MixedList } from 'typeorm';
import { ensureAuditChainHead, useAuditChainKeys } from './audit/audit-log';
import { AuditChainHead, AuditCheckpoint, AuditRecord } from './audit/audit-record.entity';
import { createAuditTrailResolver } from './audit/audit-trail';
import { OutboxEvent } from './events/outbox-event.entity';
import { createEventBus } from './events/create-event-bus';
import { EmbeddedEventBus } from './events/embedded-event-bus';
import type { EventBus, EventHandler, EventSubscription } from './events/event-bus';
import { mountEventIntake } from './events/event-intake-route';
import { OutboxRelay } from './events/outbox-relay';
import { signedHttpEventHandler } from './events/signed-delivery';
import { Obligation } from './obligations/obligation.entity';
import { authChecker } from './auth/auth-checker';
import { CalendarDataError, WorkingDayCalendar } from './calendar';
import type { NonEmptyArray } from 'type-graphql';
import { loadEnvironmentOrExit, ConfigError, subgraphEnvironment, type SubgraphConfig } from './config';
import type { Express, Request } from 'express';
import { clientRequestId, InternalTokenError, internalIdentityHeader, ReplayGuard, verifyInternalToken } from './auth/internal-token';
import { createSubgraphContext, type RequestOrigin, type SubgraphContext, type SubgraphRuntime } from './context';
import { refusedCredential } from './errors';
import { AccessScope } from './identity';
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

export const subgraphNames = ['partnerships', 'agencies', 'schools', 'reviews', 'escalations', 'notifications'] as const;
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
  readonly entities: MixedList<Function>;
  readonly migrations: SubgraphMigrations;
  readonly resolvers: NonEmptyArray<Function>;
  readonly orphanedTypes?: Function[];
  readonly references: ReferenceResolvers<SubgraphContext>;
  /** This subgraph's Partnership (the entity, or its stub), to which its audit trail is added. */
  readonly partnershipType: Function & { prototype: { id: string } };
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
   * Set by the one service that takes every other subgraph's events (notifications): on the embedded
   * bus it answers signed POSTs on /internal/events, on NATS it is the durable consumer named after it.
   * A subgraph without it relays its outbox instead.
   */
  readonly takeEvents?: (runtime: SubgraphRuntime) => EventHandler;
}

/** The durable consumer (NATS) and subscriber (embedded) name of the service that takes events. */
export const eventConsumerName = 'notifications';

/** Every subgraph keeps its own audit chain, its own outbox and its own obligations, so those tables are among its entities. */
export function subgraphEntities(definition: SubgraphDefinition): Function[] {
  return [...(definition.entities as Function[]), AuditRecord, AuditChainHead, AuditCheckpoint, OutboxEvent, Obligation];
}

const schemas = new WeakMap<SubgraphDefinition, Promise<FederatedSchema>>();

/** The subgraph's schema and SDL; needs no database, so composition can run anywhere. */
export function subgraphSchema(definition: SubgraphDefinition): Promise<FederatedSchema> {
  let schema = schemas.get(definition);
  if (!schema) {
    schema = buildFederatedSchema<SubgraphContext>(
      {
        resolvers: [...definition.resolvers, createAuditTrailResolver(definition.name, definition.partnershipType)],
        ...(definition.orphanedTypes ? { orphanedTypes: definition.orphanedTypes } : {}),
        validate: false,
        authChecker,
      },
      definition.references,
    );
    schemas.set(definition, schema);
  }
  return schema;
}

export interface RunningSubgraph {
  readonly name: SubgraphName;
  readonly url: string;
  readonly db: DataSource;
  readonly statements: StatementCounter;
  stop(): Promise<void>;
}

export interface StartOptions {
  readonly logger?: Logger;
  readonly now?: () => Date;
  /** The relay's pause between passes that found nothing (tests shorten it). */
  readonly relayIntervalMs?: number;
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
    throw new ConfigError('AUDIT_SIGNING_KEY: required in production (an Ed25519 private key, PKCS#8 PEM, kept outside the database)');
  }
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
  useAuditChainKeys(db, config.AUDIT_HMAC_KEY, config.AUDIT_SIGNING_KEY);
  try {
    await ensureAuditChainHead(db.manager);
    await definition.loadReferenceData?.(runtime);
    if (config.DEMO_DATA) await definition.loadDemoData?.(runtime);
    await definition.reconcileObligations?.(runtime);
    const events = await startEvents(definition, config, runtime, options);
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
      context: async (request) => createSubgraphContext(runtime, await requestOrigin(request, config, replays)),
      // Traces tell their reader how each field was resolved and how long it took; only the gateway may ask, when configured.
      inlineTraces: config.FEDERATION_INLINE_TRACES,
      ready: () => isDatabaseReachable(db),
    });
    await events.start();
    logger.info({ url: service.url, database: describeTarget(target), eventBus: config.EVENT_BUS }, `${definition.name} subgraph ready`);
    return {
      name: definition.name,
      url: service.url,
      db,
      statements,
      stop: async () => {
        await events.stop();
        await service.stop();
        if (db.isInitialized) await db.destroy();
      },
    };
  } catch (error) {
    await db.destroy();
    throw error;
  }
}

interface SubgraphEvents {
  readonly routes?: (app: Express) => void;
  start(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * A domain subgraph relays its outbox onto the bus: NATS JetStream, or (embedded, no broker) signed
 * POSTs to the notifications service. The notifications service takes them: a durable consumer on
 * NATS, the internal endpoint on the embedded bus. Either way an event not taken stays where it was
 * (the outbox row unpublished, the JetStream message unacknowledged) and comes again.
 */
async function startEvents(
  definition: SubgraphDefinition,
  config: SubgraphConfig,
  runtime: SubgraphRuntime,
  options: StartOptions,
): Promise<SubgraphEvents> {
  const { logger } = runtime;
  let bus: EventBus | null = null;
  let subscription: EventSubscription | null = null;
  let relay: OutboxRelay | null = null;
  const closeBus = async () => {
    await subscription?.stop();
    await bus?.close();
  };
  if (definition.takeEvents) {
    const take = definition.takeEvents(runtime);
    const handler: EventHandler = (event) => inBackground(() => take(event));
    if (config.EVENT_BUS === 'embedded') {
      return {
        routes: (app) => mountEventIntake(app, handler, config.INTERNAL_TOKEN_SECRET, logger),
        start: async () => undefined,
        stop: async () => undefined,
      };
    }
    return {
      start: async () => {
        bus = await createEventBus(config);
        subscription = await bus.subscribe(eventConsumerName, handler);
      },
      stop: closeBus,
    };
  }
  return {
    start: async () => {
      if (config.EVENT_BUS === 'nats') {
        bus = await createEventBus(config);
      } else if (config.INTERNAL_TOKEN_SECRET) {
        bus = new EmbeddedEventBus();
        await bus.subscribe(eventConsumerName, signedHttpEventHandler(config.NOTIFICATIONS_EVENTS_URL, config.INTERNAL_TOKEN_SECRET));
      } else {
        // Unsigned events would be refused; they wait in the outbox for a relay that can sign them.
        logger.warn('INTERNAL_TOKEN_SECRET is not set: the outbox is not relayed');
        return;
      }
      relay = new OutboxRelay(runtime.db, bus, {
        source: definition.name,
        logger,
        now: runtime.now,
        ...(options.relayIntervalMs !== undefined ? { intervalMs: options.relayIntervalMs } : {}),
      });
      relay.start();
    },
    stop: async () => {
      await relay?.stop();
      await closeBus();
    },
  };
}

/**
 * Who is asking, as the gateway vouches. No header: a direct call, anonymous, and refused outright
 * in production, where only the gateway may call (its schema, `_service { sdl }`, included: the
 * gateway composes from the supergraph file and never asks for it). A header that does not verify,
 * or was issued for another request, is refused rather than served as anonymous, so a forgery or
 * a replay is noticed.
 */
async function requestOrigin(request: Request, config: SubgraphConfig, replays: ReplayGuard): Promise<RequestOrigin> {
  // Through the gateway this header repeats the id the gateway minted (and the token binds); on a
  // direct call it is the client's own label, never the request's id.
  const header = request.header('x-request-id');
  const token = request.header(internalIdentityHeader);
  if (!token) {
    if (config.NODE_ENV === 'production') throw refusedCredential('This subgraph answers the gateway only');
    return { clientRequestId: clientRequestId(header), channel: 'direct' };
  }
  if (!config.INTERNAL_TOKEN_SECRET) throw refusedCredential('This subgraph accepts no identities: INTERNAL_TOKEN_SECRET is not set');
  // The gateway always posts JSON; a GET's query string is not what the token was signed over.
  const body = request.method === 'POST' && request.body !== null && typeof request.body === 'object' ? (request.body as Record<string, unknown>) : {};
  try {
    const verified = await verifyInternalToken(
      token,
      config.INTERNAL_TOKEN_SECRET,
      { operation: { query: body['query'], operationName: body['operationName'], variables: body['variables'] }, requestId: header },
      replays,
    );
    return {
      requestId: verified.requestId ?? undefined,
      clientRequestId: verified.clientRequestId,
      channel: 'gateway',
      scope: AccessScope.of(verified.identity),
      operationName: verified.operationName,
    };
  } catch (error) {
    if (error instanceof InternalTokenError) throw refusedCredential(error.message);
    throw error;
  }
}

/** A subgraph's process entry point: one clear line and exit 1 on a known failure; clean stop on signals. */
/**
 * Brings one subgraph's database up to date under its migration lock; the names applied, none
 * when it was already current. `npm run migrate` and `main.js migrate` (a deploy step) both run it.
 */
export async function migrateSubgraph(definition: SubgraphDefinition, config: SubgraphConfig, logger: Logger): Promise<string[]> {
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
      process.stdout.write(`${definition.name}: ${applied.length === 0 ? 'up to date' : `${applied.length} migration${applied.length === 1 ? '' : 's'} applied`}\n`);
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
export function stopOnSignals(processName: string, logger: Logger, stop: () => Promise<void>, hardLimitMs = 1900): void {
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
