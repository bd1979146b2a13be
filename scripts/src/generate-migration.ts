import fs from 'node:fs';
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
  type SubgraphDefinition,
} from '@safeguarding/shared';

/**
 * `npm run migration:generate -- <subgraph|all> <Name>`: diffs a subgraph's entities against a
 * scratch MySQL database brought up to date by the existing migrations, and writes the difference
 * as a new migration. MySQL is the production dialect, so migrations are written in it.
 */
const [which, name] = process.argv.slice(2);
const databaseUrl = process.env['DATABASE_URL'] ?? 'mysql://root@127.0.0.1:3306';

async function generate(definition: SubgraphDefinition, migrationName: string): Promise<void> {
  const target = resolveDatabaseTarget(definition.name, {
    DATABASE_URL: databaseUrl,
    DATABASE_NAME_PREFIX: 'migrationgen_',
    DATA_DIR: '',
  });
  if (target.kind !== 'mysql') throw new Error('DATABASE_URL must be a mysql:// URL');
  const admin = await mysql.createConnection({ host: target.host, port: target.port, user: target.user, password: target.password });
  await admin.query(`DROP DATABASE IF EXISTS \`${target.database}\``);
  const flavour = await createMysqlDatabase(target);
  const dataSource = new DataSource(
    dataSourceOptions(target, { entities: subgraphEntities(definition), migrations: definition.migrations }, { flavour }),
  );
  try {
    await dataSource.initialize();
    await dataSource.runMigrations();
    const log = await dataSource.driver.createSchemaBuilder().log();
    if (log.upQueries.length === 0) {
      process.stdout.write(`${definition.name}: entities and migrations agree; nothing to generate\n`);
      return;
    }
    const timestamp = Date.now();
    const className = `${migrationName}${timestamp}`;
    const statement = (query: { query: string }) => `    await queryRunner.query(${JSON.stringify(query.query)});`;
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
    const directory = path.join(repositoryRoot, 'subgraphs', definition.name, 'src', 'migrations');
    const file = path.join(directory, `${timestamp}-${migrationName}.ts`);
    fs.writeFileSync(file, source);
    writeIndex(directory);
    process.stdout.write(`${definition.name}: wrote ${path.relative(repositoryRoot, file)}\n`);
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
    await admin.query(`DROP DATABASE IF EXISTS \`${target.database}\``);
    await admin.end();
  }
}

/** The index lists every migration in timestamp order, so none is forgotten in the definition. */
function writeIndex(directory: string): void {
  const files = fs
    .readdirSync(directory)
    .filter((file) => /^\d+-\w+\.ts$/.test(file))
    .sort();
  const classes = files.map((file) => {
    const [timestamp, rest] = file.replace(/\.ts$/, '').split('-') as [string, string];
    return { module: `./${file.replace(/\.ts$/, '')}`, className: `${rest}${timestamp}` };
  });
  const source = [
    '// Written by `npm run migration:generate`; lists this subgraph\'s migrations in order.',
    ...classes.map((c) => `import { ${c.className} } from '${c.module}';`),
    '',
    `export const migrations: Function[] = [${classes.map((c) => c.className).join(', ')}];`,
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
  for (const definition of selected) await generate(definition, name);
}

main().catch((error: unknown) => {
  process.stderr.write(`migration:generate: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
