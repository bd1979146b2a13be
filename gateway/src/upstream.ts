import { Kind, parse, type DocumentNode, type GraphQLFormattedError, type SelectionNode } from 'graphql';
import { Agent, fetch as undiciFetch } from 'undici';
import { ErrorCode, subgraphNames } from '@safeguarding/shared';

export interface UpstreamOptions {
  /** How long one subgraph request may take, connection to last byte. */
  readonly timeoutMs: number;
  /**
   * How long an idle socket to a subgraph is kept. Shorter than the subgraphs' own idle timeout
   * (65 s), so this side always closes first and never writes on a socket the subgraph is closing.
   */
  readonly keepAliveMs: number;
  /** Consecutive connection failures or timeouts after which the circuit opens. */
  readonly failuresToOpen: number;
  /** How long an open circuit fails fast before letting one request try the subgraph again. */
  readonly openMs: number;
}

export const defaultUpstreamOptions: UpstreamOptions = {
  timeoutMs: 10_000,
  keepAliveMs: 30_000,
  failuresToOpen: 3,
  openMs: 5_000,
};

/** Why a subgraph gave no answer; never its address, which is internal. */
export type Unavailability = 'unreachable' | 'timeout' | 'circuit-open';

export class SubgraphUnavailableError extends Error {
  override name = 'SubgraphUnavailableError';
  constructor(readonly reason: Unavailability) {
    super(reason);
  }
}

export type CircuitState = 'closed' | 'open' | 'half_open';

/**
 * Opens after `failuresToOpen` consecutive failures; while open every request fails at once rather
 * than waiting a timeout each, and after `openMs` one request is let through to probe.
 */
export class Circuit {
  private failures = 0;
  private openUntil = 0;
  private probing = false;

  constructor(
    private readonly options: Pick<UpstreamOptions, 'failuresToOpen' | 'openMs'>,
    private readonly now: () => number = Date.now,
  ) {}

  /** False while the circuit is open; true for the one probe once it may close again. */
  allow(): boolean {
    if (this.failures < this.options.failuresToOpen) return true;
    if (this.now() < this.openUntil || this.probing) return false;
    this.probing = true;
    return true;
  }

  /** For the metrics: `half_open` once the open period is over, until the probe answers. */
  get state(): CircuitState {
    if (this.failures < this.options.failuresToOpen) return 'closed';
    return this.now() < this.openUntil && !this.probing ? 'open' : 'half_open';
  }

  succeeded(): void {
    this.failures = 0;
    this.probing = false;
  }

  failed(): void {
    this.failures += 1;
    this.probing = false;
    if (this.failures >= this.options.failuresToOpen) this.openUntil = this.now() + this.options.openMs;
  }
}

const connectionFailures = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
]);

/** A failure before any answer arrived: the request may never have reached the subgraph. */
// Judged by shape, not `instanceof`: the errors come from Node's own realm, not always the caller's.
function isConnectionFailure(error: unknown): boolean {
  for (
    let current: unknown = error, depth = 0;
    typeof current === 'object' && current !== null && depth < 4;
    current = (current as { cause?: unknown }).cause, depth += 1
  ) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && connectionFailures.has(code)) return true;
  }
  return false;
}

export function isTimeout(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { name, code } = error as { name?: unknown; code?: unknown };
  return name === 'TimeoutError' || name === 'AbortError' || code === 'UND_ERR_HEADERS_TIMEOUT';
}

export type Fetcher = ((
  url: string,
  init: { method?: string; headers?: Record<string, string>; body?: string },
) => Promise<unknown>) & {
  /** Closes the kept-alive sockets, once the gateway has stopped sending. */
  close(): Promise<void>;
  readonly circuit: Circuit;
};

/**
 * The fetch every request to one subgraph goes through: bounded in time, retried once when the
 * connection failed and the operation is a read (a query changes nothing, so sending it twice is
 * safe; a mutation is never resent), and refused at once while the circuit is open.
 */
export function createUpstreamFetcher(options: UpstreamOptions, circuit: Circuit): Fetcher {
  const dispatcher = new Agent({ keepAliveTimeout: options.keepAliveMs, keepAliveMaxTimeout: options.keepAliveMs });
  const fetcher = async (url: string, init: Parameters<Fetcher>[1]): Promise<unknown> => {
    if (!circuit.allow()) throw new SubgraphUnavailableError('circuit-open');
    const body = init.body ?? '';
    const read = !/"query":"\s*mutation\b/.test(body);
    const signal = AbortSignal.timeout(options.timeoutMs);
    for (let attempt = 0; ; attempt += 1) {
      try {
        const response = await undiciFetch(url, { ...init, dispatcher, signal });
        circuit.succeeded();
        return response;
      } catch (error) {
        if (isConnectionFailure(error) && read && attempt === 0 && !signal.aborted) continue;
        if (isConnectionFailure(error) || isTimeout(error)) {
          circuit.failed();
          throw new SubgraphUnavailableError(isTimeout(error) ? 'timeout' : 'unreachable');
        }
        throw error;
      }
    }
  };
  return Object.assign(fetcher, { close: () => dispatcher.close(), circuit });
}

const maxErrors = 100;

const messages: Record<Unavailability, (service: string, timeoutMs: number) => string> = {
  unreachable: (service) => `The ${service} service could not be reached; try again shortly`,
  timeout: (service, timeoutMs) => `The ${service} service did not answer within ${timeoutMs} ms; try again shortly`,
  'circuit-open': (service) => `The ${service} service is unavailable; try again shortly`,
};

/**
 * The errors a subgraph would have returned had it answered that it was down, one per field it was
 * asked for: the gateway then places each at its path in the client's response (root fields by
 * name, entities by their index), so only that subgraph's fields are lost.
 */
export function unavailableResponse(
  service: string,
  reason: Unavailability,
  timeoutMs: number,
  request: SubgraphRequest,
): { data: null; errors: GraphQLFormattedError[] } {
  return errorsAtFields(
    messages[reason](service, timeoutMs),
    { code: ErrorCode.SERVICE_UNAVAILABLE, retryable: true, reason },
    request,
  );
}

/**
 * A subgraph refused the gateway's request as too large (HTTP 413, past INTERNAL_BODY_LIMIT_BYTES):
 * its fields fail with PAYLOAD_TOO_LARGE at their paths, as for an outage, and the caller learns to
 * ask for smaller pages rather than meeting an internal error.
 */
export function tooLargeResponse(
  service: string,
  request: SubgraphRequest,
): { data: null; errors: GraphQLFormattedError[] } {
  return errorsAtFields(
    `The request for these fields was larger than the ${service} service accepts; ask for smaller pages (a smaller first)`,
    { code: ErrorCode.PAYLOAD_TOO_LARGE, retryable: false },
    request,
  );
}

type SubgraphRequest = { query?: string | undefined; variables?: Record<string, unknown> | undefined };

function errorsAtFields(
  message: string,
  extensions: Record<string, unknown>,
  request: SubgraphRequest,
): { data: null; errors: GraphQLFormattedError[] } {
  const representations = request.variables?.['representations'];
  const parsed = parseQuietly(request.query);
  const paths: Array<Array<string | number>> = Array.isArray(representations)
    ? representations.flatMap((_, index) => entityFields(parsed).map((key) => ['_entities', index, key]))
    : rootFields(parsed).map((key) => [key]);
  // An entity fetch without fields to name still names the entity: the path then ends at its index.
  const fallback = Array.isArray(representations) ? representations.map((_, index) => ['_entities', index]) : [[]];
  // Bounded like every list we return: a page of entities yields at most this many errors.
  return {
    data: null,
    errors: (paths.length > 0 ? paths : fallback)
      .slice(0, maxErrors)
      .map((path) => ({ message, ...(path.length ? { path } : {}), extensions })),
  };
}

function rootSelections(document: DocumentNode | undefined): readonly SelectionNode[] {
  const operation = document?.definitions.find((definition) => definition.kind === Kind.OPERATION_DEFINITION);
  return operation?.kind === Kind.OPERATION_DEFINITION ? operation.selectionSet.selections : [];
}

function fieldKeys(selections: readonly SelectionNode[]): string[] {
  return selections.flatMap((selection) =>
    selection.kind === Kind.FIELD && selection.name.value !== '__typename'
      ? [selection.alias?.value ?? selection.name.value]
      : [],
  );
}

function rootFields(document: DocumentNode | undefined): string[] {
  return fieldKeys(rootSelections(document));
}

/** The fields asked of each entity: `_entities(...) { ... on Type { these } }`. */
function entityFields(document: DocumentNode | undefined): string[] {
  const entities = rootSelections(document).find(
    (selection) => selection.kind === Kind.FIELD && selection.name.value === '_entities',
  );
  if (entities?.kind !== Kind.FIELD || !entities.selectionSet) return [];
  const keys = entities.selectionSet.selections.flatMap((selection) =>
    selection.kind === Kind.INLINE_FRAGMENT ? fieldKeys(selection.selectionSet.selections) : fieldKeys([selection]),
  );
  return [...new Set(keys)];
}

// Only on the failure path: the fetch hands over the body as sent, not the planner's document.
function parseQuietly(query: string | undefined): DocumentNode | undefined {
  try {
    return query ? parse(query) : undefined;
  } catch {
    return undefined;
  }
}

/** The gateway is ready when every subgraph answers its own /ready. */
export async function allSubgraphsReady(urls: string[]): Promise<boolean> {
  if (urls.length !== subgraphNames.length) return false;
  const answers = await Promise.all(
    urls.map(async (url) => {
      try {
        const response = await fetch(url.replace(/\/graphql$/, '/ready'), { signal: AbortSignal.timeout(2000) });
        return response.ok;
      } catch {
        return false;
      }
    }),
  );
  return answers.every(Boolean);
}
