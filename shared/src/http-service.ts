import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer, type ApolloServerPlugin, type BaseContext } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { ApolloServerPluginInlineTrace } from '@apollo/server/plugin/inlineTrace';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import type { GraphQLSchema } from 'graphql';
import { createErrorFormatter } from './errors';
import {
  createCorsMiddleware,
  createGraphQLLimits,
  createHttpErrorHandler,
  createRateLimiter,
  defaultHardening,
  type HardeningConfig,
} from './hardening';
import type { Logger } from './logger';
import {
  enterObservation,
  metricsHandler,
  noteErrorCode,
  observationOf,
  observationPlugin,
  observeRequests,
  type Observability,
} from './observability';
import { trustedDocumentsMiddleware, type TrustedDocuments } from './trusted-documents';

/** Every process of the graph exits within 2 s of SIGTERM: this long for requests, the rest for closing. */
export const shutdownGraceMs = 1500;

/** The port is taken; the message is one line an operator can act on. */
export class PortInUseError extends Error {
  override name = 'PortInUseError';
}

export interface HttpServiceOptions<TContext extends BaseContext> {
  readonly name: string;
  readonly host: string;
  readonly port: number;
  readonly logger: Logger;
  readonly production: boolean;
  readonly graphql: { readonly schema: GraphQLSchema };
  readonly context: (request: express.Request) => Promise<TContext>;
  /** Whether the service can serve requests now (its database, or its subgraphs, answer). */
  readonly ready: () => Promise<boolean>;
  readonly plugins?: ApolloServerPlugin<TContext>[];
  /** Accept only these registered operations (automatic persisted queries then off). */
  readonly trustedDocuments?: TrustedDocuments;
  /** A subgraph's federated traces (ftv1); off unless true. */
  readonly inlineTraces?: boolean;
  /** Request limits, CORS and rate limit; defaults to `defaultHardening`, without a rate limit unless given one. */
  readonly hardening?: HardeningConfig;
  /** Routes besides GraphQL (e.g. an internal endpoint the gateway never proxies), mounted before /graphql. */
  readonly routes?: (app: express.Express) => void;
  /** Metrics at /metrics, an access line and (when tracing) a span per GraphQL request. */
  readonly observability?: Observability;
  /**
   * A subgraph's requests from the gateway: `vouches` tells, before the body is read, whether the
   * gateway vouches for the request (its token verifies); those are read up to `bodyLimitBytes`
   * instead of the public limit, and `limitedUpstream` then skips the limits the gateway applied.
   */
  readonly upstream?: {
    readonly bodyLimitBytes: number;
    vouches(request: express.Request): Promise<boolean>;
    limitedUpstream(context: TContext): boolean;
  };
}

export interface RunningHttpService {
  readonly url: string;
  readonly port: number;
  /** Stops accepting, lets in-flight requests finish, then resolves. */
  stop(): Promise<void>;
}

/** GraphQL on /graphql plus /health (alive) and /ready (dependencies answer), on one HTTP server. */
export async function startHttpService<TContext extends BaseContext>(
  options: HttpServiceOptions<TContext>,
): Promise<RunningHttpService> {
  const hardening = options.hardening ?? defaultHardening;
  const upstream = options.upstream;
  const limits = createGraphQLLimits(hardening, {
    production: options.production,
    ...(upstream ? { limitedUpstream: (context) => upstream.limitedUpstream(context as TContext) } : {}),
  });
  const app = express();
  app.disable('x-powered-by');
  // Express hashes every answer for an ETag (profiled: 1.3 % of a subgraph's CPU under the dashboard
  // load); a subgraph answers the gateway, which never sends If-None-Match, and no answer is cacheable.
  app.set('etag', false);
  // One hop only: trusting every X-Forwarded-For entry would let a client pick its own address.
  app.set('trust proxy', hardening.TRUST_PROXY ? 1 : false);
  const httpServer = http.createServer(app);
  // The gateway's agent keeps idle sockets open; if this side closed them first (Node's default is
  // 5 s) a request sent at that moment would meet a closed socket ("socket hang up"). Keeping them
  // longer than any caller's idle gap leaves the closing to the caller. headersTimeout must exceed it.
  httpServer.keepAliveTimeout = 65_000;
  httpServer.headersTimeout = 66_000;
  const apollo = new ApolloServer<TContext>({
    ...options.graphql,
    introspection: !options.production,
    includeStacktraceInErrorResponses: !options.production,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    // With trusted documents, APQ would let any client register any document.
    ...(options.trustedDocuments ? { persistedQueries: false as const } : {}),
    parseOptions: limits.parseOptions,
    validationRules: limits.validationRules,
    validationOptions: limits.validationOptions,
    formatError: createErrorFormatter(options.logger, { exposeStack: !options.production }),
    // The process's own signal handler stops the service once; Apollo's would call stop() a second
    // time, and that second call never resolves on MySQL, so the process hung on SIGTERM.
    stopOnTerminationSignals: false,
    plugins: [
      // In-flight requests get this long to finish after SIGTERM; idle keep-alive sockets close at once.
      ApolloServerPluginDrainHttpServer({ httpServer, stopGracePeriodMillis: shutdownGraceMs }),
      ...limits.plugins,
      // Apollo installs the trace plugin on every subgraph schema unless told otherwise.
      options.inlineTraces ? ApolloServerPluginInlineTrace() : ApolloServerPluginInlineTraceDisabled(),
      // No field declares a cache hint, yet Apollo's cache-control plugin visits every field of every
      // answer to find none (profiled). A subgraph's answers are never cacheable, so it is off there.
      ApolloServerPluginCacheControlDisabled(),
      // No IDE page of any kind in production: a GET for HTML answers like any other GET.
      ...(options.production ? [ApolloServerPluginLandingPageDisabled()] : []),
      ...(options.observability ? [observationPlugin<TContext>()] : []),
      ...(options.plugins ?? []),
    ],
    logger: options.logger,
  });
  await apollo.start();

  app.use(createCorsMiddleware(hardening.CORS_ORIGINS));
  app.get('/health', (_req, res) => {
    res.json({ status: 'ok', service: options.name });
  });
  app.get('/ready', async (_req, res) => {
    const ready = await options.ready().catch(() => false);
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'not ready', service: options.name });
  });
  options.routes?.(app);
  const observability = options.observability;
  if (observability) app.get('/metrics', metricsHandler(observability));
  const rateLimit = hardening.RATE_LIMIT_PER_MINUTE ?? 0;
  app.use(
    '/graphql',
    // First, so that a request refused below is still counted and logged.
    ...(observability ? [observeRequests(observability)] : []),
    // Before the body is read, so a refused client costs as little as possible.
    ...(rateLimit > 0 ? [createRateLimiter({ perMinute: rateLimit })] : []),
    upstream
      ? vouchedBodyParser(hardening.BODY_LIMIT_BYTES, upstream)
      : express.json({ limit: hardening.BODY_LIMIT_BYTES }),
    ...(options.trustedDocuments ? [trustedDocumentsMiddleware(options.trustedDocuments)] : []),
    ...(observability ? [enterObservation()] : []),
    expressMiddleware(apollo, {
      context: async ({ req }) => {
        try {
          return await options.context(req);
        } catch (error) {
          // A refused credential fails here, before Apollo's plugins see the request.
          noteErrorCode(observationOf(req), (error as { extensions?: { code?: unknown } }).extensions?.['code']);
          throw error;
        }
      },
    }),
  );
  app.use(createHttpErrorHandler(options.logger, hardening.BODY_LIMIT_BYTES));

  try {
    await listen(httpServer, options.port, options.host);
  } catch (error) {
    await apollo.stop();
    throw error;
  }
  const port = (httpServer.address() as AddressInfo).port;
  const displayHost = options.host === '0.0.0.0' || options.host === '::' ? 'localhost' : options.host;
  return {
    url: `http://${displayHost}:${port}/graphql`,
    port,
    stop: () => apollo.stop(),
  };
}

/** The public limit for everyone but the gateway, whose vouched requests have their own. */
function vouchedBodyParser(
  publicLimit: number,
  upstream: NonNullable<HttpServiceOptions<BaseContext>['upstream']>,
): express.RequestHandler {
  const publicJson = express.json({ limit: publicLimit });
  const vouchedJson = express.json({ limit: upstream.bodyLimitBytes });
  return (req, res, next) => {
    upstream.vouches(req).then(
      (vouched) => (vouched ? vouchedJson : publicJson)(req, res, next),
      (error: unknown) => next(error),
    );
  };
}

function listen(server: http.Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') reject(new PortInUseError(`port ${port} on ${host} is already in use`));
      else if (error.code === 'EACCES') reject(new PortInUseError(`port ${port} on ${host} needs privileges to open`));
      else reject(error);
    };
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolve();
    });
  });
}
