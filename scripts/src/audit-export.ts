import 'reflect-metadata';
import fs from 'node:fs';
import { subgraphs } from '@safeguarding/gateway';
import {
  connectDatabase,
  createLogger,
  exportAuditTrail,
  loadEnvironmentOrExit,
  resolveDatabaseTarget,
  StatementCounter,
  subgraphEntities,
  subgraphEnvironment,
  useAuditChainKeys,
} from '@safeguarding/shared';

/**
 * `npm run audit:export -- <subgraph> [file]`: checks that subgraph's whole audit chain with its
 * keys and writes it, with its checkpoints and signed, as JSON (to stdout without a file), for
 * `npm run audit:verify` to check anywhere with the public key alone.
 */
async function main(): Promise<void> {
  const config = loadEnvironmentOrExit(subgraphEnvironment, 'audit:export');
  const [which, file] = process.argv.slice(2);
  const definition = subgraphs.find((candidate) => candidate.name === which);
  if (!definition) {
    process.stderr.write(`audit:export: name a subgraph: one of ${subgraphs.map((s) => s.name).join(', ')}\n`);
    process.exit(2);
  }
  // Random keys would sign an export that vouches for nothing the graph wrote.
  for (const variable of ['AUDIT_HMAC_KEY', 'AUDIT_SIGNING_KEY'] as const) {
    if (!config[variable]) {
      process.stderr.write(
        `audit:export: configuration error: ${variable}: required to export (the keys the subgraph runs with)\n`,
      );
      process.exit(1);
    }
  }
  const logger = createLogger('audit:export', config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL);
  const db = await connectDatabase(resolveDatabaseTarget(definition.name, config), {
    entities: subgraphEntities(definition),
    migrations: definition.migrations,
    logger,
    statements: new StatementCounter(),
  });
  try {
    useAuditChainKeys(db, config.AUDIT_HMAC_KEY, config.AUDIT_SIGNING_KEY);
    const exported = JSON.stringify(await exportAuditTrail(db, definition.name), null, 2);
    if (file) fs.writeFileSync(file, exported);
    else process.stdout.write(`${exported}\n`);
  } finally {
    await db.destroy();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`audit:export: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}\n`);
  process.exit(1);
});
