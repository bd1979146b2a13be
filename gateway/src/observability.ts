import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { getOperationAST, type DocumentNode } from 'graphql';
import {
  enterObservation,
  metricsHandler,
  nameOperation,
  noteErrorCode,
  observationOf,
  observeRequests,
  ServiceMetrics,
  startOutgoingCall,
  Tracing,
  type Identity,
  type Logger,
  type Observability,
  type RequestObservation,
  type SpanExporter,
} from '@safeguarding/shared';
import type express from 'express';
import { isTimeout, SubgraphUnavailableError, type CircuitState, type Fetcher } from './upstream';

/** How the gateway shows what it does: the same settings as a subgraph's (METRICS_TOKEN, OTEL_*). */
export interface GatewayObservabilityOptions {
  /** False: no metrics, span or access line at all; the benchmark's baseline for what they cost. */
  readonly enabled?: boolean | undefined;
  /** A scraper's bearer token for /metrics; unset, /metrics is open in development and not served in production. */
  readonly metricsToken?: string | undefined;
  /** An OTLP/HTTP collector; unset (and no exporter), no span is made. */
  readonly otlpEndpoint?: string | undefined;
  /** Tests: every span the gateway makes. */
  readonly spanExporter?: SpanExporter | undefined;
  readonly sampleRatio?: number | undefined;
}

/** What a subgraph fetch came to: `ok`, the HTTP status class, or why there was no answer. */
type FetchOutcome = 'ok' | '1xx' | '3xx' | '4xx' | '5xx' | 'timeout' | 'unreachable' | 'circuit_open' | 'error';

const circuitStates: readonly CircuitState[] = ['closed', 'open', 'half_open'];

/**
 * The gateway's metrics, spans and access log. Per client request it is what a subgraph has (the
 * same names, `service="gateway"`); per subgraph fetch it adds a count and a latency by subgraph
 * and outcome, a client span whose `traceparent` goes with the fetch, and each circuit's state.
 * Every label is a bounded set: subgraph names come from the supergraph, outcomes from the list above.
 */
export class GatewayObservability implements Observability {
  readonly metrics = new ServiceMetrics('gateway');
  readonly tracing: Tracing;
  readonly accessLog: Logger;
  readonly metricsAccess: Observability['metricsAccess'];
  private readonly circuits = new Map<string, Fetcher['circuit']>();
  private readonly fetches = this.metrics.counter(
    'safeguarding_gateway_subgraph_requests_total',
    'Requests the gateway sent to a subgraph, by subgraph and outcome (ok, HTTP status class, timeout, unreachable, circuit_open)',
    ['subgraph', 'outcome'],
  );
  private readonly fetchDuration = this.metrics.histogram(
    'safeguarding_gateway_subgraph_request_duration_seconds',
    "Time from sending a subgraph request to its answer's headers, or to its failure",
    ['subgraph', 'outcome'],
    [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  );

  constructor(options: GatewayObservabilityOptions, logger: Logger, production: boolean) {
    this.tracing = Tracing.create({
      service: 'gateway',
      endpoint: options.otlpEndpoint,
      exporter: options.spanExporter,
      sampleRatio: options.sampleRatio ?? 1,
    });
    this.accessLog = logger.child({ log: 'access', edge: 'gateway' });
    this.metricsAccess = options.metricsToken
      ? { kind: 'token', token: options.metricsToken }
      : production
        ? { kind: 'off' }
        : { kind: 'open' };
    this.metrics.gauge(
      'safeguarding_gateway_upstream_circuit_state',
      "Each subgraph's circuit: 1 for its state now (closed, open: failing fast, half_open: one probe allowed), 0 for the others",
      ['subgraph', 'state'],
      (gauge) => {
        for (const [subgraph, circuit] of this.circuits)
          for (const state of circuitStates) gauge.set({ subgraph, state }, circuit.state === state ? 1 : 0);
      },
    );
  }

  /** `/metrics`, under the same access rule as a subgraph's. */
  mount(app: express.Express): void {
    app.get('/metrics', metricsHandler(this));
  }

  /** First on /graphql: the request's timing, span and access line. */
  get observeRequests(): express.RequestHandler {
    return observeRequests(this);
  }

  /** Just before the GraphQL engine: its work (and its fetches) run inside the request's span. */
  get enterRequest(): express.RequestHandler {
    return enterObservation();
  }

  /**
   * One subgraph's fetcher, counted, timed and traced: the client span's `traceparent` goes with the
   * request, so the subgraph's spans (and its SQL's) join the client's trace.
   */
  observeFetcher(subgraph: string, fetcher: Fetcher): Fetcher {
    this.circuits.set(subgraph, fetcher.circuit);
    const observed = async (url: string, init: Parameters<Fetcher>[1]): Promise<unknown> => {
      const call = startOutgoingCall(`POST ${subgraph}`, {
        'http.request.method': init.method ?? 'POST',
        'safeguarding.subgraph': subgraph,
      });
      const started = process.hrtime.bigint();
      let outcome: FetchOutcome = 'error';
      try {
        const response = await fetcher(url, call ? withHeaders(init, call.headers) : init);
        const status = (response as { status?: unknown }).status;
        outcome = typeof status === 'number' ? statusOutcome(status) : 'ok';
        call?.end(typeof status === 'number' ? { status } : {});
        return response;
      } catch (error) {
        outcome =
          error instanceof SubgraphUnavailableError
            ? error.reason === 'circuit-open'
              ? 'circuit_open'
              : error.reason
            : isTimeout(error)
              ? 'timeout'
              : 'error';
        call?.end({ failure: outcome });
        throw error;
      } finally {
        this.fetches.inc({ subgraph, outcome });
        this.fetchDuration.observe({ subgraph, outcome }, Number(process.hrtime.bigint() - started) / 1e9);
      }
    };
    return Object.assign(observed, { close: () => fetcher.close(), circuit: fetcher.circuit });
  }

  /** Hive Gateway's side: the operation's name and type, and the codes it answered with. */
  get plugin(): GatewayPlugin {
    return {
      onExecute({ args }) {
        const observation = observed((args.contextValue as { req?: express.Request }).req);
        if (!observation) return;
        const named = args.operationName as string | null | undefined;
        const operation = getOperationAST(args.document as DocumentNode, named);
        nameOperation(observation, operation?.operation ?? 'unknown', operation?.name?.value ?? named);
      },
      onResultProcess({ result, serverContext }) {
        const observation = observed((serverContext as { req?: express.Request }).req);
        for (const one of Array.isArray(result) ? result : [result]) {
          const errors = (one as { errors?: ReadonlyArray<{ extensions?: Record<string, unknown> }> } | null)?.errors;
          for (const error of errors ?? []) noteErrorCode(observation, error.extensions?.['code']);
        }
      },
    };
  }

  async shutdown(): Promise<void> {
    await this.tracing.shutdown().catch(() => undefined);
  }
}

/**
 * The request id minted for a client request, and who it acts for, on its access line: the
 * caller's organisation only, never the person (no subject, no token).
 */
export function noteCaller(
  request: express.Request | undefined,
  caller: { readonly requestId: string; readonly identity?: Identity | null },
): void {
  const observation = observed(request);
  if (!observation) return;
  observation.requestId = caller.requestId;
  if (caller.identity) observation.organisationId = caller.identity.organisation.id;
}

function observed(request: express.Request | undefined): RequestObservation | undefined {
  return request ? observationOf(request) : undefined;
}

function statusOutcome(status: number): FetchOutcome {
  if (status >= 200 && status < 300) return 'ok';
  if (status < 200) return '1xx';
  if (status < 400) return '3xx';
  return status < 500 ? '4xx' : '5xx';
}

/** Apollo hands its fetcher a Headers object, Hive a plain one: either way the same headers plus these. */
function withHeaders(init: Parameters<Fetcher>[1], extra: Record<string, string>): Parameters<Fetcher>[1] {
  const headers = new Headers(init.headers);
  for (const [name, value] of Object.entries(extra)) headers.set(name, value);
  return { ...init, headers: Object.fromEntries(headers) };
}
