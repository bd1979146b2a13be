import fs from 'node:fs';
import path from 'node:path';
import mysql from 'mysql2/promise';
import { DataSource, EntityManager, type DataSourceOptions, type Logger as TypeOrmLogger, type MixedList } from 'typeorm';
import type { SubgraphConfig } from './config';
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
 * Repositories build `where` as a list of visibility clauses; a builder that finds no clause for the
 * caller must mean "nothing", never "everything". Guarding the manager makes that mistake fail
 * closed in every subgraph, whoever writes the next repository.
 */
function refuseEmptyWhereLists(): void {
  const prototype = EntityManager.prototype as unknown as Record<string, (...args: unknown[]) => unknown>;
  if ((prototype as { __emptyWhereGuard?: boolean }).__emptyWhereGuard) return;
  const check = (method: string, where: unknown) => {
    if (Array.isArray(where) && where.length === 0) throw new EmptyWhereError(`${method} was given an empty where list`);
  };
  for (const method of ['find', 'findOne', 'findAndCount', 'count', 'exists']) {
    const original = prototype[method];
    if (!original) continue;
    prototype[method] = async function (this: unknown, ...args: unknown[]) {
      check(method, (args[1] as { where?: unknown } | undefined)?.where);
      return original.apply(this, args);
    };
  }
  for (const method of ['findBy', 'findOneBy', 'countBy', 'existsBy', 'delete', 'update']) {
    const original = prototype[method];
    if (!original) continue;
    prototype[method] = async function (this: unknown, ...args: unknown[]) {
      check(method, args[1]);
      return original.apply(this, args);
    };
  }
  (prototype as { __emptyWhereGuard?: boolean }).__emptyWhereGuard = true;
}
refuseEmptyWhereLists();

/** Counts SQL statements, so tests can prove that lists and references batch. */
export class StatementCounter {
  count = 0;
  private recording: string[] | null = null;

  record(sql: string): void {
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

  // Parameters are never logged: they carry case data.
  logQuery(query: string): void {
    this.counter.record(query);
    this.logger.trace({ sql: query }, 'sql');
  }
  logQueryError(error: string | Error, query: string): void {
    this.logger.error({ err: error, sql: query }, 'sql failed');
  }
  logQuerySlow(time: number, query: string): void {
    this.logger.warn({ ms: time, sql: query }, 'slow sql');
  }
  logSchemaBuild(message: string): void {
    this.logger.debug(message);
  }
  logMigration(message: string): void {
    this.logger.info(message);
  }
  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn') this.logger.warn({ message }, 'typeorm');
    else this.logger.debug({ message }, 'typeorm');
  }
}

export interface OpenDatabaseOptions {
  readonly entities: MixedList<Function>;
  readonly migrations: MixedList<Function>;
  readonly logger: Logger;
  readonly statements: StatementCounter;
}

/**
 * Opens a subgraph's database ready for use. MySQL is created if missing and brought up to date by
 * migrations, never by synchronize; the embedded database is built from the entities.
 */
export async function openDatabase(target: DatabaseTarget, options: OpenDatabaseOptions): Promise<DataSource> {
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
  if (target.kind === 'mysql') await dataSource.runMigrations({ transaction: 'each' });
  else transactionsTakeTurns(dataSource);
  return dataSource;
}

/**
 * The embedded database is one connection: a second transaction begun while one is open fails
 * ("cannot start a transaction within a transaction"). Concurrent requests, or two audited lists
 * in one request, therefore queue their transactions here. MySQL has a pool and row locks instead.
 */
function transactionsTakeTurns(dataSource: DataSource): void {
  const begin = dataSource.transaction.bind(dataSource) as (...args: unknown[]) => Promise<unknown>;
  let tail: Promise<unknown> = Promise.resolve();
  const inTurn = (...args: unknown[]): Promise<unknown> => {
    const run = () => begin(...args);
    const next = tail.then(run, run);
    tail = next.catch(() => undefined);
    return next;
  };
  dataSource.transaction = inTurn as DataSource['transaction'];
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
      entities: options.entities,
      synchronize: true, // embedded SQLite only: built from the entities; MySQL runs migrations
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
    migrations: options.migrations,
    migrationsTableName: 'migrations',
    synchronize: false,
    charset: 'utf8mb4_unicode_ci',
    timezone: 'Z',
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
