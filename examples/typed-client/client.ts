import { createHash } from 'node:crypto';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { Kind, print } from 'graphql';
import {
  PartnershipWhatIsDueDocument,
  ViewerDocument,
  type PartnershipWhatIsDueQuery,
} from './generated/portal/graphql';

/**
 * A typed client in a few lines: the documents and their result types come from
 * `npm run codegen` (GraphQL Code Generator's client preset over examples/operations), so a
 * field the schema no longer has, or a variable of the wrong type, fails the build, not the call.
 */
export interface GraphClientOptions {
  /** The gateway's GraphQL endpoint, e.g. http://localhost:4000/graphql. */
  readonly url: string;
  /** The caller's bearer token from the identity provider; none for anonymous reads. */
  readonly token?: string;
  /**
   * Send each operation by its sha256 only, as a gateway with trusted documents expects
   * (the manifest from `npm run trusted-documents` holds the same printed text).
   */
  readonly byHash?: boolean;
}

export interface GraphErrorEntry {
  readonly message: string;
  readonly path?: readonly (string | number)[];
  readonly extensions?: { readonly code?: string };
}

/** The graph answered with errors; `codes` are its stable `extensions.code` values. */
export class GraphError extends Error {
  override name = 'GraphError';
  constructor(readonly errors: readonly GraphErrorEntry[]) {
    super(errors.map((error) => error.message).join('; '));
  }

  get codes(): string[] {
    return this.errors.map((error) => error.extensions?.code ?? 'UNKNOWN');
  }
}

type VariablesArgument<TVariables> =
  Record<string, never> extends TVariables ? [variables?: TVariables] : [variables: TVariables];

export type GraphClient = <TResult, TVariables>(
  document: TypedDocumentNode<TResult, TVariables>,
  ...variables: VariablesArgument<TVariables>
) => Promise<TResult>;

export function createGraphClient(options: GraphClientOptions): GraphClient {
  // Printed once per document: the hash of this text is what a trusted-documents manifest holds.
  const printed = new WeakMap<object, { text: string; hash: string; operationName: string | undefined }>();
  const printOf = (document: TypedDocumentNode<unknown, unknown>) => {
    let seen = printed.get(document);
    if (!seen) {
      const text = print(document);
      const operation = document.definitions.find((definition) => definition.kind === Kind.OPERATION_DEFINITION);
      seen = { text, hash: createHash('sha256').update(text).digest('hex'), operationName: operation?.name?.value };
      printed.set(document, seen);
    }
    return seen;
  };
  return async (document, ...[variables]) => {
    const { text, hash, operationName } = printOf(document as TypedDocumentNode<unknown, unknown>);
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (options.token) headers['authorization'] = `Bearer ${options.token}`;
    const body = options.byHash
      ? { documentId: `sha256:${hash}`, operationName, variables }
      : { query: text, operationName, variables };
    const response = await fetch(options.url, { method: 'POST', headers, body: JSON.stringify(body) });
    const answer = (await response.json()) as { data?: unknown; errors?: GraphErrorEntry[] };
    if (answer.errors?.length) throw new GraphError(answer.errors);
    if (!response.ok || answer.data === undefined || answer.data === null) {
      throw new GraphError([{ message: `the graph answered HTTP ${response.status} without data` }]);
    }
    // The schema, through the generated types, vouches for the shape of `data`.
    return answer.data as never;
  };
}

export type Obligation = NonNullable<
  NonNullable<PartnershipWhatIsDueQuery['partnership']>['whatIsDue']
>['nodes'][number];

/**
 * The portal's first screen: who am I, which partnerships, and everything each owes, page by
 * page (the graph bounds every page; `pageInfo` says when there is another).
 */
export async function whatIsDueForMe(
  client: GraphClient,
): Promise<{ subject: string; partnerships: { id: string; name: string; obligations: Obligation[] }[] }> {
  const { viewer } = await client(ViewerDocument);
  if (!viewer)
    throw new GraphError([
      { message: 'signed out: the graph does not know this caller', extensions: { code: 'UNAUTHENTICATED' } },
    ]);
  const partnerships = [];
  // Null only while the partnerships service is down, an answer with errors the client has already thrown for.
  for (const partnership of viewer.partnerships ?? []) {
    const obligations: Obligation[] = [];
    let after: string | null | undefined;
    do {
      const page = await client(PartnershipWhatIsDueDocument, { id: partnership.id, first: 25, after });
      const due = page.partnership?.whatIsDue;
      if (!due) break;
      obligations.push(...due.nodes);
      after = due.pageInfo.hasNextPage ? due.pageInfo.endCursor : null;
    } while (after);
    partnerships.push({ id: partnership.id, name: partnership.name, obligations });
  }
  return { subject: viewer.subject, partnerships };
}
