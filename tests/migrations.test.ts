import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { subgraphs } from '@safeguarding/gateway';
import {
  createLogger,
  createMysqlDatabase,
  dataSourceOptions,
  openDatabase,
  pendingMigrations,
  pendingSchemaChanges,
  PendingMigrationsError,
  repositoryRoot,
  resolveDatabaseTarget,
  StatementCounter,
  subgraphEntities,
  type DatabaseTarget,
  type SubgraphDefinition,
} from '@safeguarding/shared';
import { dropDatabases, onMysql, testConfig } from './support/graph';

// Both databases are built by migrations only; these tests fail when an entity changes without one.
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'migrations-'));
const config = testConfig({ DATA_DIR: dataDir });
const logger = createLogger('test', 'silent');
afterAll(async () => {
  await dropDatabases(config);
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const open = (definition: SubgraphDefinition, target: DatabaseTarget, migrationMode: 'run' | 'verify' = 'run') =>
  openDatabase(target, {
    entities: subgraphEntities(definition),
    migrations: definition.migrations,
    logger,
    statements: new StatementCounter(),
    migrationMode,
  });

const dialectMigrations = (definition: SubgraphDefinition) =>
  onMysql ? definition.migrations.mysql : definition.migrations.sqlite;

describe.each(subgraphs.map((definition) => [definition.name, definition] as const))(
  '%s migrations',
  (_name, definition) => {
    const target = resolveDatabaseTarget(definition.name, config);

    it('refuse, in verify mode (production), a database that is behind, naming what to run', async () => {
      await expect(open(definition, target, 'verify')).rejects.toThrow(PendingMigrationsError);
      await expect(open(definition, target, 'verify')).rejects.toThrow(
        /pending migrations? \(.+\): run `npm run migrate` first/,
      );
    });

    it('create a database that matches the entities exactly, never by synchronize, and run once only', async () => {
      const first = await open(definition, target);
      try {
        expect(await pendingSchemaChanges(first)).toEqual([]);
        expect(first.options.synchronize).toBe(false);
      } finally {
        await first.destroy();
      }
      const second = await open(definition, target, 'verify');
      try {
        expect(await pendingMigrations(second)).toEqual([]);
        const applied = (await second.query('SELECT COUNT(*) AS n FROM migrations')) as Array<{ n: number | string }>;
        expect(Number(applied[0]!.n)).toBe(dialectMigrations(definition).length);
      } finally {
        await second.destroy();
      }
    });

    it('would notice drift: a column missing from the database shows as a pending change', async () => {
      let flavour: 'mysql' | 'mariadb' = 'mysql';
      if (target.kind === 'mysql') flavour = await createMysqlDatabase(target);
      const dataSource = new DataSource(
        dataSourceOptions(
          target,
          { entities: subgraphEntities(definition), migrations: definition.migrations },
          { flavour },
        ),
      );
      await dataSource.initialize();
      try {
        const table = dataSource.entityMetadatas[0]!;
        const column = table.columns.find(
          (c) => !c.isPrimary && !c.relationMetadata && !table.indices.some((i) => i.columns.includes(c)),
        )!;
        const quote = (name: string) => (target.kind === 'mysql' ? `\`${name}\`` : `"${name}"`);
        await dataSource.query(`ALTER TABLE ${quote(table.tableName)} DROP COLUMN ${quote(column.databaseName)}`);
        const pending = await pendingSchemaChanges(dataSource);
        expect(pending.join('\n')).toContain(column.databaseName);
      } finally {
        await dataSource.destroy();
      }
    });
  },
);

// Replicas starting together: each runs `npm run migrate` for the same database at once. The lock
// (GET_LOCK on MySQL, an IMMEDIATE transaction on SQLite) makes one migrate and the others find
// nothing left to do; none fails.
it('lets several processes migrate the same databases at once without a race', async () => {
  const raceDir = fs.mkdtempSync(path.join(os.tmpdir(), 'migrate-race-'));
  const raceConfig = testConfig({ DATA_DIR: raceDir });
  const env = {
    ...process.env,
    LOG_LEVEL: 'silent',
    DATA_DIR: raceDir,
    DATABASE_NAME_PREFIX: raceConfig.DATABASE_NAME_PREFIX,
  };
  const runs = await Promise.all(
    [1, 2, 3].map(
      () =>
        new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
          const child = spawn(process.execPath, [path.join(repositoryRoot, 'scripts', 'dist', 'migrate.js')], { env });
          let stdout = '';
          let stderr = '';
          child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
          child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
          child.on('exit', (code) => resolve({ code, stdout, stderr }));
        }),
    ),
  );
  try {
    for (const run of runs) expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: '' });
    for (const definition of subgraphs) {
      const applied = runs
        .map((run) => new RegExp(`^${definition.name}: (\\d+) migrations? applied`, 'm').exec(run.stdout)?.[1])
        .filter(Boolean);
      expect(applied).toEqual([String(dialectMigrations(definition).length)]);
      expect(runs.filter((run) => run.stdout.includes(`${definition.name}: up to date`))).toHaveLength(2);
      const db = await open(definition, resolveDatabaseTarget(definition.name, raceConfig), 'verify');
      await db.destroy();
    }
  } finally {
    await dropDatabases(raceConfig);
    fs.rmSync(raceDir, { recursive: true, force: true });
  }
});

// Earlier versions built the embedded database with synchronize. Such a database is adopted when
// it matches this version's schema, and refused with what to do when it does not.
describe('an embedded database built without migrations by an earlier version', () => {
  const definition = subgraphs.find((candidate) => candidate.name === 'agencies')!;
  const build = async (file: string, change?: string) => {
    const target: DatabaseTarget = { kind: 'sqlite', file };
    // Such a database has every table and no record of migrations: build it with the migrations,
    // then forget that they ran.
    const legacy = new DataSource(
      dataSourceOptions(target, { entities: subgraphEntities(definition), migrations: definition.migrations }),
    );
    await legacy.initialize();
    await legacy.runMigrations();
    await legacy.query(`DROP TABLE ${legacy.options.migrationsTableName ?? 'migrations'}`);
    if (change) await legacy.query(change);
    await legacy.destroy();
    return target;
  };

  it('is adopted when it matches: its migrations are recorded, its rows kept', async () => {
    const target = await build(
      path.join(dataDir, 'legacy-match.sqlite'),
      `INSERT INTO audit_chain_head (id, sequence, hash) VALUES (7, 0, 'kept')`,
    );
    const db = await open(definition, target);
    try {
      expect(await pendingMigrations(db)).toEqual([]);
      expect(await db.query('SELECT hash FROM audit_chain_head WHERE id = 7')).toEqual([{ hash: 'kept' }]);
    } finally {
      await db.destroy();
    }
  });

  it('is refused, with one line saying what to do, when it does not match', async () => {
    const target = await build(
      path.join(dataDir, 'legacy-drift.sqlite'),
      'ALTER TABLE agency_contacts DROP COLUMN hours',
    );
    await expect(open(definition, target)).rejects.toThrow(
      /was built by an earlier version without migrations and does not match this one; move it aside/,
    );
  });
});
