import { generateKeyPairSync, randomBytes } from 'node:crypto';
import mysql from 'mysql2/promise';
import {
  parseEnvironment,
  resolveDatabaseTarget,
  subgraphEnvironment,
  type SubgraphConfig,
} from '@safeguarding/shared';
import { subgraphs } from '@safeguarding/gateway';

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
