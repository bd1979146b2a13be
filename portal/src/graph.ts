import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { Kind, print } from 'graphql';

/**
 * One GraphQL request to the gateway with the caller's bearer token. The document is one the
 * codegen made from `src/operations/` (`npm run codegen`), so its variables and its answer are
 * typed by the schema; the text sent is graphql-js's print of it, the same text (and sha256) the
 * trusted-documents manifest registers, so a gateway that takes registered operations only takes it.
 */
export interface GraphError {
  readonly message: string;
  readonly path?: readonly (string | number)[];
  readonly extensions?: { readonly code?: string };
}

export interface GraphAnswer<T> {
  readonly data: T | null;
  /** Errors the graph gave alongside what it could answer (a field the caller may not read, say). */
  readonly errors: readonly GraphError[];
}

export class GraphRequestError extends Error {
  override name = 'GraphRequestError';
  constructor(
    message: string,
    readonly code: string | undefined,
  ) {
    super(message);
  }
}

interface Printed {
  readonly text: string;
  readonly operationName: string | undefined;
}

// Printed once per document, not once per request.
const printed = new WeakMap<object, Printed>();

function printOf(document: TypedDocumentNode<unknown, unknown>): Printed {
  let seen = printed.get(document);
  if (!seen) {
    seen = { text: print(document), operationName: operationName(document) };
    printed.set(document, seen);
  }
  return seen;
}

/** The operation's name: every portal operation has one, unique among them (codegen insists). */
export function operationName(document: TypedDocumentNode<unknown, never>): string | undefined {
  const operation = document.definitions.find((definition) => definition.kind === Kind.OPERATION_DEFINITION);
  return operation?.name?.value;
}

export async function graphql<TResult, TVariables>(
  gatewayUrl: string,
  token: string,
  document: TypedDocumentNode<TResult, TVariables>,
  variables: TVariables,
): Promise<GraphAnswer<TResult>> {
  const { text, operationName } = printOf(document as TypedDocumentNode<unknown, unknown>);
  const response = await fetch(gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: text, operationName, variables }),
  });
  const body = (await response.json().catch(() => null)) as {
    data?: TResult | null;
    errors?: GraphError[];
  } | null;
  if (!body) throw new GraphRequestError(`The graph answered HTTP ${response.status}`, undefined);
  const [first] = body.errors ?? [];
  if (!body.data && first) throw new GraphRequestError(first.message, first.extensions?.code);
  return { data: body.data ?? null, errors: body.errors ?? [] };
}

/** A connection as the pages read it: a page of nodes and where the page ends. */
export interface Connection<T> {
  readonly nodes: readonly T[];
  readonly pageInfo: { readonly endCursor: string | null; readonly hasNextPage: boolean };
}

/**
 * Every node of a connection, read a bounded page at a time to its end: for what the page must
 * see whole (a chart over all open obligations, the open disagreements among all).
 */
export async function allPages<TResult, TVariables extends { after?: string | null | undefined }, T>(
  gatewayUrl: string,
  token: string,
  document: TypedDocumentNode<TResult, TVariables>,
  variables: NoInfer<Omit<TVariables, 'after'>>,
  connectionOf: (data: TResult) => Connection<T> | null | undefined,
): Promise<GraphAnswer<T[]>> {
  const nodes: T[] = [];
  const errors: GraphError[] = [];
  let after: string | null = null;
  for (;;) {
    const answer: GraphAnswer<TResult> = await graphql(gatewayUrl, token, document, {
      ...variables,
      after,
    } as TVariables);
    errors.push(...answer.errors);
    const connection: Connection<T> | null | undefined = answer.data ? connectionOf(answer.data) : null;
    // The caller may not read the list: it is absent, not empty.
    if (!connection) return { data: nodes.length > 0 ? nodes : null, errors };
    nodes.push(...connection.nodes);
    if (!connection.pageInfo.hasNextPage || !connection.pageInfo.endCursor) return { data: nodes, errors };
    after = connection.pageInfo.endCursor;
  }
}
