import path from 'node:path';
import {
  createLogger,
  openDatabase,
  ReferenceData,
  resolveDatabaseTarget,
  StatementCounter,
  subgraphEntities,
  WorkingDayCalendar,
  type DatabaseTarget,
  type SubgraphConfig,
  type SubgraphRuntime,
} from '@safeguarding/shared';
import { schoolsSubgraph } from '../subgraph';

/** The schools database and reference data as the subgraph would open them, for the commands. */
export async function openSchoolsRuntime(
  config: SubgraphConfig,
  name: string,
): Promise<{ runtime: SubgraphRuntime; target: DatabaseTarget }> {
  const logger = createLogger(name, config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL);
  const target = resolveDatabaseTarget('schools', config);
  const db = await openDatabase(target, {
    entities: subgraphEntities(schoolsSubgraph),
    migrations: schoolsSubgraph.migrations,
    logger,
    statements: new StatementCounter(),
  });
  const runtime: SubgraphRuntime = {
    db,
    logger,
    reference: ReferenceData.load(config.REFERENCE_DATA_DIR),
    calendar: WorkingDayCalendar.fromFile(
      config.BANK_HOLIDAYS_FILE ?? path.join(config.REFERENCE_DATA_DIR, 'bank-holidays-england-and-wales.json'),
    ),
    now: () => new Date(),
  };
  return { runtime, target };
}
