import {
  context,
  defaultTextMapGetter,
  defaultTextMapSetter,
  ROOT_CONTEXT,
  trace,
  type Context,
  type Span,
  type Tracer,
} from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import {
  BasicTracerProvider,
  BatchSpanProcessor,
  ParentBasedSampler,
  SimpleSpanProcessor,
  TraceIdRatioBasedSampler,
  type SpanExporter,
} from '@opentelemetry/sdk-trace-base';
import type { IncomingHttpHeaders } from 'node:http';

export interface TracingOptions {
  readonly service: string;
  /** An OTLP/HTTP collector's base URL; spans go to `<endpoint>/v1/traces`. */
  readonly endpoint?: string | undefined;
  /** Tests: spans go here, one by one, instead of to a collector. */
  readonly exporter?: SpanExporter | undefined;
  /** Share of new traces kept; a trace continued from `traceparent` keeps its caller's decision. */
  readonly sampleRatio?: number;
}

/**
 * A service's tracer, or none. Without an endpoint (or a test's exporter) nothing is created: no
 * provider, no span, and the request path asks one null check, so tracing that is off costs nothing.
 * The provider is the service's own rather than the global one, so five subgraphs in one test
 * process each name their own spans.
 */
export class Tracing {
  private constructor(
    readonly tracer: Tracer | null,
    private readonly provider: BasicTracerProvider | null,
  ) {}

  static readonly off = new Tracing(null, null);

  static create(options: TracingOptions): Tracing {
    const exporter =
      options.exporter ??
      (options.endpoint ? new OTLPTraceExporter({ url: `${options.endpoint.replace(/\/$/, '')}/v1/traces` }) : null);
    if (!exporter) return Tracing.off;
    useAsyncContext();
    const provider = new BasicTracerProvider({
      resource: resourceFromAttributes({ 'service.name': options.service, 'service.namespace': 'safeguarding-graph' }),
      sampler: new ParentBasedSampler({ root: new TraceIdRatioBasedSampler(options.sampleRatio ?? 1) }),
      // A collector gets batches; a test reads each span as soon as it ends.
      spanProcessors: [options.exporter ? new SimpleSpanProcessor(exporter) : new BatchSpanProcessor(exporter)],
    });
    return new Tracing(provider.getTracer('@safeguarding/shared'), provider);
  }

  get enabled(): boolean {
    return this.tracer !== null;
  }

  /** Flushes what is buffered; called once at stop. */
  async shutdown(): Promise<void> {
    await this.provider?.shutdown();
  }
}

const propagator = new W3CTraceContextPropagator();

/** The caller's trace (W3C `traceparent`, and `tracestate`), or a fresh root. */
export function incomingTraceContext(headers: IncomingHttpHeaders): Context {
  return propagator.extract(ROOT_CONTEXT, headers, defaultTextMapGetter);
}

/** The `traceparent` (and `tracestate`) that makes a callee's spans children of this one. */
export function outgoingTraceHeaders(span: Span): Record<string, string> {
  const headers: Record<string, string> = {};
  propagator.inject(trace.setSpan(ROOT_CONTEXT, span), headers, defaultTextMapSetter);
  return headers;
}

/** The trace id in a `traceparent` header, when it is well-formed: for log lines, traced or not. */
export function traceIdOf(traceparent: string | string[] | undefined): string | null {
  if (typeof traceparent !== 'string') return null;
  const match = /^[\da-f]{2}-([\da-f]{32})-[\da-f]{16}-[\da-f]{2}$/.exec(traceparent.trim());
  return match?.[1] && !/^0+$/.test(match[1]) ? match[1] : null;
}

let asyncContext = false;

/**
 * Spans need to know their parent across awaits: an AsyncLocalStorage context manager, set once
 * per process. Another already registered (a runtime in the same process) is kept.
 */
function useAsyncContext(): void {
  if (asyncContext) return;
  asyncContext = true;
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
}

// Tests and a process's own wiring take these from here, so that one copy of the SDK is in play.
export { InMemorySpanExporter, type ReadableSpan, type SpanExporter } from '@opentelemetry/sdk-trace-base';
