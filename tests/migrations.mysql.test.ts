import { DataSource } from 'typeorm';
import { subgraphs } from '@safeguarding/gateway';
import {
  createLogger,
  createMysqlDatabase,
  dataSourceOptions,
  openDatabase,
  pendingSchemaChanges,
  resolveDatabaseTarget,
  StatementCounter,
  subgraphEntities,
} from '@safeguarding/shared';
import { dropDatabases, testConfig } from './support/graph';

// MySQL is built by migrations only; these tests fail when an entity changes without one.
const config = testConfig();
const logger = createLogger('test', 'silent');
afterAll(() => dropDatabases(config));

describe.each(subgraphs.map((definition) => [definition.name, definition] as const))('%s migrations', (_name, definition) => {
  const target = resolveDatabaseTarget(definition.name, config);

  it('create a database that matches the entities exactly, and run once only', async () => {
    const first = await openDatabase(target, { entities: subgraphEntities(definition), migrations: definition.migrations, logger, statements: new StatementCounter() });
    try {
      expect(await pendingSchemaChanges(first)).toEqual([]);
      expect(first.options.synchronize).toBe(false);
    } finally {
      await first.destroy();
    }
    const second = await openDatabase(target, { entities: subgraphEntities(definition), migrations: definition.migrations, logger, statements: new StatementCounter() });
    try {
      const applied = (await second.query('SELECT COUNT(*) AS n FROM migrations')) as Array<{ n: number | string }>;
      expect(Number(applied[0]!.n)).toBe((definition.migrations as Function[]).length);
    } finally {
      await second.destroy();
    }
  });

  it('would notice drift: a column missing from the database shows as a pending change', async () => {
    if (target.kind !== 'mysql') throw new Error('this suite needs DATABASE_URL=mysql://…');
    const flavour = await createMysqlDatabase(target);
    const dataSource = new DataSource(
      dataSourceOptions(target, { entities: subgraphEntities(definition), migrations: definition.migrations }, { flavour }),
    );
    await dataSource.initialize();
    try {
      const table = dataSource.entityMetadatas[0]!;
      const column = table.columns.find((c) => !c.isPrimary && !c.relationMetadata)!;
      await dataSource.query(`ALTER TABLE \`${table.tableName}\` DROP COLUMN \`${column.databaseName}\``);
      const pending = await pendingSchemaChanges(dataSource);
      expect(pending.join('\n')).toContain(column.databaseName);
    } finally {
      await dataSource.destroy();
    }
  });
});
