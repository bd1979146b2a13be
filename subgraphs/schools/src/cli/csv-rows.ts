import type { Readable } from 'node:stream';

/**
 * RFC 4180 rows from a stream, one at a time, so a file of any size is read in constant memory:
 * quoted fields may hold commas, doubled quotes and line breaks. Scans with indexOf and slices
 * rather than adding a character at a time, because a national GIAS file is 50,000 wide rows.
 * Each row comes with the line on which it starts, for messages a person can find in the file.
 */
export async function* csvRows(input: Readable): AsyncGenerator<{ line: number; cells: string[] }> {
  let buffer = '';
  let line = 1;
  for await (const chunk of input) {
    buffer += typeof chunk === 'string' ? chunk : (chunk as Buffer).toString('utf8');
    let start = 0;
    for (;;) {
      const parsed = parseRow(buffer, start, false);
      if (!parsed) break;
      yield { line, cells: parsed.cells };
      line += parsed.lines;
      start = parsed.next;
    }
    buffer = buffer.slice(start);
  }
  if (buffer.length > 0) {
    const parsed = parseRow(buffer, 0, true);
    if (parsed) yield { line, cells: parsed.cells };
  }
}

/** One row from `start`, or null when the buffer ends before the row does (unless at the end of input). */
function parseRow(text: string, start: number, atEnd: boolean): { cells: string[]; next: number; lines: number } | null {
  const cells: string[] = [];
  let i = start;
  let lines = 1;
  for (;;) {
    if (i < text.length && text.charCodeAt(i) === 34 /* " */) {
      let field = '';
      let from = i + 1;
      for (;;) {
        const quote = text.indexOf('"', from);
        if (quote < 0) {
          if (!atEnd) return null;
          field += text.slice(from);
          i = text.length;
          break;
        }
        field += text.slice(from, quote);
        if (text.charCodeAt(quote + 1) === 34) {
          field += '"';
          from = quote + 2;
          continue;
        }
        if (quote + 1 >= text.length && !atEnd) return null;
        i = quote + 1;
        break;
      }
      for (const char of field) if (char === '\n') lines += 1;
      // Anything between the closing quote and the separator is kept, as lenient readers do.
      let end = i;
      while (end < text.length && text[end] !== ',' && text[end] !== '\n' && text[end] !== '\r') end++;
      if (end >= text.length && !atEnd) return null;
      cells.push(field + text.slice(i, end));
      i = end;
    } else {
      let end = i;
      while (end < text.length) {
        const code = text.charCodeAt(end);
        if (code === 44 || code === 10 || code === 13) break;
        end++;
      }
      if (end >= text.length && !atEnd) return null;
      cells.push(text.slice(i, end));
      i = end;
    }
    if (i >= text.length) return { cells, next: i, lines };
    const separator = text.charCodeAt(i);
    if (separator === 44) {
      i++;
      continue;
    }
    // End of row: \n, \r\n or \r; a lone \r at the buffer's end may still be followed by \n.
    if (separator === 13) {
      if (i + 1 >= text.length && !atEnd) return null;
      return { cells, next: text.charCodeAt(i + 1) === 10 ? i + 2 : i + 1, lines };
    }
    return { cells, next: i + 1, lines };
  }
}
