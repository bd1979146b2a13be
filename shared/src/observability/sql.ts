import { context, SpanKind, SpanStatusCode, trace, type Tracer } from '@opentelemetry/api';
import type { DataSource } from 'typeorm';
import type { ServiceMetrics } from './metrics';

interface DatabaseObserver {
  readonly metrics: ServiceMetrics;
  readonly tracer: Tracer | null;
  readonly system: string;
  readonly namespace: string;
  readonly tables: ReadonlySet<string>;
  inFlight: number;
}

const observers = new WeakMap<DataSource, DatabaseObserver>();
const patched = new WeakSet<object>();

type Query = (this: { connection?: DataSource }, sql: string, ...rest: unknown[]) => Promise<unknown>;

/**
 * Counts, times and (when tracing) spans every statement a DataSource sends, whatever the driver:
 * the query runner's `query` is where both mysql2 and better-sqlite3 statements pass, with their
 * start and their end (TypeORM's logger sees only the start). The runner's class is patched once;
 * a runner whose DataSource is not observed goes straight through.
 */
export function observeDatabase(dataSource: DataSource, metrics: ServiceMetrics, tracer: Tracer | null): void {
  const type = dataSource.options.type;
  const system = type === 'better-sqlite3' ? 'sqlite' : type;
  const database = dataSource.options.database;
  const tables = new Set(dataSource.entityMetadatas.map((entity) => entity.tableName.toLowerCase()));
  const observer: DatabaseObserver = {
    metrics,
    tracer,
    system,
    namespace: typeof database === 'string' && system !== 'sqlite' ? database : system,
    tables,
    inFlight: 0,
  };
  observers.set(dataSource, observer);
  const runner = dataSource.createQueryRunner();
  const prototype = Object.getPrototypeOf(runner) as { query: Query };
  if (system !== 'sqlite') void runner.release();
  poolGauge(dataSource, observer);
  if (patched.has(prototype)) return;
  patched.add(prototype);
  const original = prototype.query;
  prototype.query = function observedQuery(this: { connection?: DataSource }, sql: string, ...rest: unknown[]) {
    const seen = this.connection ? observers.get(this.connection) : undefined;
    if (!seen) return original.call(this, sql, ...rest);
    return observe(seen, sql, () => original.call(this, sql, ...rest));
  };
}

const verbs = new Set([
  'SELECT',
  'INSERT',
  'UPDATE',
  'DELETE',
  'BEGIN',
  'COMMIT',
  'ROLLBACK',
  'START',
  'SAVEPOINT',
  'RELEASE',
]);

/** Verb and table, from a statement's shape: names only, never a value. */
export function statementSummary(sql: string, tables: ReadonlySet<string>): { verb: string; table: string } {
  const first = (/^\s*(\w+)/.exec(sql)?.[1] ?? '').toUpperCase();
  const verb = verbs.has(first) ? (first === 'START' ? 'BEGIN' : first) : 'OTHER';
  // The first table named; a quoted name is an identifier on both dialects, never a value.
  const named = /\b(?:FROM|INTO|UPDATE)\s+[`"]?(\w+)[`"]?/i.exec(sql)?.[1]?.toLowerCase();
  // Only tables the entities name: a label's values stay a short, known list.
  const table = named && tables.has(named) ? named : named ? 'other' : 'none';
  return { verb, table };
}

async function observe(observer: DatabaseObserver, sql: string, run: () => Promise<unknown>): Promise<unknown> {
  const { verb, table } = statementSummary(sql, observer.tables);
  observer.metrics.statements.inc({ verb, table });
  const parent = observer.tracer ? trace.getSpan(context.active()) : undefined;
  // Only statements of a traced request get a span: background work (the relay, a scrape) would be a root of its own each time.
  const span =
    parent && parent.isRecording() && observer.tracer
      ? observer.tracer.startSpan(`${verb} ${table === 'none' ? observer.namespace : table}`, {
          kind: SpanKind.CLIENT,
          attributes: {
            'db.system.name': observer.system,
            'db.namespace': observer.namespace,
            'db.operation.name': verb,
            ...(table !== 'none' && table !== 'other' ? { 'db.collection.name': table } : {}),
            // Verb and table only: a statement can hold inlined values.
            'db.query.summary': `${verb} ${table}`,
          },
        })
      : undefined;
  const started = process.hrtime.bigint();
  observer.inFlight += 1;
  try {
    return await run();
  } catch (error) {
    observer.metrics.statementErrors.inc({ verb });
    const code =
      (error as { driverError?: { code?: unknown }; code?: unknown }).driverError?.code ??
      (error as { code?: unknown }).code;
    span?.setStatus({ code: SpanStatusCode.ERROR, message: typeof code === 'string' ? code : 'failed' });
    if (typeof code === 'string') span?.setAttribute('db.response.status_code', code);
    throw error;
  } finally {
    observer.inFlight -= 1;
    observer.metrics.statementDuration.observe({ verb }, Number(process.hrtime.bigint() - started) / 1e9);
    span?.end();
  }
}

interface PoolShape {
  readonly _allConnections?: { length: number };
  readonly _freeConnections?: { length: number };
  readonly _connectionQueue?: { length: number };
  readonly config?: { connectionLimit?: number };
}

/** The connections the process holds: mysql2's pool, or the embedded database's one connection. */
function poolGauge(dataSource: DataSource, observer: DatabaseObserver): void {
  observer.metrics.gauge(
    'safeguarding_db_pool_connections',
    'Database connections: max (the pool size), open, idle, in_use, and requests waiting for one',
    ['state'],
    (gauge) => {
      gauge.reset();
      const pool = (dataSource.driver as { pool?: PoolShape }).pool;
      if (pool && observer.system !== 'sqlite') {
        const open = pool._allConnections?.length ?? 0;
        const idle = pool._freeConnections?.length ?? 0;
        gauge.set({ state: 'max' }, pool.config?.connectionLimit ?? 10);
        gauge.set({ state: 'open' }, open);
        gauge.set({ state: 'idle' }, idle);
        gauge.set({ state: 'in_use' }, open - idle);
        gauge.set({ state: 'waiting' }, pool._connectionQueue?.length ?? 0);
        return;
      }
      const open = dataSource.isInitialized ? 1 : 0;
      gauge.set({ state: 'max' }, 1);
      gauge.set({ state: 'open' }, open);
      gauge.set({ state: 'in_use' }, Math.min(open, observer.inFlight));
      gauge.set({ state: 'idle' }, open - Math.min(open, observer.inFlight));
      // Statements queued on the one connection beyond the running one.
      gauge.set({ state: 'waiting' }, Math.max(0, observer.inFlight - 1));
    },
  );
}
