import fs from 'node:fs';
import { createSubgraphContext, csvFileRows, type CsvEncodingOption, type SubgraphRuntime } from '@safeguarding/shared';
import { giasRowReader, GiasHeaderError } from './gias';
import { referenceLaCodes, SchoolSyncService, type SchoolRow } from './school-sync.service';
import { SchoolUpsertOutcome, type SchoolUpsertResult } from './school-sync.type';

export const defaultImportBatchSize = 1000;
const maxBatchesInFlight = 3;

export interface GiasImportProgress {
  readonly rows: number;
  readonly bytesRead: number;
  readonly totalBytes: number;
}

export interface GiasImportOptions {
  readonly batchSize?: number;
  readonly onProgress?: (progress: GiasImportProgress) => void;
  readonly onRejected?: (line: number, result: SchoolUpsertResult) => void;
  /** GIAS publishes its extracts in Windows-1252; `auto` tells it from UTF-8 by the bytes. */
  readonly encoding?: CsvEncodingOption;
}

export type GiasImportSummary = Record<SchoolUpsertOutcome, number> & {
  readonly rows: number;
  readonly seconds: number;
};

/**
 * Streams a GIAS "all establishment data" CSV into the schools database through the same
 * service as the `upsertSchools` mutation, a batch at a time: reading pauses while a batch is
 * written, and only counts are kept, so memory stays flat whatever the file's size.
 */
export async function importGiasFile(
  runtime: SubgraphRuntime,
  file: string,
  options: GiasImportOptions = {},
): Promise<GiasImportSummary> {
  const started = process.hrtime.bigint();
  const batchSize = options.batchSize ?? defaultImportBatchSize;
  const totalBytes = fs.statSync(file).size;
  let bytesRead = 0;
  const laCodes = referenceLaCodes(runtime.reference);
  const counts: Record<SchoolUpsertOutcome, number> = { CREATED: 0, UPDATED: 0, UNCHANGED: 0, REJECTED: 0 };
  let rows = 0;
  let read: ((cells: readonly string[]) => SchoolRow) | null = null;
  let batch: Array<{ line: number; row: SchoolRow }> = [];
  // Batches are written while the next is read and checked, three at a time on their own connections,
  // so parsing and the database's round trips overlap; memory holds four batches at most.
  const inFlight = new Set<Promise<void>>();
  const write = async (rowsOfBatch: ReadonlyArray<{ line: number; row: SchoolRow }>) => {
    const results = await new SchoolSyncService(createSubgraphContext(runtime)).upsertBatch(
      rowsOfBatch.map((b) => b.row),
      laCodes,
    );
    for (const result of results) {
      counts[result.outcome] += 1;
      if (result.outcome === SchoolUpsertOutcome.REJECTED)
        options.onRejected?.(rowsOfBatch[result.row]?.line ?? 0, result);
    }
    rows += rowsOfBatch.length;
    options.onProgress?.({ rows, bytesRead, totalBytes });
  };
  const flush = async () => {
    while (inFlight.size >= maxBatchesInFlight) await Promise.race(inFlight);
    if (batch.length === 0) return;
    const writing: Promise<void> = write(batch).finally(() => inFlight.delete(writing));
    inFlight.add(writing);
    batch = [];
  };
  const source = csvFileRows(file, { encoding: options.encoding ?? 'auto', onBytes: (read) => (bytesRead = read) });
  for await (const { line, cells } of source) {
    if (!read) {
      read = giasRowReader(cells);
      continue;
    }
    if (cells.every((cell) => cell.trim() === '')) continue;
    batch.push({ line, row: read(cells) });
    if (batch.length >= batchSize) await flush();
  }
  if (!read) throw new GiasHeaderError(`${file} is empty: it needs a header row`);
  await flush();
  await Promise.all(inFlight);
  options.onProgress?.({ rows, bytesRead: totalBytes, totalBytes });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { ...counts, rows, seconds };
}
