import { AsyncLocalStorage } from 'node:async_hooks';
import fs from 'node:fs';
import path from 'node:path';
import mysql from 'mysql2/promise';
import {
  DataSource,
  EntityManager,
  MigrationExecutor,
  type DataSourceOptions,
  type Logger as TypeOrmLogger,
  type MixedList,
  type QueryRunner,
} from 'typeorm';
import type { SubgraphConfig } from './config';
import { statementShape, withoutValues } from './log-safety';
import type { Logger } from './logger';

/** MariaDB reports column defaults differently; TypeORM must be told which server it speaks to. */
export type MysqlFlavour = 'mysql' | 'mariadb';

export type DatabaseTarget =
  | { readonly kind: 'sqlite'; readonly file: string }
  | {
      readonly kind: 'mysql';
      readonly host: string;
      readonly port: number;
      readonly user: string;
      readonly password: string;
      readonly database: string;
    };

/** The database cannot be used; the message is one line an operator can act on. */
export class DatabaseUnavailableError extends Error {
  override name = 'DatabaseUnavailableError';
}

/** Each subgraph owns its database: `<prefix><subgraph>` on MySQL, `<DATA_DIR>/<subgraph>.sqlite` embedded. */
export function resolveDatabaseTarget(
  subgraph: string,
  config: Pick<SubgraphConfig, 'DATABASE_URL' | 'DATABASE_NAME_PREFIX' | 'DATA_DIR'>,
): DatabaseTarget {
  if (!config.DATABASE_URL) {
    // DATA_DIR=:memory: gives a throw-away database, for tests and one-off runs.
    const file = config.DATA_DIR === ':memory:' ? ':memory:' : path.join(config.DATA_DIR, `${subgraph}.sqlite`);
    return { kind: 'sqlite', file };
  }
  const url = new URL(config.DATABASE_URL);
  return {
    kind: 'mysql',
    host: url.hostname,
    port: url.port ? Number(url.port) : 3306,
    user: decodeURIComponent(url.username) || 'root',
    password: decodeURIComponent(url.password),
    database: `${config.DATABASE_NAME_PREFIX}${subgraph}`,
  };
}

export function describeTarget(target: DatabaseTarget): string {
  return target.kind === 'sqlite'
    ? `embedded SQLite ${target.file}`
    : `MySQL ${target.host}:${target.port}/${target.database}`;
}

/** Refused rather than run: TypeORM reads `where: []` as no condition, so every row would match. */
export class EmptyWhereError extends Error {
  override name = 'EmptyWhereError';
}

/**
 * The `where` of a repository's visibility clauses, OR-ed by TypeORM. A builder that finds no
 * clause for the caller must mean "nothing", never "everything": TypeORM reads an empty list as no
 * condition, so it is refused here, before any statement, where the clauses meet the manager.
 */
export function visibleWhere<T>(clauses: T[]): T[] {
  if (clauses.length === 0) throw new EmptyWhereError('a scoped query was given an empty where list');
  return clauses;
}

const backgroundWork = new AsyncLocalStorage<true>();

/**
 * Work no request asked for (the outbox relay, events taken from the bus, webhook deliveries,
 * reminders, metrics scrapes): its statements
 * are not counted, so a request's count is the request's alone whatever runs beside it.
 */
export function inBackground<T>(work: () => Promise<T>): Promise<T> {
  return backgroundWork.run(true, work);
}

/** Counts SQL statements, so tests can prove that lists and references batch. */

export class StatementCounter {
  count = 0;
  private recording: string[] | null = null;

  record(sql: string): void {
    if (backgroundWork.getStore()) return;
    this.count += 1;
    this.recording?.push(sql);
  }

  /** Runs `work` and returns the statements it issued. */
  async capture(work: () => Promise<unknown>): Promise<string[]> {
    const statements: string[] = [];
    this.recording = statements;
    try {
      await work();
    } finally {
      this.recording = null;
    }
    return statements;
  }
}

class TypeOrmLogBridge implements TypeOrmLogger {
  constructor(
    private readonly logger: Logger,
    private readonly counter: StatementCounter,
  ) {}

  // Statements are logged by their shape and errors without values: both can carry case data.
  logQuery(query: string): void {
    if (!backgroundWork.getStore()) this.counter.record(query);
    if (this.logger.isLevelEnabled('trace')) this.logger.trace({ statement: statementShape(query) }, 'sql');
  }
  logQueryError(error: string | Error, query: string): void {
    this.logger.error(
      { err: typeof error === 'string' ? new Error(error) : error, statement: statementShape(query) },
      'sql failed',
    );
  }
  logQuerySlow(time: number, query: string): void {
    this.logger.warn({ ms: time, statement: statementShape(query) }, 'slow sql');
  }
  logSchemaBuild(message: string): void {
    this.logger.debug(withoutValues(message));
  }
  logMigration(message: string): void {
    this.logger.info(withoutValues(message));
  }
  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    const text = withoutValues(String(message));
    if (level === 'warn') this.logger.warn({ message: text }, 'typeorm');
    else this.logger.debug({ message: text }, 'typeorm');
  }
}

/** A subgraph's migrations, one list per dialect, each in timestamp order (`migrations/index.ts`). */
export interface SubgraphMigrations {
  readonly mysql: readonly Function[];
  readonly sqlite: readonly Function[];
}

/**
 * What opening a database does about migrations: `run` brings it up to date (development, tests,
 * `npm run migrate`); `verify` refuses to serve a database that is behind (production, where
 * migrating is a step of its own and replicas must not race).
 */
export type MigrationMode = 'run' | 'verify';

export interface OpenDatabaseOptions {
  readonly entities: MixedList<Function>;
  readonly migrations: SubgraphMigrations;
  readonly logger: Logger;
  readonly statements: StatementCounter;
  readonly migrationMode?: MigrationMode;
}

/** The database is behind the code; the message is one line naming what to run. */
export class PendingMigrationsError extends Error {
  override name = 'PendingMigrationsError';
}

/**
 * Opens a subgraph's database ready for use: created if missing, and on both dialects brought up to
 * date by migrations (never by synchronize, which can drop a column with its data) or, in `verify`
 * mode, refused while any migration is pending.
 */
export async function openDatabase(target: DatabaseTarget, options: OpenDatabaseOptions): Promise<DataSource> {
  const dataSource = await connectDatabase(target, options);
  try {
    if ((options.migrationMode ?? 'run') === 'run') await migrate(dataSource, target);
    else await refusePendingMigrations(dataSource, target);
  } catch (error) {
    await dataSource.destroy();
    throw error;
  }
  return dataSource;
}

/** Creates the database if missing and connects, touching no table (for `npm run migrate`). */
export async function connectDatabase(
  target: DatabaseTarget,
  options: Omit<OpenDatabaseOptions, 'migrationMode'>,
): Promise<DataSource> {
  const logger = new TypeOrmLogBridge(options.logger, options.statements);
  let flavour: MysqlFlavour = 'mysql';
  if (target.kind === 'mysql') flavour = await createMysqlDatabase(target);
  else if (target.file !== ':memory:') fs.mkdirSync(path.dirname(target.file), { recursive: true });
  const dataSource = new DataSource(dataSourceOptions(target, options, { logger, flavour }));
  try {
    await dataSource.initialize();
  } catch (error) {
    throw new DatabaseUnavailableError(`cannot open ${describeTarget(target)}: ${oneLine(error)}`);
  }
  return dataSource;
}

/** Names of the migrations this code has that the database has not run. */
export async function pendingMigrations(dataSource: DataSource): Promise<string[]> {
  return (await new MigrationExecutor(dataSource).getPendingMigrations()).map((migration) => migration.name);
}

async function refusePendingMigrations(dataSource: DataSource, target: DatabaseTarget): Promise<void> {
  const pending = await pendingMigrations(dataSource);
  if (pending.length === 0) return;
  throw new PendingMigrationsError(
    `${describeTarget(target)} has ${pending.length} pending migration${pending.length === 1 ? '' : 's'} (${pending.join(', ')}): run \`npm run migrate\` first`,
  );
}

const migrationsTable = 'migrations';
/** How long a replica waits for another one's migrations before giving up. */
const migrationLockSeconds = 120;

/**
 * Runs the pending migrations while holding the database's migration lock, so replicas starting
 * together take turns and the second finds nothing left to do: a named lock on MySQL (GET_LOCK is
 * held by one session, across the pool), and on SQLite a write transaction begun IMMEDIATE around
 * the whole run (another process's BEGIN waits for it).
 */
export async function migrate(dataSource: DataSource, target: DatabaseTarget): Promise<string[]> {
  const runner = dataSource.createQueryRunner();
  try {
    if (target.kind === 'mysql') {
      const lockName = `${target.database}.migrations`.slice(0, 64);
      const [row] = (await runner.query('SELECT GET_LOCK(?, ?) AS acquired', [
        lockName,
        migrationLockSeconds,
      ])) as Array<{ acquired: number | string | null }>;
      if (Number(row?.acquired) !== 1) {
        throw new DatabaseUnavailableError(
          `${describeTarget(target)}: another process held the migration lock for ${migrationLockSeconds} s`,
        );
      }
      try {
        return (await dataSource.runMigrations({ transaction: 'each' })).map((migration) => migration.name);
      } finally {
        await runner.query('SELECT RELEASE_LOCK(?)', [lockName]);
      }
    }
    await runner.query('PRAGMA foreign_keys = OFF');
    await beginImmediate(runner);
    try {
      const executor = new MigrationExecutor(dataSource, runner);
      executor.transaction = 'none';
      // A database built by synchronize before migrations came to SQLite: adopt it if it matches.
      executor.fake = await builtWithoutMigrations(dataSource, runner, target);
      const applied = (await executor.executePendingMigrations()).map((migration) => migration.name);
      await runner.query('COMMIT');
      return applied;
    } catch (error) {
      await runner.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      await runner.query('PRAGMA foreign_keys = ON');
    }
  } finally {
    await runner.release();
  }
}

/**
 * True for an embedded database that earlier versions built from the entities (tables, but no
 * migrations table) and that matches this version's schema exactly; one that does not match is
 * refused with what to do, since migrating it could lose data.
 */
async function builtWithoutMigrations(
  dataSource: DataSource,
  runner: QueryRunner,
  target: DatabaseTarget,
): Promise<boolean> {
  if (await runner.hasTable(migrationsTable)) return false;
  const tables = (await runner.query(
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
  )) as unknown[];
  if (tables.length === 0) return false;
  const changes = await pendingSchemaChanges(dataSource);
  if (changes.length === 0) return true;
  throw new PendingMigrationsError(
    `${describeTarget(target)} was built by an earlier version without migrations and does not match this one; move it aside and start again (the demo data is reloaded)`,
  );
}

// SQLite's default BEGIN is DEFERRED: a transaction that reads first and then writes cannot wait
// for another process's writer (SQLITE_BUSY at once). IMMEDIATE takes the write lock up front,
// where the busy timeout applies.
// Another replica migrating holds the lock for as long as its migrations take.
async function beginImmediate(runner: QueryRunner): Promise<void> {
  const deadline = Date.now() + migrationLockSeconds * 1000;
  for (;;) {
    try {
      await runner.query('BEGIN IMMEDIATE');
      return;
    } catch (error) {
      if (!isBusy(error) || Date.now() > deadline) throw error;
      await pause(100);
    }
  }
}

/** The database stayed locked by another writer after every retry; the caller may try again. */
export class DatabaseBusyError extends Error {
  override name = 'DatabaseBusyError';
}

/** How long one attempt waits for another process's write lock (SQLite's busy timeout). */
export const sqliteBusyTimeoutMs = 2000;
/** Pauses between attempts at a write transaction whose lock is held elsewhere. */
const retryPausesMs = [50, 150, 400];

export function isBusy(error: unknown): boolean {
  const code =
    (error as { code?: unknown; driverError?: { code?: unknown } } | null)?.driverError?.code ??
    (error as { code?: unknown } | null)?.code;
  return code === 'SQLITE_BUSY' || code === 'SQLITE_BUSY_SNAPSHOT' || code === 'SQLITE_LOCKED';
}

function isDeadlock(error: unknown): boolean {
  const code = (error as { driverError?: { code?: unknown } } | null)?.driverError?.code;
  return code === 'ER_LOCK_DEADLOCK';
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type TransactionWork<T> = (manager: EntityManager) => Promise<T>;
type TransactionRunner = <T>(work: TransactionWork<T>) => Promise<T>;

const runners = new WeakMap<DataSource, TransactionRunner>();

/**
 * Every transaction of the graph is begun here, by name, rather than by `dataSource.transaction`:
 * each database needs its own way of taking turns, and a reader should see that where it is called.
 * On the embedded database one connection is shared by the process (a second BEGIN on it fails) and
 * the file may be written by other processes; on MySQL InnoDB may roll a transaction back to
 * resolve a deadlock. `tests/unit/transactions.test.ts` keeps `.transaction(` out of the rest of
 * the code, so no write can skip its turn.
 */
export function inTransaction<T>(db: DataSource, work: TransactionWork<T>): Promise<T> {
  let runner = runners.get(db);
  if (!runner) {
    runner = db.options.type === 'better-sqlite3' ? embeddedTurns(db) : deadlockRetries(db);
    runners.set(db, runner);
  }
  return runner(work);
}

/**
 * Write transactions queue in the process, begin IMMEDIATE (a DEFERRED one that reads first cannot
 * wait for another process's writer: SQLITE_BUSY at once), wait out a held lock for the busy
 * timeout, and retry a few times before answering a retryable error.
 */
function embeddedTurns(dataSource: DataSource): TransactionRunner {
  let tail: Promise<unknown> = Promise.resolve();
  const once = async <T>(work: TransactionWork<T>): Promise<T> => {
    const runner = dataSource.createQueryRunner();
    try {
      await runner.query('BEGIN IMMEDIATE');
      // TypeORM did not begin this transaction, so tell its runner: a nested transaction inside
      // `work` then becomes a SAVEPOINT rather than a second BEGIN.
      const state = runner as unknown as { isTransactionActive: boolean; transactionDepth: number };
      state.isTransactionActive = true;
      state.transactionDepth = 1;
      try {
        const result = await work(runner.manager);
        await runner.query('COMMIT');
        return result;
      } catch (error) {
        await runner.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        state.isTransactionActive = false;
        state.transactionDepth = 0;
      }
    } finally {
      await runner.release();
    }
  };
  const withRetries = async <T>(work: TransactionWork<T>): Promise<T> => {
    for (let attempt = 0; ; attempt++) {
      try {
        return await once(work);
      } catch (error) {
        if (!isBusy(error)) throw error;
        const wait = retryPausesMs[attempt];
        if (wait === undefined) throw new DatabaseBusyError('the embedded database stayed locked by another writer');
        await pause(wait + Math.random() * wait);
      }
    }
  };
  return <T>(work: TransactionWork<T>): Promise<T> => {
    const run = () => withRetries(work);
    const next = tail.then(run, run);
    tail = next.catch(() => undefined);
    return next;
  };
}

/** A transaction InnoDB rolled back to resolve a deadlock wrote nothing: run it again (twice at most). */
function deadlockRetries(dataSource: DataSource): TransactionRunner {
  return async <T>(work: TransactionWork<T>): Promise<T> => {
    for (let attempt = 0; ; attempt++) {
      try {
        return await dataSource.transaction(work);
      } catch (error) {
        const wait = retryPausesMs[attempt];
        if (!isDeadlock(error) || wait === undefined || attempt >= 2) throw error;
        await pause(wait + Math.random() * wait);
      }
    }
  };
}

export function dataSourceOptions(
  target: DatabaseTarget,
  options: Pick<OpenDatabaseOptions, 'entities' | 'migrations'>,
  { logger, flavour = 'mysql' }: { logger?: TypeOrmLogger; flavour?: MysqlFlavour } = {},
): DataSourceOptions {
  if (target.kind === 'sqlite') {
    return {
      type: 'better-sqlite3',
      database: target.file,
      timeout: sqliteBusyTimeoutMs,
      entities: options.entities,
      migrations: [...options.migrations.sqlite],
      migrationsTableName: migrationsTable,
      synchronize: false,
      ...(logger ? { logger } : {}),
      prepareDatabase: (db: { pragma: (sql: string) => unknown }) => {
        db.pragma('journal_mode = WAL');
        db.pragma('foreign_keys = ON');
      },
    };
  }
  return {
    type: flavour,
    host: target.host,
    port: target.port,
    username: target.user,
    password: target.password,
    database: target.database,
    entities: options.entities,
    migrations: [...options.migrations.mysql],
    migrationsTableName: migrationsTable,
    synchronize: false,
    charset: 'utf8mb4_unicode_ci',
    timezone: 'Z',
    // mysql2 captures a stack trace for every statement to graft onto a failure's error (profiled:
    // 1 % of a subgraph's CPU under the dashboard load); failures are told apart by their codes.
    trace: false,
    ...(logger ? { logger } : {}),
  };
}

/** Creates the subgraph's database if missing and tells which server flavour answered. */
export async function createMysqlDatabase(target: Extract<DatabaseTarget, { kind: 'mysql' }>): Promise<MysqlFlavour> {
  let connection: mysql.Connection | undefined;
  try {
    connection = await mysql.createConnection({
      host: target.host,
      port: target.port,
      user: target.user,
      password: target.password,
      connectTimeout: 5000,
    });
    await connection.query(
      `CREATE DATABASE IF NOT EXISTS \`${target.database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`,
    );
    const [rows] = await connection.query('SELECT VERSION() AS version');
    const version = String((rows as Array<{ version?: unknown }>)[0]?.version ?? '');
    return /mariadb/i.test(version) ? 'mariadb' : 'mysql';
  } catch (error) {
    throw new DatabaseUnavailableError(`cannot reach ${describeTarget(target)}: ${oneLine(error)}`);
  } finally {
    await connection?.end().catch(() => undefined);
  }
}

/** SQL that would bring the database in line with the entities: empty when migrations match them. */
export async function pendingSchemaChanges(dataSource: DataSource): Promise<string[]> {
  const log = await dataSource.driver.createSchemaBuilder().log();
  return log.upQueries.map((query) => query.query);
}

export async function isDatabaseReachable(dataSource: DataSource): Promise<boolean> {
  try {
    await dataSource.query('SELECT 1');
    return true;
  } catch {
    return false;
  }
}

function oneLine(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    const message = error.message.split('\n')[0] ?? '';
    return typeof code === 'string' && !message.includes(code) ? `${code} ${message}`.trim() : message;
  }
  return String(error);
}
