import 'reflect-metadata';
import mysql from 'mysql2/promise';
import {
  createLogger,
  parseEnvironment,
  resolveDatabaseTarget,
  startSubgraph,
  subgraphEnvironment,
  type RunningHttpService,
  type RunningSubgraph,
  type SubgraphConfig,
  type SubgraphName,
} from '@safeguarding/shared';
import { readSupergraph, startGateway, subgraphs } from '@safeguarding/gateway';

export const onMysql = Boolean(process.env['DATABASE_URL']);

export interface GraphQLResponse<T = Record<string, unknown>> {
  data?: T | null;
  errors?: Array<{ message: string; path?: Array<string | number>; extensions?: Record<string, unknown> }>;
}

export interface TestGraph {
  readonly gatewayUrl: string;
  readonly subgraphs: Record<SubgraphName, RunningSubgraph>;
  query<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>>;
  /** SQL statements issued per subgraph while `work` runs. */
  countStatements(work: () => Promise<unknown>): Promise<Record<SubgraphName, number>>;
  stop(): Promise<void>;
}

let graphs = 0;

/** A per-graph config: in-memory SQLite, or a fresh set of MySQL databases with their own prefix. */
export function testConfig(overrides: Record<string, string> = {}): SubgraphConfig {
  graphs += 1;
  return parseEnvironment(subgraphEnvironment, {
    ...process.env,
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    PORT: '0',
    DATA_DIR: ':memory:',
    DATABASE_NAME_PREFIX: `test_${process.pid}_${graphs}_`,
    ...overrides,
  });
}

/** The whole graph in this process: five subgraphs and the gateway on free ports, through HTTP. */
export async function startGraph(options: { demoData?: boolean; now?: () => Date } = {}): Promise<TestGraph> {
  const config = testConfig({ DEMO_DATA: options.demoData === false ? 'false' : 'true' });
  const logger = createLogger('test', 'silent');
  if (onMysql) await dropDatabases(config);
  const running = await Promise.all(
    subgraphs.map((definition) => startSubgraph(definition, config, { logger, ...(options.now ? { now: options.now } : {}) })),
  );
  const byName = Object.fromEntries(running.map((subgraph) => [subgraph.name, subgraph])) as Record<SubgraphName, RunningSubgraph>;
  let gateway: RunningHttpService;
  try {
    gateway = await startGateway({
      supergraphSdl: readSupergraph(),
      subgraphUrls: Object.fromEntries(running.map((subgraph) => [subgraph.name, subgraph.url])),
      host: '127.0.0.1',
      port: 0,
      logger,
      production: false,
    });
  } catch (error) {
    await Promise.all(running.map((subgraph) => subgraph.stop()));
    throw error;
  }
  const query = async <T>(document: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>> => {
    const response = await fetch(gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: document, variables }),
    });
    return (await response.json()) as GraphQLResponse<T>;
  };
  return {
    gatewayUrl: gateway.url,
    subgraphs: byName,
    query,
    countStatements: async (work) => {
      const before = Object.fromEntries(running.map((s) => [s.name, s.statements.count]));
      await work();
      return Object.fromEntries(running.map((s) => [s.name, s.statements.count - (before[s.name] ?? 0)])) as Record<SubgraphName, number>;
    },
    stop: async () => {
      await gateway.stop();
      await Promise.all(running.map((subgraph) => subgraph.stop()));
      if (onMysql) await dropDatabases(config);
    },
  };
}

export async function dropDatabases(config: SubgraphConfig): Promise<void> {
  const first = resolveDatabaseTarget('partnerships', config);
  if (first.kind !== 'mysql') return;
  const connection = await mysql.createConnection({ host: first.host, port: first.port, user: first.user, password: first.password });
  try {
    for (const definition of subgraphs) {
      const target = resolveDatabaseTarget(definition.name, config);
      if (target.kind === 'mysql') await connection.query(`DROP DATABASE IF EXISTS \`${target.database}\``);
    }
  } finally {
    await connection.end();
  }
}
