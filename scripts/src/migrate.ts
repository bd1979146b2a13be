import 'reflect-metadata';
import { subgraphs } from '@safeguarding/gateway';
import {
  createLogger,
  describeTarget,
  loadEnvironmentOrExit,
  migrateSubgraph,
  resolveDatabaseTarget,
  subgraphEnvironment,
} from '@safeguarding/shared';

/**
 * `npm run migrate [-- <subgraph>]`: brings each subgraph's database up to date, one at a time,
 * holding that database's migration lock, so replicas or deploy jobs started together take turns.
 * Production subgraphs refuse to start while a migration is pending; this is the step that runs them.
 */
async function main(): Promise<void> {
  const config = loadEnvironmentOrExit(subgraphEnvironment, 'migrate');
  const logger = createLogger('migrate', config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL);
  const [which] = process.argv.slice(2);
  const selected = which ? subgraphs.filter((definition) => definition.name === which) : subgraphs;
  if (selected.length === 0) {
    process.stderr.write(`migrate: unknown subgraph ${which}; one of: ${subgraphs.map((s) => s.name).join(', ')}\n`);
    process.exit(2);
  }
  for (const definition of selected) {
    const applied = await migrateSubgraph(definition, config, logger);
    const target = describeTarget(resolveDatabaseTarget(definition.name, config));
    process.stdout.write(
      applied.length === 0
        ? `${definition.name}: up to date (${target})\n`
        : `${definition.name}: ${applied.length} migration${applied.length === 1 ? '' : 's'} applied (${target})\n`,
    );
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`migrate: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}\n`);
  process.exit(1);
});
