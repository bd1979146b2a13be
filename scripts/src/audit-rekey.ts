import 'reflect-metadata';
import { subgraphs } from '@safeguarding/gateway';
import {
  AuditRekeyError,
  connectDatabase,
  createLogger,
  loadEnvironmentOrExit,
  rekeyAuditChain,
  resolveDatabaseTarget,
  StatementCounter,
  subgraphEntities,
  subgraphEnvironment,
  useAuditChainKeys,
} from '@safeguarding/shared';

/**
 * `npm run audit:rekey -- <subgraph>`: re-links a development database's audit chain written before
 * the chain was keyed (plain SHA-256) under the configured AUDIT_HMAC_KEY and signs its head with
 * AUDIT_SIGNING_KEY, after checking the old chain as it was written. Refused in production: a
 * production trail is never rewritten, whoever asks.
 */
async function main(): Promise<void> {
  const config = loadEnvironmentOrExit(subgraphEnvironment, 'audit:rekey');
  const [which] = process.argv.slice(2);
  if (config.NODE_ENV === 'production') {
    process.stderr.write('audit:rekey: refused: NODE_ENV=production (a production audit trail is never re-keyed)\n');
    process.exit(1);
  }
  const definition = subgraphs.find((candidate) => candidate.name === which);
  if (!definition) {
    process.stderr.write(`audit:rekey: name a subgraph: one of ${subgraphs.map((s) => s.name).join(', ')}\n`);
    process.exit(2);
  }
  // Re-keying under a random key would leave a chain nothing could verify after this process.
  for (const variable of ['AUDIT_HMAC_KEY', 'AUDIT_SIGNING_KEY'] as const) {
    if (!config[variable]) {
      process.stderr.write(
        `audit:rekey: configuration error: ${variable}: required to re-key (the keys the subgraph runs with)\n`,
      );
      process.exit(1);
    }
  }
  const logger = createLogger('audit:rekey', config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL);
  const db = await connectDatabase(resolveDatabaseTarget(definition.name, config), {
    entities: subgraphEntities(definition),
    migrations: definition.migrations,
    logger,
    statements: new StatementCounter(),
  });
  try {
    useAuditChainKeys(db, config.AUDIT_HMAC_KEY, config.AUDIT_SIGNING_KEY);
    const outcome = await rekeyAuditChain(db, new Date());
    process.stdout.write(
      outcome.alreadyKeyed
        ? `${definition.name}: the audit chain verifies under the configured key already; nothing to do\n`
        : `${definition.name}: ${outcome.rekeyed} audit record${outcome.rekeyed === 1 ? '' : 's'} re-keyed; head signed\n`,
    );
  } finally {
    await db.destroy();
  }
}

main().catch((error: unknown) => {
  const message =
    error instanceof AuditRekeyError || error instanceof Error ? error.message.split('\n')[0] : String(error);
  process.stderr.write(`audit:rekey: ${message}\n`);
  process.exit(1);
});
