import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import {
  createLogger,
  createSubgraphContext,
  csvFileRows,
  describeTarget,
  loadEnvironmentOrExit,
  openDatabase,
  ReferenceData,
  resolveDatabaseTarget,
  StatementCounter,
  subgraphEntities,
  subgraphEnvironment,
  WorkingDayCalendar,
  type SubgraphRuntime,
} from '@safeguarding/shared';
import { AgencyRegistrationOutcome, type AgencyRegistrationResult } from '../agency/agency-registration.type';
import type { RelevantAgencyRowInput } from '../agency/agency.input';
import { AgencyService, maxRowsPerRequest } from '../agency/agency.service';
import { agenciesSubgraph } from '../subgraph';

/**
 * `npm run agencies:import -- <file.csv>`: registers relevant agencies from a CSV with a header
 * row, through the same service as the `registerRelevantAgencies` mutation, so a row is accepted
 * or rejected for the same reasons either way. Runs as an operator holding the database's own
 * credentials (DATABASE_URL or DATA_DIR, as the subgraph), so no token is asked for. Prints one
 * line per row and a summary; exit 0 when every row was accepted, 2 when some were rejected, 1
 * when the file or the database could not be used.
 */
const columns: ReadonlyArray<keyof RelevantAgencyRowInput> = [
  'name',
  'scheduleCategory',
  'scheduleEntry',
  'sector',
  'odsCode',
  'companiesHouseNumber',
  'charityNumber',
  'ofstedUrn',
  'status',
  'openedOn',
  'closedOn',
];

function fail(message: string): never {
  process.stderr.write(`agencies:import: ${message}\n`);
  process.exit(1);
}

async function main(): Promise<void> {
  const [fileArgument] = process.argv.slice(2);
  if (!fileArgument) fail('usage: npm run agencies:import -- <file.csv>');
  // npm runs scripts from the repository root; a relative path means where the operator typed it.
  const file = path.resolve(process.env['INIT_CWD'] ?? process.cwd(), fileArgument);
  if (!fs.existsSync(file)) fail(`${file}: no such file`);

  const config = loadEnvironmentOrExit(subgraphEnvironment, 'agencies:import');
  const logger = createLogger('agencies:import', config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL);
  const target = resolveDatabaseTarget('agencies', config);
  const db = await openDatabase(target, {
    entities: subgraphEntities(agenciesSubgraph),
    migrations: agenciesSubgraph.migrations,
    logger,
    statements: new StatementCounter(),
  }).catch((error: unknown) => fail(error instanceof Error ? error.message : String(error)));
  const runtime: SubgraphRuntime = {
    db,
    logger,
    reference: ReferenceData.load(config.REFERENCE_DATA_DIR),
    calendar: WorkingDayCalendar.fromFile(
      config.BANK_HOLIDAYS_FILE ?? path.join(config.REFERENCE_DATA_DIR, 'bank-holidays-england-and-wales.json'),
    ),
    now: () => new Date(),
  };
  const counts = new Map<AgencyRegistrationOutcome, number>(
    Object.values(AgencyRegistrationOutcome).map((o) => [o, 0]),
  );
  try {
    // Statutory partners first, so a row naming one of their codes is recognised as such.
    await agenciesSubgraph.loadReferenceData?.(runtime);
    process.stdout.write(`importing ${file} into ${describeTarget(target)}\n`);
    let header: Map<string, number> | null = null;
    let batch: Array<{ line: number; row: RelevantAgencyRowInput }> = [];
    const flush = async () => {
      if (batch.length === 0) return;
      const results = await new AgencyService(createSubgraphContext(runtime)).importRows(batch.map((b) => b.row));
      results.forEach((result) => report(batch[result.row]?.line ?? 0, result, counts));
      batch = [];
    };
    for await (const { line, cells } of csvFileRows(file)) {
      if (!header) {
        header = new Map(cells.map((name, index) => [name.trim().replace(/^\uFEFF/, ''), index]));
        const unknown = [...header.keys()].filter((name) => !(columns as readonly string[]).includes(name));
        if (unknown.length > 0)
          fail(`line 1: unknown column ${unknown.join(', ')}; the columns are ${columns.join(', ')}`);
        if (!header.has('name')) fail('line 1: the header row must have a name column');
        continue;
      }
      if (cells.every((cell) => cell.trim() === '')) continue;
      const columnsOf = header;
      const row = Object.fromEntries(
        columns.flatMap((column) => {
          const index = columnsOf.get(column);
          return index === undefined ? [] : [[column, cells[index] ?? '']];
        }),
      ) as unknown as RelevantAgencyRowInput;
      batch.push({ line, row });
      if (batch.length >= maxRowsPerRequest) await flush();
    }
    if (!header) fail(`${file} is empty: it needs a header row`);
    await flush();
  } finally {
    await db.destroy();
  }
  const summary = [...counts].map(([outcome, n]) => `${n} ${outcome.toLowerCase()}`).join(', ');
  process.stdout.write(`${summary}\n`);
  process.exitCode = (counts.get(AgencyRegistrationOutcome.REJECTED) ?? 0) > 0 ? 2 : 0;
}

function report(line: number, result: AgencyRegistrationResult, counts: Map<AgencyRegistrationOutcome, number>): void {
  counts.set(result.outcome, (counts.get(result.outcome) ?? 0) + 1);
  const detail =
    result.outcome === AgencyRegistrationOutcome.REJECTED
      ? (result.reason ?? '')
      : `${result.agency?.id ?? ''} ${result.agency?.name ?? ''}`;
  process.stdout.write(`line ${line}: ${result.outcome} ${detail}\n`);
}

void main().catch((error: unknown) => fail(error instanceof Error ? error.message : String(error)));
