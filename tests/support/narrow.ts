import type { GraphQLFormattedError } from 'graphql';

/**
 * Narrowing for tests: each helper returns the value a test expects to be there, typed, and fails
 * naming what was missing when it is not, where a `!` would fail later with a TypeError.
 */

export interface GraphQLResponse<T = Record<string, unknown>> {
  data?: T | null;
  errors?: GraphQLFormattedError[];
}

/** The answer's data, for a test that expects some: fails naming the errors when there is none. */
export function dataOf<T>(response: GraphQLResponse<T>): T {
  if (response.data === undefined || response.data === null) {
    throw new Error(`expected data, got ${JSON.stringify(response.errors ?? null)}`);
  }
  return response.data;
}

/** The answer's errors, for a test that expects a refusal: fails when there are none. */
export function errorsOf(response: GraphQLResponse<unknown>): [GraphQLFormattedError, ...GraphQLFormattedError[]] {
  const [first, ...rest] = response.errors ?? [];
  if (!first) throw new Error(`expected errors, got data ${JSON.stringify(response.data ?? null)}`);
  return [first, ...rest];
}

/** The answer's first error (see errorsOf). */
export function firstError(response: GraphQLResponse<unknown>): GraphQLFormattedError {
  return errorsOf(response)[0];
}

/** A value the test expects to be there (a find, a lookup): fails naming what is missing when it is not. */
export function present<T>(value: T | null | undefined, what: string): T {
  if (value === undefined || value === null) throw new Error(`expected ${what}, got ${String(value)}`);
  return value;
}

/** An element of a list a test expects to hold it: fails naming the index when it does not. */
export function at<T>(list: readonly T[] | null | undefined, index: number): T {
  if (!list || index >= list.length) throw new Error(`expected an element at ${index} of ${list?.length ?? 'no'} list`);
  return list[index] as T;
}
