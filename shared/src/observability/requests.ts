import { AsyncLocalStorage } from 'node:async_hooks';
import { timingSafeEqual } from 'node:crypto';
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { context, SpanKind, SpanStatusCode, trace, type Attributes, type Span, type Tracer } from '@opentelemetry/api';
import type express from 'express';
import { defaultFieldResolver, type GraphQLSchema } from 'graphql';
import type { Logger } from '../logger';
import type { ServiceMetrics } from './metrics';
import { incomingTraceContext, outgoingTraceHeaders, traceIdOf, type Tracing } from './tracing';

/** What a service knows of one GraphQL request by the time it has answered it. */
export interface RequestObservation {
  readonly started: bigint;
  readonly span: Span | null;
  /** The serving service's tracer: a schema can be shared by services in one process (tests). */
  readonly tracer: Tracer | null;
  /** The traceparent's trace id, or the span's: a log line and a trace meet on it. */
  readonly traceId: string | null;
  requestId: string | null;
  /** The organisation the caller acts for (an agency id or a school URN): never the person. */
  organisationId: string | null;
  /** The client's operation name, as the gateway vouches for it, or as the request names it. */
  operationName: string | null;
  operationType: string | null;
  readonly errorCodes: Set<string>;
}

const observations = new AsyncLocalStorage<RequestObservation>();
const byRequest = new WeakMap<express.Request, RequestObservation>();

/** The request being served, for the service's context function to add who and what it is. */
export function observationOf(request: express.Request): RequestObservation | undefined {
  return byRequest.get(request);
}

export interface Observability {
  readonly metrics: ServiceMetrics;
  readonly tracing: Tracing;
  /** Where access lines go: one per GraphQL request. */
  readonly accessLog: Logger;
  /** Serve `/metrics`: `open` to anyone who reaches the port, `token` to a scraper with the bearer token, `off` not at all. */
  readonly metricsAccess:
    { readonly kind: 'open' } | { readonly kind: 'token'; readonly token: string } | { readonly kind: 'off' };
}

/**
 * First on /graphql, before the rate limit and the body: so a refused or oversized request is
 * counted, timed and logged too. The span (when tracing) continues the caller's `traceparent`.
 */
export function observeRequests(observability: Observability): express.RequestHandler {
  const { tracer } = observability.tracing;
  return (req, res, next) => {
    const span = tracer
      ? tracer.startSpan(
          'POST /graphql',
          { kind: SpanKind.SERVER, attributes: { 'http.request.method': req.method, 'url.path': '/graphql' } },
          incomingTraceContext(req.headers),
        )
      : null;
    const spanTraceId = span?.spanContext().traceId;
    const observation: RequestObservation = {
      started: process.hrtime.bigint(),
      span,
      tracer,
      traceId:
        spanTraceId && spanTraceId !== '00000000000000000000000000000000'
          ? spanTraceId
          : traceIdOf(req.headers['traceparent']),
      requestId: null,
      organisationId: null,
      operationName: null,
      operationType: null,
      errorCodes: new Set(),
    };
    byRequest.set(req, observation);
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      record(observability, observation, req, res);
    };
    res.once('finish', finish);
    res.once('close', finish);
    next();
  };
}

/**
 * Just before Apollo: from here on, the request's work runs with its observation (and its span) as
 * the async context, so a resolver's SQL finds its parent. Placed after the body is read, because
 * a stream's callbacks do not keep the context of whoever listened.
 */
export function enterObservation(): express.RequestHandler {
  return (req, _res, next) => {
    const observation = byRequest.get(req);
    if (!observation) {
      next();
      return;
    }
    const run = () => {
      observations.run(observation, next);
    };
    if (observation.span) context.with(trace.setSpan(context.active(), observation.span), run);
    else run();
  };
}

function record(
  observability: Observability,
  observation: RequestObservation,
  req: express.Request,
  res: express.Response,
): void {
  const seconds = Number(process.hrtime.bigint() - observation.started) / 1e9;
  const { metrics } = observability;
  const operation = metrics.operationLabel(observation.operationName ?? bodyOperationName(req));
  const operationType = observation.operationType ?? 'unknown';
  const status = res.headersSent ? res.statusCode : 499;
  metrics.requests.inc({ operation, operation_type: operationType, status: String(status) });
  metrics.requestDuration.observe({ operation, operation_type: operationType }, seconds);
  for (const code of observation.errorCodes) metrics.errors.inc({ operation, code });
  if (observation.span) {
    observation.span.setAttribute('http.response.status_code', status);
    if (observation.requestId) observation.span.setAttribute('safeguarding.request_id', observation.requestId);
    if (status >= 500 || observation.errorCodes.has('INTERNAL_SERVER_ERROR'))
      observation.span.setStatus({ code: SpanStatusCode.ERROR });
    observation.span.end();
  }
  // Names, codes and ids only: no variables, no document, no person, no client-chosen label.
  observability.accessLog.info(
    {
      requestId: observation.requestId,
      traceId: observation.traceId,
      operation,
      operationType,
      status,
      durationMs: Math.round(seconds * 10_000) / 10,
      organisationId: observation.organisationId,
      errors: [...observation.errorCodes],
    },
    'request',
  );
}

function bodyOperationName(req: express.Request): string | null {
  const body = req.body as { operationName?: unknown } | undefined;
  return typeof body?.operationName === 'string' ? body.operationName : null;
}

/** Names the operation (and the span) once Apollo has parsed it, and notes the codes it answered with. */
export function observationPlugin<TContext extends BaseContext>(): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      const observation = observations.getStore();
      if (!observation) return;
      return {
        async didResolveOperation(requestContext) {
          nameOperation(observation, requestContext.operation?.operation ?? 'unknown', requestContext.operationName);
        },
        async willSendResponse(requestContext) {
          const body = requestContext.response.body;
          const errors = body.kind === 'single' ? body.singleResult.errors : undefined;
          for (const error of errors ?? []) noteErrorCode(observation, error.extensions?.['code']);
        },
      };
    },
  };
}

/** The operation being served, once the document is parsed: for its metrics, its access line and its span's name. */
export function nameOperation(observation: RequestObservation, type: string, name: string | null | undefined): void {
  observation.operationType = type;
  observation.operationName ??= name ?? null;
  observation.span?.updateName(`${type} ${observation.operationName ?? 'anonymous'}`);
  observation.span?.setAttribute('graphql.operation.type', type);
  if (observation.operationName) observation.span?.setAttribute('graphql.operation.name', observation.operationName);
}

/** A call to another service on behalf of the request being served, as its trace shows it. */
export interface OutgoingCall {
  /** `traceparent` (and `tracestate`): the callee's spans become children of this call's. */
  readonly headers: Record<string, string>;
  /** The callee's HTTP status, or why there was none (`timeout`, `unreachable`, …). */
  end(result: { readonly status?: number; readonly failure?: string }): void;
}

/**
 * A client span under the server span of the request being served, or null when that request is
 * not traced. The parent is the request's own span rather than whatever span a framework made
 * active in between (Apollo's gateway makes non-recording ones when no global provider is set).
 */
export function startOutgoingCall(name: string, attributes: Attributes): OutgoingCall | null {
  const observation = observations.getStore();
  const parent = observation?.span;
  const tracer = observation?.tracer;
  if (!parent?.isRecording() || !tracer) return null;
  const span = tracer.startSpan(name, { kind: SpanKind.CLIENT, attributes }, trace.setSpan(context.active(), parent));
  return {
    headers: outgoingTraceHeaders(span),
    end(result) {
      if (result.status !== undefined) span.setAttribute('http.response.status_code', result.status);
      if (result.failure) span.setAttribute('error.type', result.failure);
      if (result.failure || (result.status ?? 0) >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
      span.end();
    },
  };
}

/** A code the service answered with, when the request failed before Apollo's plugins ran (its context). */
export function noteErrorCode(observation: RequestObservation | undefined, code: unknown): void {
  if (observation && typeof code === 'string' && /^[A-Z_]{1,64}$/.test(code)) observation.errorCodes.add(code);
}

const traced = new WeakSet<GraphQLSchema>();

/**
 * A span for each root field (and `_entities`, how the gateway fetches references), made active
 * while it resolves so its SQL nests under it. The resolvers are wrapped in place, once per schema;
 * a request that is not traced passes straight through.
 */
export function traceRootFields(schema: GraphQLSchema, tracing: Tracing): void {
  if (!tracing.enabled || traced.has(schema)) return;
  traced.add(schema);
  for (const type of [schema.getQueryType(), schema.getMutationType()]) {
    if (!type) continue;
    for (const field of Object.values(type.getFields())) {
      const resolve = field.resolve ?? defaultFieldResolver;
      const name = `${type.name}.${field.name}`;
      field.resolve = (source, args, contextValue, info) => {
        const observation = observations.getStore();
        const tracer = observation?.span?.isRecording() ? observation.tracer : null;
        if (!tracer) return resolve(source, args, contextValue, info);
        return tracer.startActiveSpan(
          name,
          { attributes: { 'graphql.field.path': info.path.key.toString(), 'graphql.field.name': field.name } },
          async (span) => {
            try {
              return await resolve(source, args, contextValue, info);
            } catch (error) {
              span.setStatus({ code: SpanStatusCode.ERROR });
              throw error;
            } finally {
              span.end();
            }
          },
        );
      };
    }
  }
}

/** `/metrics`, as the service's access rule says. */
export function metricsHandler(observability: Observability): express.RequestHandler {
  const access = observability.metricsAccess;
  const expected = access.kind === 'token' ? Buffer.from(`Bearer ${access.token}`) : null;
  return async (req, res) => {
    if (access.kind === 'off') {
      res.status(404).json({
        errors: [
          {
            message: 'Metrics are not served here: set METRICS_TOKEN to serve them to a scraper',
            extensions: { code: 'NOT_FOUND' },
          },
        ],
      });
      return;
    }
    if (expected) {
      const given = Buffer.from(req.header('authorization') ?? '');
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
        res
          .status(401)
          .set('www-authenticate', 'Bearer')
          .json({
            errors: [{ message: "Metrics need the scraper's bearer token", extensions: { code: 'UNAUTHENTICATED' } }],
          });
        return;
      }
    }
    res.type(observability.metrics.contentType).send(await observability.metrics.exposition());
  };
}
