import type { Readable } from 'node:stream';

type State = 'unquoted' | 'quoted' | 'quoteInQuoted';

/**
 * RFC 4180 rows from a stream, one at a time, so a file of any size is read in constant memory:
 * quoted fields may hold commas, doubled quotes and line breaks. Each row comes with the line on
 * which it starts, for messages a person can find in the file.
 */
export async function* csvRows(input: Readable): AsyncGenerator<{ line: number; cells: string[] }> {
  let row: string[] = [];
  let field = '';
  let state: State = 'unquoted';
  let skipLf = false;
  let line = 1;
  let rowLine = 1;
  const endField = () => {
    row.push(field);
    field = '';
  };
  for await (const chunk of input) {
    const text = typeof chunk === 'string' ? chunk : (chunk as Buffer).toString('utf8');
    for (const char of text) {
      if (skipLf) {
        skipLf = false;
        if (char === '\n') continue;
      }
      if (state === 'quoted') {
        if (char === '"') state = 'quoteInQuoted';
        else {
          if (char === '\n') line += 1;
          field += char;
        }
        continue;
      }
      if (state === 'quoteInQuoted') {
        state = 'unquoted';
        if (char === '"') {
          field += '"';
          state = 'quoted';
          continue;
        }
      }
      if (char === '"' && field === '') state = 'quoted';
      else if (char === ',') endField();
      else if (char === '\n' || char === '\r') {
        endField();
        yield { line: rowLine, cells: row };
        row = [];
        line += 1;
        rowLine = line;
        skipLf = char === '\r';
      } else field += char;
    }
  }
  if (field !== '' || row.length > 0 || state !== 'unquoted') {
    endField();
    yield { line: rowLine, cells: row };
  }
}
