import 'reflect-metadata';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import mysql from 'mysql2/promise';
import {
  csvFileRows,
  loadEnvironmentOrExit,
  resolveDatabaseTarget,
  subgraphEnvironment,
  type SubgraphConfig,
} from '@safeguarding/shared';
import { schoolColumns } from '../sync/school-sync.repository';
import { checkSchoolRow, referenceLaCodes } from '../sync/school-sync.service';
import { giasRowReader } from '../sync/gias';
import { importGiasFile } from '../sync/gias-import';
import { generateGiasFile } from './generate-gias';
import { openSchoolsRuntime } from './runtime';

/**
 * The raw INSERT runs first, so that any warming of the server favours it rather than the importer.
 *
 * `npm run bench:schools [-- <gias.csv>]`: imports the generated national file (50,000
 * establishments) into MySQL (DATABASE_URL, default mysql://root@127.0.0.1:3306; databases
 * prefixed `bench_`, dropped first), then again (nothing changes), and compares with a plain
 * multi-row INSERT of the same rows through mysql2 in batches of the same size. Prints rows per
 * second and peak resident memory. Not part of `npm test`: it takes a while.
 */
const batchSize = 1000;

class PeakMemory {
  peak = process.memoryUsage().rss;
  private readonly timer = setInterval(() => this.sample(), 10);
  sample(): void {
    this.peak = Math.max(this.peak, process.memoryUsage().rss);
  }
  reset(): void {
    this.peak = process.memoryUsage().rss;
  }
  stop(): void {
    clearInterval(this.timer);
  }
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

async function dropBenchDatabase(config: SubgraphConfig): Promise<void> {
  const target = resolveDatabaseTarget('schools', config);
  if (target.kind !== 'mysql') throw new Error('the benchmark needs MySQL: set DATABASE_URL');
  const connection = await mysql.createConnection({
    host: target.host,
    port: target.port,
    user: target.user,
    password: target.password,
  });
  await connection.query(`DROP DATABASE IF EXISTS \`${target.database}\``);
  await connection.end();
}

async function main(): Promise<void> {
  process.env['DATABASE_URL'] ??= 'mysql://root@127.0.0.1:3306';
  process.env['DATABASE_NAME_PREFIX'] ??= 'bench_';
  const config = loadEnvironmentOrExit(subgraphEnvironment, 'bench:schools');
  const [fileArgument] = process.argv.slice(2);
  let file = fileArgument
    ? path.resolve(process.env['INIT_CWD'] ?? process.cwd(), fileArgument)
    : path.join(os.tmpdir(), 'gias-national-50000.csv');
  await dropBenchDatabase(config);
  const { runtime, target } = await openSchoolsRuntime(config, 'bench:schools');
  if (!fileArgument && !fs.existsSync(file)) {
    process.stderr.write(`generating ${file}\n`);
    await generateGiasFile(file, 50_000, runtime.reference);
  }
  file = path.resolve(file);
  if (target.kind !== 'mysql') throw new Error('the benchmark needs MySQL');
  const memory = new PeakMemory();
  const results: Array<{ run: string; rows: number; seconds: number; peak: number }> = [];
  try {
    // The same rows, parsed and checked beforehand (not timed), written by plain INSERTs.
    const laCodes = referenceLaCodes(runtime.reference);
    let rows: Array<Array<string | null>> = [];
    let read: ReturnType<typeof giasRowReader> | null = null;
    for await (const { cells } of csvFileRows(file)) {
      if (!read) read = giasRowReader(cells);
      else {
        const checked = checkSchoolRow(read(cells), laCodes);
        if (checked.kind === 'valid') rows.push(schoolColumns.map((column) => checked.school[column]));
      }
    }
    const connection = await mysql.createConnection({
      host: target.host,
      port: target.port,
      user: target.user,
      password: target.password,
      database: target.database,
    });
    await connection.query('DROP TABLE IF EXISTS raw_schools');
    await connection.query('CREATE TABLE raw_schools LIKE schools');
    memory.reset();
    const started = process.hrtime.bigint();
    const columns = schoolColumns.map((c) => `\`${c}\``).join(', ');
    for (let i = 0; i < rows.length; i += batchSize) {
      await connection.query(`INSERT INTO raw_schools (${columns}) VALUES ?`, [rows.slice(i, i + batchSize)]);
    }
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    memory.sample();
    results.push({ run: 'plain multi-row INSERT (mysql2)', rows: rows.length, seconds, peak: memory.peak });
    await connection.query('DROP TABLE raw_schools');
    await connection.end();
    // Let the raw rows go before the importer's memory is measured.
    rows = [];
    for (const run of ['importer, empty database', 'importer, same file again (all unchanged)']) {
      if (global.gc) global.gc();
      memory.reset();
      const summary = await importGiasFile(runtime, file, { batchSize });
      memory.sample();
      results.push({ run, rows: summary.rows, seconds: summary.seconds, peak: memory.peak });
      process.stderr.write(
        `${run}: ${summary.CREATED} created, ${summary.UPDATED} updated, ${summary.UNCHANGED} unchanged, ${summary.REJECTED} rejected\n`,
      );
    }
  } finally {
    memory.stop();
    await runtime.db.destroy();
  }

  const version = await serverVersion(config);
  process.stdout.write(
    `\nbench:schools — ${path.basename(file)} into ${version}, batches of ${batchSize}, node ${process.version}\n`,
  );
  process.stdout.write(
    `${'run'.padEnd(46)}${'rows'.padStart(8)}${'seconds'.padStart(10)}${'rows/s'.padStart(10)}${'peak RSS'.padStart(11)}\n`,
  );
  for (const r of results) {
    process.stdout.write(
      `${r.run.padEnd(46)}${String(r.rows).padStart(8)}${r.seconds.toFixed(2).padStart(10)}${String(Math.round(r.rows / r.seconds)).padStart(10)}${mb(r.peak).padStart(11)}\n`,
    );
  }
  const raw = results[0]!;
  const importer = results[1]!;
  const ratio = importer.rows / importer.seconds / (raw.rows / raw.seconds);
  process.stdout.write(
    `importer / raw INSERT speed: ${(ratio * 100).toFixed(0)}% (target: at least 50%) ${ratio >= 0.5 ? 'met' : 'NOT met'}\n`,
  );
  await dropBenchDatabase(config);
}

async function serverVersion(config: SubgraphConfig): Promise<string> {
  const target = resolveDatabaseTarget('schools', config);
  if (target.kind !== 'mysql') return 'SQLite';
  const connection = await mysql.createConnection({
    host: target.host,
    port: target.port,
    user: target.user,
    password: target.password,
  });
  const [rows] = await connection.query('SELECT VERSION() AS version');
  await connection.end();
  return `MySQL-compatible ${String((rows as Array<{ version: string }>)[0]?.version ?? '')}`;
}

void main().catch((error: unknown) => {
  process.stderr.write(`bench:schools: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
