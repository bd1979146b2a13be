import { ArgsType, Directive, Field, Int, ObjectType, type ClassType } from 'type-graphql';
import {
  Brackets,
  type EntityManager,
  type EntityTarget,
  type FindOptionsWhere,
  type ObjectLiteral,
  type SelectQueryBuilder,
} from 'typeorm';
import { BadUserInputError } from './errors';
import type { LoaderRegistry } from './loaders';

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
export function pageOf<T>(
  rows: readonly T[],
  first: number,
  list: string,
  keyOf: (row: T) => readonly string[],
): Page<T> {
  const nodes = rows.slice(0, first);
  const last = nodes[nodes.length - 1];
  return { nodes, endCursor: last ? encodeCursor(list, keyOf(last)) : null, hasNextPage: rows.length > first };
}

/** The arguments of every connection: `first` defaults to 50 and may be at most 100. */
@ArgsType()
export class PageArgs {
  @Field(() => Int, { defaultValue: defaultPageSize, description: `How many to return, 1 to ${maxPageSize}` })
  first!: number;

  @Field(() => String, { nullable: true, description: 'The endCursor of the previous page' })
  after?: string | null;
}

@ObjectType({ description: 'Where a page ends: give endCursor as `after` to read the next page' })
@Directive('@shareable')
export class PageInfo {
  @Field(() => String, { nullable: true })
  endCursor!: string | null;

  @Field()
  hasNextPage!: boolean;
}

export interface Connection<T> {
  nodes: T[];
  pageInfo: PageInfo;
  readonly totalCount: Promise<number>;
}

export type ConnectionClass<T> = new () => Connection<T> & { count: () => Promise<number> };

/**
 * A `<Node>Connection` type: the page's nodes, where it ends and, counted only when selected (a
 * getter, so a page costs the same whatever the total), how many there are over all pages.
 */
export function connectionOf<T extends object>(
  node: () => ClassType,
  name: string,
  description: string,
  // Nodes that are another subgraph's entities: nullable, so that subgraph's outage costs only its own fields.
  options: { readonly nullableNodes?: boolean } = {},
): ConnectionClass<T> {
  @ObjectType(`${name}Connection`, { description })
  class NodeConnection {
    count!: () => Promise<number>;

    @Field(() => [node()], { description: "This page, in the list's order", nullable: options.nullableNodes ?? false })
    nodes!: T[];

    @Field(() => PageInfo)
    pageInfo!: PageInfo;

    @Field(() => Int, { description: 'How many over all pages (counted only when asked for)' })
    get totalCount(): Promise<number> {
      return this.count();
    }
  }
  return NodeConnection;
}

/** Builds a connection's answer from a page and a count to run only if totalCount is selected. */
export function connection<T>(type: ConnectionClass<T>, page: Page<T>, count: () => Promise<number>): Connection<T> {
  return Object.assign(new type(), {
    nodes: page.nodes,
    pageInfo: Object.assign(new PageInfo(), { endCursor: page.endCursor, hasNextPage: page.hasNextPage }),
    count,
  });
}

/**
 * One column of a list's order. The last key of an order must be unique (an id), so the order is
 * total and a keyset cursor never skips or repeats a row. `column` is a query-builder expression
 * (`alias.property`), `value` reads the same value from a row, as a string for the cursor.
 */
export interface SortKey<T> {
  readonly column: string;
  readonly descending?: boolean;
  readonly value: (row: T) => string;
}

export interface PageRequest {
  readonly first: number;
  readonly after: string[] | null;
}

/** Validates `first` and decodes `after` against the list's order. */
export function pageRequest(
  list: string,
  args: { first?: number | null; after?: string | null },
  order: readonly SortKey<never>[],
  max = maxPageSize,
): PageRequest {
  const first = pageSize(args.first, max);
  return { first, after: args.after ? decodeCursor(list, args.after, order.length) : null };
}

/** Only the rows after the cursor's key, in the order's directions: (a > x) OR (a = x AND b > y) … */
export function whereAfter<E extends ObjectLiteral>(
  query: SelectQueryBuilder<E>,
  order: readonly SortKey<never>[],
  after: readonly string[] | null,
): SelectQueryBuilder<E> {
  if (!after) return query;
  const params: Record<string, string> = {};
  const clauses = order.map((key, i) => {
    const equal = order.slice(0, i).map((earlier, j) => `${earlier.column} = :after${j}`);
    return `(${[...equal, `${key.column} ${key.descending ? '<' : '>'} :after${i}`].join(' AND ')})`;
  });
  after.forEach((value, i) => (params[`after${i}`] = value));
  return query.andWhere(`(${clauses.join(' OR ')})`, params);
}

export function orderBySortKeys<E extends ObjectLiteral>(
  query: SelectQueryBuilder<E>,
  order: readonly SortKey<never>[],
): SelectQueryBuilder<E> {
  order.forEach((key, i) =>
    i === 0
      ? query.orderBy(key.column, key.descending ? 'DESC' : 'ASC')
      : query.addOrderBy(key.column, key.descending ? 'DESC' : 'ASC'),
  );
  return query;
}

/** A root list's page: keyset after the cursor, in order, `first + 1` rows, in one statement. */
export async function rootPage<E extends ObjectLiteral>(
  query: SelectQueryBuilder<E>,
  list: string,
  request: PageRequest,
  order: readonly SortKey<E>[],
): Promise<Page<E>> {
  const rows = await orderBySortKeys(whereAfter(query, order, request.after), order)
    .take(request.first + 1)
    .getMany();
  return pageOf(rows, request.first, list, (row) => order.map((key) => key.value(row)));
}

/**
 * The first `limit` rows of each parent, after the cursor's key, for every parent in one
 * statement: the filtered rows are ranked per parent (ROW_NUMBER() OVER (PARTITION BY parent
 * ORDER BY the list's order), on MySQL/MariaDB 10.2+ and SQLite 3.25+) and only the first `limit`
 * of each are read, so a page costs the same whatever the parent's total. `query` must already
 * filter to the parents asked for (`parents` of them); `id` is its root's unique column. One parent
 * (the usual case: one partnership's page) needs no ranking: ORDER BY the list's order LIMIT `limit`
 * reads only the page's rows from an index on (parent, order).
 */
export function firstPerParent<E extends ObjectLiteral>(
  query: SelectQueryBuilder<E>,
  spec: {
    readonly id: string | readonly [string, ...string[]];
    readonly parent: string;
    readonly parents: number;
    readonly order: readonly SortKey<never>[];
    readonly after: readonly string[] | null;
    readonly limit: number;
  },
): SelectQueryBuilder<E> {
  whereAfter(query, spec.order, spec.after);
  // limit, not take: the joins a list selects are many-to-one, so rows are not multiplied.
  if (spec.parents === 1) return orderBySortKeys(query, spec.order).limit(spec.limit);
  const orderSql = spec.order.map((key) => `${key.column} ${key.descending ? 'DESC' : 'ASC'}`).join(', ');
  // A table keyed by several columns (a school's closure day: urn and date) joins its ranking back on all of them.
  const ids = typeof spec.id === 'string' ? ([spec.id] as const) : spec.id;
  const [firstId, ...otherIds] = ids;
  const ranked = query.clone().select(firstId, 'ranked_id0');
  otherIds.forEach((id, i) => ranked.addSelect(id, `ranked_id${i + 1}`));
  ranked.addSelect(`ROW_NUMBER() OVER (PARTITION BY ${spec.parent} ORDER BY ${orderSql})`, 'ranked_n').orderBy();
  const joined = ids.map((id, i) => `ranked.ranked_id${i} = ${id}`).join(' AND ');
  query.innerJoin(`(${ranked.getQuery()})`, 'ranked', `${joined} AND ranked.ranked_n <= :rankedLimit`, {
    rankedLimit: spec.limit,
  });
  query.orderBy(spec.parent, 'ASC');
  spec.order.forEach((key) => query.addOrderBy(key.column, key.descending ? 'DESC' : 'ASC'));
  return query;
}

/** How many rows each parent has, in one statement (GROUP BY parent). */
export async function countPerParent<E extends ObjectLiteral>(
  query: SelectQueryBuilder<E>,
  parent: string,
): Promise<Map<string, number>> {
  const rows = await query
    .clone()
    .select(parent, 'parent')
    .addSelect('COUNT(*)', 'n')
    .orderBy()
    .groupBy(parent)
    .getRawMany<{ parent: string | number; n: number | string }>();
  return new Map(rows.map((row) => [String(row.parent), Number(row.n)]));
}

export interface NestedPageSpec<T> {
  /** Names the list in cursors and loaders, e.g. `Partnership.schools`. */
  readonly list: string;
  readonly loaders: LoaderRegistry;
  readonly parent: string;
  readonly args: { first?: number | null; after?: string | null };
  readonly order: readonly SortKey<T>[];
  /** Filters beyond paging that change the rows (they key the loader, with the page request). */
  readonly variant?: unknown;
  readonly max?: number;
  readonly parentOf: (row: T) => string;
  /** The first `limit` rows per parent after the key, for all the parents in one statement. */
  readonly rows: (parents: readonly string[], after: readonly string[] | null, limit: number) => Promise<T[]>;
  /** The number of rows per parent, for all the parents in one statement. */
  readonly count: (parents: readonly string[]) => Promise<Map<string, number>>;
  /** Called once per batch with the rows the pages answer (not the look-ahead row): for the audit. */
  readonly seen?: (rows: T[]) => Promise<void>;
}

/**
 * A nested list's page. Every parent asked for with the same arguments in one subgraph fetch
 * shares one statement for the pages and, if totalCount is selected, one for the counts.
 */
export async function nestedPage<T>(spec: NestedPageSpec<T>): Promise<Page<T> & { count: () => Promise<number> }> {
  const request = pageRequest(spec.list, spec.args, spec.order, spec.max);
  const key = JSON.stringify([request.first, request.after, spec.variant ?? null]);
  const rows = await spec.loaders
    .get<string, T[]>(`${spec.list}:page:${key}`, async (parents) => {
      const found = await spec.rows(parents, request.after, request.first + 1);
      const groups = new Map<string, T[]>(parents.map((parent) => [parent, []]));
      for (const row of found) groups.get(spec.parentOf(row))?.push(row);
      const pages = parents.map((parent) => groups.get(parent) ?? []);
      if (spec.seen) await spec.seen(pages.flatMap((rows) => rows.slice(0, request.first)));
      return pages;
    })
    .load(spec.parent);
  const page = pageOf(rows, request.first, spec.list, (row) => spec.order.map((k) => k.value(row)));
  const count = () =>
    spec.loaders
      .get<string, number>(`${spec.list}:count:${JSON.stringify(spec.variant ?? null)}`, async (parents) => {
        const counts = await spec.count(parents);
        return parents.map((parent) => counts.get(parent) ?? 0);
      })
      .load(spec.parent);
  return { ...page, count };
}

/**
 * A page of a list held in memory already (reference data, a record's own few children): the same
 * cursor and bounds as a list read from SQL, so a client pages every list the same way.
 */
export function pageInMemory<T>(
  list: string,
  all: readonly T[],
  args: { first?: number | null; after?: string | null },
  order: readonly SortKey<T>[],
): Page<T> & { count: () => Promise<number> } {
  const request = pageRequest(list, args, order);
  const key = (row: T) => order.map((k) => k.value(row));
  const compare = (a: readonly string[], b: readonly string[]): number => {
    for (let i = 0; i < order.length; i++) {
      const x = a[i] ?? '';
      const y = b[i] ?? '';
      const c = x < y ? -1 : x > y ? 1 : 0;
      if (c !== 0) return order[i]?.descending ? -c : c;
    }
    return 0;
  };
  const sorted = [...all].sort((a, b) => compare(key(a), key(b)));
  const after = request.after;
  const rest = after ? sorted.filter((row) => compare(key(row), after) > 0) : sorted;
  return {
    ...pageOf(rest.slice(0, request.first + 1), request.first, list, key),
    count: () => Promise.resolve(all.length),
  };
}

/**
 * A query over `entity` limited to the clauses a caller may see (a repository's `visible`, OR-ed
 * and bracketed so further conditions AND with all of them); null when there is nothing to see.
 */
export function queryOfClauses<E extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<E>,
  alias: string,
  clauses: readonly FindOptionsWhere<E>[],
): SelectQueryBuilder<E> | null {
  if (clauses.length === 0) return null;
  return manager.createQueryBuilder(entity, alias).where(new Brackets((inner) => inner.where([...clauses])));
}

const emptyPage: Page<never> = { nodes: [], endCursor: null, hasNextPage: false };

/** A root list's page over what the caller may see (the clauses of a repository's `visible`). */
export async function pageOfClauses<E extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<E>,
  alias: string,
  clauses: readonly FindOptionsWhere<E>[],
  list: string,
  request: PageRequest,
  order: readonly SortKey<E>[],
): Promise<Page<E>> {
  const query = queryOfClauses(manager, entity, alias, clauses);
  return query ? rootPage(query, list, request, order) : emptyPage;
}

export async function countOfClauses<E extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<E>,
  clauses: readonly FindOptionsWhere<E>[],
): Promise<number> {
  return clauses.length === 0 ? 0 : manager.count(entity, { where: [...clauses] });
}

/** Each parent's page over what the caller may see, for all the parents in one statement; the root's unique column is `<alias>.id`. */
export async function pagesOfClauses<E extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<E>,
  alias: string,
  clauses: readonly FindOptionsWhere<E>[],
  spec: {
    readonly parent: string;
    readonly parents: number;
    readonly order: readonly SortKey<E>[];
    readonly after: readonly string[] | null;
    readonly limit: number;
  },
): Promise<E[]> {
  const query = queryOfClauses(manager, entity, alias, clauses);
  return query ? firstPerParent(query, { id: `${alias}.id`, ...spec }).getMany() : [];
}

export async function countsOfClauses<E extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<E>,
  alias: string,
  clauses: readonly FindOptionsWhere<E>[],
  parent: string,
): Promise<Map<string, number>> {
  const query = queryOfClauses(manager, entity, alias, clauses);
  return query ? countPerParent(query, parent) : new Map();
}
