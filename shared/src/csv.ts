import fs from 'node:fs';
import { Transform, type Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { parse as parseSync } from 'csv-parse/sync';

/**
 * Every CSV the graph reads (reference data, agency and GIAS imports) goes through here: one
 * reader on csv-parse, streaming for imports, with the file's encoding found or refused by name.
 */

/** The encodings a file may be in; GIAS publishes its extracts in Windows-1252. */
export type CsvEncoding = 'utf-8' | 'windows-1252';
export type CsvEncodingOption = CsvEncoding | 'auto';

export class CsvFileError extends Error {
  override name = 'CsvFileError';
}

const sniffBytes = 1 << 20;

/**
 * UTF-8 (with or without a byte-order mark) when the first megabyte is valid UTF-8, Windows-1252
 * otherwise (every byte is a character there). UTF-16 is refused by name rather than misread.
 */
export function detectEncoding(sample: Uint8Array, file: string): CsvEncoding {
  if ((sample[0] === 0xff && sample[1] === 0xfe) || (sample[0] === 0xfe && sample[1] === 0xff)) {
    throw new CsvFileError(`${file} is UTF-16; save it as UTF-8 (or Windows-1252) and try again`);
  }
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(sample, { stream: true });
    return 'utf-8';
  } catch {
    return 'windows-1252';
  }
}

function sample(file: string): Uint8Array {
  const handle = fs.openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(sniffBytes);
    const read = fs.readSync(handle, buffer, 0, sniffBytes, 0);
    return buffer.subarray(0, read);
  } finally {
    fs.closeSync(handle);
  }
}

export function encodingOf(file: string, option: CsvEncodingOption = 'auto'): CsvEncoding {
  return option === 'auto' ? detectEncoding(sample(file), file) : option;
}

/**
 * Bytes to text in the given encoding. UTF-8 is decoded strictly: a byte sequence that is not UTF-8
 * after the sniffed start stops the read with the encoding named, instead of storing U+FFFD in names.
 */
function decoder(encoding: CsvEncoding, file: string): Transform {
  const text = new TextDecoder(encoding, { fatal: encoding === 'utf-8', ignoreBOM: false });
  const fail = () =>
    new CsvFileError(
      `${file} is not valid UTF-8 past its first megabyte; if it is Windows-1252 (as GIAS extracts are), pass --encoding windows-1252`,
    );
  return new Transform({
    readableObjectMode: false,
    transform(chunk: Buffer, _encoding, done) {
      try {
        done(null, text.decode(chunk, { stream: true }));
      } catch {
        done(fail());
      }
    },
    flush(done) {
      try {
        done(null, text.decode());
      } catch {
        done(fail());
      }
    },
  });
}

export interface CsvRow {
  /** The line the row starts on, for messages a person can find in the file. */
  readonly line: number;
  readonly cells: string[];
}

export interface CsvStreamOptions {
  readonly encoding?: CsvEncodingOption;
  /** Called with the bytes read so far, for progress. */
  readonly onBytes?: (bytesRead: number) => void;
}

/**
 * A file's rows one at a time, in constant memory (RFC 4180: quoted fields may hold commas,
 * doubled quotes and line breaks). Rows of differing lengths are allowed: importers check columns.
 */
export async function* csvFileRows(file: string, options: CsvStreamOptions = {}): AsyncGenerator<CsvRow> {
  const encoding = encodingOf(file, options.encoding);
  const source = fs.createReadStream(file, { highWaterMark: 1 << 20 });
  if (options.onBytes) source.on('data', () => options.onBytes?.(source.bytesRead));
  yield* csvStreamRows(source.pipe(decoder(encoding, file)));
}

/** Rows from text already decoded (a stream of strings). */
export async function* csvStreamRows(input: Readable): AsyncGenerator<CsvRow> {
  const parser = input.pipe(
    parse({ bom: true, relax_column_count: true, relax_quotes: true, info: true, skip_empty_lines: true }),
  );
  for await (const record of parser as AsyncIterable<{ record: string[]; info: { lines: number; records: number } }>) {
    yield { line: record.info.lines - countLineBreaks(record.record), cells: record.record };
  }
}

// csv-parse reports the line a record ends on; a quoted field may have spanned several.
function countLineBreaks(cells: readonly string[]): number {
  let breaks = 0;
  for (const cell of cells) for (let i = cell.indexOf('\n'); i >= 0; i = cell.indexOf('\n', i + 1)) breaks++;
  return breaks;
}

/**
 * A small file (reference data) read whole into records keyed by its header, with every named
 * column required and values trimmed. Blank lines are skipped.
 */
export function readCsvRecords<C extends string>(
  file: string,
  required: readonly C[],
  optional: readonly string[] = [],
): Array<Record<C, string> & Record<string, string | undefined>> {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch {
    throw new CsvFileError(`reference data file ${file} cannot be read (set REFERENCE_DATA_DIR)`);
  }
  const text = new TextDecoder(detectEncoding(bytes, file)).decode(bytes);
  let rows: string[][];
  try {
    rows = parseSync(text, { bom: true, skip_empty_lines: true, relax_column_count: true, trim: true });
  } catch (error) {
    throw new CsvFileError(`${file} is not a CSV file: ${error instanceof Error ? error.message : String(error)}`);
  }
  const [header, ...records] = rows;
  if (!header) throw new CsvFileError(`${file} is empty`);
  const index = new Map(header.map((name, i) => [name, i]));
  for (const column of required) if (!index.has(column)) throw new CsvFileError(`${file} has no column ${column}`);
  const columns = [...required, ...optional.filter((column) => index.has(column))];
  return records
    .filter((cells) => cells.some((cell) => cell !== ''))
    .map(
      (cells) =>
        Object.fromEntries(columns.map((column) => [column, cells[index.get(column) ?? -1] ?? ''])) as Record<
          C,
          string
        >,
    );
}
