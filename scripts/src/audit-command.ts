import { subgraphs } from '@safeguarding/gateway';
import {
  connectDatabase,
  createLogger,
  loadEnvironmentOrExit,
  resolveDatabaseTarget,
  StatementCounter,
  subgraphEntities,
  subgraphEnvironment,
  useAuditChainKeys,
  type SubgraphConfig,
} from '@safeguarding/shared';
import type { DataSource } from 'typeorm';

type SubgraphDefinition = (typeof subgraphs)[number];

export interface AuditCommand {
  /** As the operator typed it (`audit:export`), the first word of every line it writes. */
  readonly name: string;
  /** What the keys are required for, in the refusal when one is missing. */
  readonly keysNeededTo: string;
  /** A reason to refuse before anything is opened, or null. */
  readonly refuse?: (config: SubgraphConfig) => string | null;
  readonly run: (db: DataSource, definition: SubgraphDefinition, args: readonly string[]) => Promise<void>;
}

/**
 * The audit commands work on one subgraph's chain under the keys it runs with: random keys would
 * sign or re-link a chain that vouches for nothing the graph wrote, so a missing key is refused.
 * Exit 2 when no subgraph is named, 1 on any refusal or failure, naming only its first line.
 */
export function runAuditCommand(command: AuditCommand): void {
  main(command).catch((error: unknown) => {
    process.stderr.write(`${command.name}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}\n`);
    process.exit(1);
  });
}

async function main(command: AuditCommand): Promise<void> {
  const config = loadEnvironmentOrExit(subgraphEnvironment, command.name);
  const [which, ...rest] = process.argv.slice(2);
  const refusal = command.refuse?.(config) ?? null;
  if (refusal) {
    process.stderr.write(`${command.name}: refused: ${refusal}\n`);
    process.exit(1);
  }
  const definition = subgraphs.find((candidate) => candidate.name === which);
  if (!definition) {
    process.stderr.write(`${command.name}: name a subgraph: one of ${subgraphs.map((s) => s.name).join(', ')}\n`);
    process.exit(2);
  }
  for (const variable of ['AUDIT_HMAC_KEY', 'AUDIT_SIGNING_KEY'] as const) {
    if (!config[variable]) {
      process.stderr.write(
        `${command.name}: configuration error: ${variable}: required to ${command.keysNeededTo} (the keys the subgraph runs with)\n`,
      );
      process.exit(1);
    }
  }
  const logger = createLogger(command.name, config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL);
  const db = await connectDatabase(resolveDatabaseTarget(definition.name, config), {
    entities: subgraphEntities(definition),
    migrations: definition.migrations,
    logger,
    statements: new StatementCounter(),
  });
  try {
    useAuditChainKeys(db, config.AUDIT_HMAC_KEY, config.AUDIT_SIGNING_KEY);
    await command.run(db, definition, rest);
  } finally {
    await db.destroy();
  }
}
