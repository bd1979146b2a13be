/** One GraphQL request to the gateway with the caller's bearer token. */
export interface GraphError {
  readonly message: string;
  readonly path?: ReadonlyArray<string | number>;
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

export async function graphql<T>(
  gatewayUrl: string,
  token: string,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<GraphAnswer<T>> {
  const response = await fetch(gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json().catch(() => null)) as { data?: T | null; errors?: GraphError[] } | null;
  if (!body) throw new GraphRequestError(`The graph answered HTTP ${response.status}`, undefined);
  const [first] = body.errors ?? [];
  if (!body.data && first) throw new GraphRequestError(first.message, first.extensions?.code);
  return { data: body.data ?? null, errors: body.errors ?? [] };
}
