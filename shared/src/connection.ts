import { BadUserInputError } from './errors';

/**
 * Relay-style pages for every list: `first` bounded by one maximum the cost limit accepts, a cursor
 * that carries the sort key of the last row (keyset paging: a page costs the same whatever the
 * total), and `first + 1` rows read to tell whether another page follows.
 */
// 100, not more: the cost limit multiplies a page's selection by a literal `first`, and a page of
// 100 with a dozen fields and one nested object stays within the default MAX_COST of 5000.
export const maxPageSize = 100;
export const defaultPageSize = 50;

export function pageSize(first: number | null | undefined, max = maxPageSize): number {
  const size = first ?? defaultPageSize;
  if (!Number.isInteger(size) || size < 1) throw new BadUserInputError('first', 'must be at least 1');
  if (size > max) throw new BadUserInputError('first', `must be at most ${max}`);
  return size;
}

/** The sort key of a row, opaque to the client; `list` keeps a cursor from being used on another list. */
export function encodeCursor(list: string, key: readonly string[]): string {
  return Buffer.from(JSON.stringify([list, ...key])).toString('base64url');
}

export function decodeCursor(list: string, cursor: string, arity: number): string[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    parsed = null;
  }
  if (
    !Array.isArray(parsed) ||
    parsed.length !== arity + 1 ||
    parsed[0] !== list ||
    !parsed.every((part) => typeof part === 'string' && part.length <= 400)
  ) {
    throw new BadUserInputError('after', 'is not a cursor of this list (give the endCursor of the previous page)');
  }
  return parsed.slice(1) as string[];
}

export interface Page<T> {
  readonly nodes: T[];
  readonly endCursor: string | null;
  readonly hasNextPage: boolean;
}

/** Cuts a page from `first + 1` rows read in order. */
export function pageOf<T>(rows: readonly T[], first: number, list: string, keyOf: (row: T) => readonly string[]): Page<T> {
  const nodes = rows.slice(0, first);
  const last = nodes[nodes.length - 1];
  return { nodes, endCursor: last ? encodeCursor(list, keyOf(last)) : null, hasNextPage: rows.length > first };
}
