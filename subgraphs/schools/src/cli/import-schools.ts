import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import {
  describeTarget,
  loadEnvironmentOrExit,
  subgraphEnvironment,
  type CsvEncodingOption,
} from '@safeguarding/shared';
import { importGiasFile, type GiasImportProgress } from '../sync/gias-import';
import { openSchoolsRuntime } from './runtime';

/**
 * `npm run schools:import -- <gias.csv> [--encoding auto|utf-8|windows-1252]`: imports a GIAS "all
 * establishment data" extract (GIAS publishes Windows-1252; `auto`, the default, tells it from UTF-8)
 * through the same service as the `upsertSchools` mutation, so a row is accepted or rejected for
 * the same reasons either way. Runs as an operator holding the database's own credentials
 * (DATABASE_URL or DATA_DIR, as the subgraph), so no token is asked for. A progress line on
 * stderr, each rejected row and a summary on stdout; exit 0 when every row was accepted, 2 when
 * some were rejected, 1 when the file or the database could not be used.
 */
function fail(message: string): never {
  process.stderr.write(`schools:import: ${message}\n`);
  process.exit(1);
}

function progressLine({ rows, bytesRead, totalBytes }: GiasImportProgress, started: number): string {
  const percent = totalBytes > 0 ? Math.min(100, Math.floor((bytesRead / totalBytes) * 100)) : 100;
  const width = 30;
  const filled = Math.round((percent / 100) * width);
  const rate = Math.round(rows / Math.max((Date.now() - started) / 1000, 0.001));
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${String(percent).padStart(3)}% ${rows} rows, ${rate} rows/s`;
}

const encodings: readonly CsvEncodingOption[] = ['auto', 'utf-8', 'windows-1252'];
const usage = 'usage: npm run schools:import -- <gias.csv> [--encoding auto|utf-8|windows-1252]';

function commandLine(): { fileArgument: string; encoding: CsvEncodingOption } {
  let parsed: ReturnType<
    typeof parseArgs<{ options: { encoding: { type: 'string'; default: string } }; allowPositionals: true }>
  >;
  try {
    parsed = parseArgs({ options: { encoding: { type: 'string', default: 'auto' } }, allowPositionals: true });
  } catch (error) {
    fail(`${error instanceof Error ? error.message : String(error)}; ${usage}`);
  }
  const [fileArgument] = parsed.positionals;
  if (!fileArgument) fail(usage);
  const encoding = parsed.values.encoding as CsvEncodingOption;
  if (!encodings.includes(encoding)) fail(`--encoding must be one of ${encodings.join(', ')}`);
  return { fileArgument, encoding };
}

async function main(): Promise<void> {
  const { fileArgument, encoding } = commandLine();
  // npm runs scripts from the repository root; a relative path means where the operator typed it.
  const file = path.resolve(process.env['INIT_CWD'] ?? process.cwd(), fileArgument);
  if (!fs.existsSync(file)) fail(`${file}: no such file`);
  const config = loadEnvironmentOrExit(subgraphEnvironment, 'schools:import');
  const { runtime, target } = await openSchoolsRuntime(config, 'schools:import').catch((error: unknown) =>
    fail(error instanceof Error ? error.message : String(error)),
  );
  const started = Date.now();
  const tty = process.stderr.isTTY;
  let lastDecile = -1;
  process.stdout.write(`importing ${file} into ${describeTarget(target)}\n`);
  try {
    const summary = await importGiasFile(runtime, file, {
      encoding,
      onProgress: (progress) => {
        if (tty) process.stderr.write(`\r${progressLine(progress, started)}`);
        else {
          // Not a terminal (a log file, CI): one line per tenth of the file rather than a redrawn bar.
          const decile = Math.floor((progress.bytesRead / Math.max(progress.totalBytes, 1)) * 10);
          if (decile !== lastDecile || progress.bytesRead === progress.totalBytes)
            process.stderr.write(`${progressLine(progress, started)}\n`);
          lastDecile = progress.bytesRead === progress.totalBytes ? 11 : decile;
        }
      },
      onRejected: (line, result) =>
        process.stdout.write(`line ${line}: REJECTED URN ${result.urn || '(none)'}: ${result.reason ?? ''}\n`),
    });
    if (tty) process.stderr.write('\n');
    const rate = Math.round(summary.rows / Math.max(summary.seconds, 0.001));
    process.stdout.write(
      `${summary.rows} rows in ${summary.seconds.toFixed(1)} s (${rate} rows/s): ${summary.CREATED} created, ${summary.UPDATED} updated, ` +
        `${summary.UNCHANGED} unchanged, ${summary.REJECTED} rejected\n`,
    );
    process.exitCode = summary.REJECTED > 0 ? 2 : 0;
  } finally {
    await runtime.db.destroy();
  }
}

void main().catch((error: unknown) => fail(error instanceof Error ? error.message : String(error)));
