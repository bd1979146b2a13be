import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import mysql from 'mysql2/promise';
import { DataSource } from 'typeorm';
import { subgraphs } from '@safeguarding/gateway';
import {
  createMysqlDatabase,
  dataSourceOptions,
  repositoryRoot,
  resolveDatabaseTarget,
  subgraphEntities,
  type DatabaseTarget,
  type SubgraphDefinition,
} from '@safeguarding/shared';

/**
 * `npm run migration:generate -- <subgraph|all> <Name>`: for each dialect, diffs a subgraph's
 * entities against a scratch database brought up to date by that dialect's existing migrations,
 * and writes the difference as a new migration under `src/migrations/<dialect>/`, both with the
 * same timestamp. MySQL needs a server (DATABASE_URL, default the local one); SQLite a temp file.
 */
const [which, name] = process.argv.slice(2);
const databaseUrl = process.env['DATABASE_URL'] ?? 'mysql://root@127.0.0.1:3306';
type Dialect = 'mysql' | 'sqlite';

interface Scratch {
  readonly dataSource: DataSource;
  dispose(): Promise<void>;
}

async function scratchDatabase(definition: SubgraphDefinition, dialect: Dialect): Promise<Scratch> {
  const options = { entities: subgraphEntities(definition), migrations: definition.migrations };
  if (dialect === 'sqlite') {
    const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'migrationgen-'));
    const target: DatabaseTarget = { kind: 'sqlite', file: path.join(directory, `${definition.name}.sqlite`) };
    const dataSource = new DataSource(dataSourceOptions(target, options));
    return {
      dataSource,
      dispose: async () => {
        if (dataSource.isInitialized) await dataSource.destroy();
        fs.rmSync(directory, { recursive: true, force: true });
      },
    };
  }
  const target = resolveDatabaseTarget(definition.name, {
    DATABASE_URL: databaseUrl,
    DATABASE_NAME_PREFIX: 'migrationgen_',
    DATA_DIR: '',
  });
  if (target.kind !== 'mysql') throw new Error('DATABASE_URL must be a mysql:// URL');
  const admin = await mysql.createConnection({
    host: target.host,
    port: target.port,
    user: target.user,
    password: target.password,
  });
  await admin.query(`DROP DATABASE IF EXISTS \`${target.database}\``);
  const flavour = await createMysqlDatabase(target);
  const dataSource = new DataSource(dataSourceOptions(target, options, { flavour }));
  return {
    dataSource,
    dispose: async () => {
      if (dataSource.isInitialized) await dataSource.destroy();
      await admin.query(`DROP DATABASE IF EXISTS \`${target.database}\``);
      await admin.end();
    },
  };
}

async function generate(
  definition: SubgraphDefinition,
  dialect: Dialect,
  migrationName: string,
  timestamp: number,
): Promise<void> {
  const scratch = await scratchDatabase(definition, dialect);
  try {
    await scratch.dataSource.initialize();
    await scratch.dataSource.runMigrations();
    const log = await scratch.dataSource.driver.createSchemaBuilder().log();
    if (log.upQueries.length === 0) {
      process.stdout.write(`${definition.name} (${dialect}): entities and migrations agree; nothing to generate\n`);
      return;
    }
    const className = `${migrationName}${timestamp}`;
    const statement = (query: { query: string; parameters?: unknown[] | undefined }) =>
      query.parameters && query.parameters.length > 0
        ? `    await queryRunner.query(${JSON.stringify(query.query)}, ${JSON.stringify(query.parameters)});`
        : `    await queryRunner.query(${JSON.stringify(query.query)});`;
    const source = [
      "import type { MigrationInterface, QueryRunner } from 'typeorm';",
      '',
      `export class ${className} implements MigrationInterface {`,
      `  name = '${className}';`,
      '',
      '  async up(queryRunner: QueryRunner): Promise<void> {',
      ...log.upQueries.map(statement),
      '  }',
      '',
      '  async down(queryRunner: QueryRunner): Promise<void> {',
      ...[...log.downQueries].reverse().map(statement),
      '  }',
      '}',
      '',
    ].join('\n');
    const file = path.join(migrationsDirectory(definition), dialect, `${timestamp}-${migrationName}.ts`);
    fs.writeFileSync(file, source);
    process.stdout.write(`${definition.name}: wrote ${path.relative(repositoryRoot, file)}\n`);
  } finally {
    await scratch.dispose();
  }
}

function migrationsDirectory(definition: SubgraphDefinition): string {
  return path.join(repositoryRoot, 'subgraphs', definition.name, 'src', 'migrations');
}

/** The index lists every migration of both dialects in timestamp order, so none is forgotten. */
function writeIndex(directory: string): void {
  const list = (dialect: Dialect) =>
    fs
      .readdirSync(path.join(directory, dialect))
      .filter((file) => /^\d+-\w+\.ts$/.test(file))
      .sort()
      .map((file) => {
        const [timestamp, rest] = file.replace(/\.ts$/, '').split('-') as [string, string];
        return {
          module: `./${dialect}/${file.replace(/\.ts$/, '')}`,
          className: `${rest}${timestamp}`,
          alias: `${dialect}${rest}${timestamp}`,
        };
      });
  const mysqlMigrations = list('mysql');
  const sqliteMigrations = list('sqlite');
  const source = [
    "// Written by `npm run migration:generate`; lists this subgraph's migrations of each dialect in order.",
    "import type { SubgraphMigrations } from '@safeguarding/shared';",
    ...[...mysqlMigrations, ...sqliteMigrations].map(
      (m) => `import { ${m.className} as ${m.alias} } from '${m.module}';`,
    ),
    '',
    'export const migrations: SubgraphMigrations = {',
    `  mysql: [${mysqlMigrations.map((m) => m.alias).join(', ')}],`,
    `  sqlite: [${sqliteMigrations.map((m) => m.alias).join(', ')}],`,
    '};',
    '',
  ].join('\n');
  fs.writeFileSync(path.join(directory, 'index.ts'), source);
}

async function main(): Promise<void> {
  if (!which || !name || !/^[A-Z][A-Za-z0-9]*$/.test(name)) {
    process.stderr.write('usage: npm run migration:generate -- <subgraph|all> <PascalCaseName>\n');
    process.exit(2);
  }
  const selected = which === 'all' ? subgraphs : subgraphs.filter((definition) => definition.name === which);
  if (selected.length === 0) {
    process.stderr.write(`unknown subgraph ${which}; one of: ${subgraphs.map((s) => s.name).join(', ')}, all\n`);
    process.exit(2);
  }
  for (const definition of selected) {
    const timestamp = Date.now();
    for (const dialect of ['mysql', 'sqlite'] as const) await generate(definition, dialect, name, timestamp);
    writeIndex(migrationsDirectory(definition));
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`migration:generate: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
