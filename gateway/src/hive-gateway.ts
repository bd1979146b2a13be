import http from 'node:http';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { createGatewayRuntime, useCustomFetch, type GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { Logger as HiveLogger, type LogLevel } from '@graphql-hive/logger';
import { unifiedGraphHandler } from '@graphql-hive/router-runtime';
import { useAPQ } from '@graphql-yoga/plugin-apq';
import { EnvelopArmor } from '@escape.tech/graphql-armor';
import express from 'express';
import {
  getOperationAST,
  GraphQLError,
  parse,
  type DocumentNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import {
  clientRequestId,
  createCorsMiddleware,
  createErrorFormatter,
  createHttpErrorHandler,
  createRateLimiter,
  defaultHardening,
  exampleOperationsDir,
  fieldRepetitionRule,
  internalIdentityHeader,
  renameCoercionErrors,
  variableDefinitionOf,
  operationCost,
  PortInUseError,
  shutdownGraceMs,
  signInternalToken,
  trustedDocumentsMiddleware,
  type Identity,
  type Logger,
  type RunningHttpService,
} from '@safeguarding/shared';
import type { GatewayOptions } from './gateway';
import { mountGraphiql } from './graphiql';
import { nullPropagationPlugin } from './null-propagation';
import { GatewayObservability, noteCaller } from './observability';
import {
  allSubgraphsReady,
  Circuit,
  createUpstreamFetcher,
  defaultUpstreamOptions,
  SubgraphUnavailableError,
  tooLargeResponse,
  unavailableResponse,
  type UpstreamOptions,
} from './upstream';

/** What the gateway adds to Hive's context for every client request. */
interface CallerContext {
  /** Minted here for every request: a client cannot choose the id its reads are audited under. */
  requestId: string;
  clientRequestId: string | null;
  identity: Identity | null;
  /** The caller's header as received, for `forwardAuthorization` only. */
  authorization: string | undefined;
  /** The operation's name as resolved from the document, for the audit trail. */
  operationName?: string | null;
}

const validationFailed = 'GRAPHQL_VALIDATION_FAILED';

/** Hive's logger writing through ours, so one configuration decides what is logged and where. */
function hiveLogger(logger: Logger): HiveLogger {
  return new HiveLogger({
    writers: [
      {
        write(level: LogLevel, attrs, message) {
          const fields = attrs && typeof attrs === 'object' && !Array.isArray(attrs) ? attrs : { attrs };
          logger[level](fields, message ?? '');
        },
      },
    ],
  });
}

/**
 * The gateway on Hive Gateway with the Rust query planner, answering as the @apollo/gateway it
 * replaced did, so the move changed nothing a client can see. The HTTP edge (CORS, rate limit,
 * body limit, trusted documents, /health, /ready, GraphiQL) is the same Express chain every
 * process of the graph uses; Hive's runtime answers /graphql behind it.
 */
export async function startHiveGateway(options: GatewayOptions): Promise<RunningHttpService> {
  const hardening = options.hardening ?? defaultHardening;
  const upstream: UpstreamOptions = { ...defaultUpstreamOptions, ...options.upstream };
  const locations = subgraphLocations(options);
  const serviceByUrl = new Map([...locations].map(([name, url]) => [url, name]));
  const observability = new GatewayObservability(options.observability ?? {}, options.logger, options.production);
  const observed = options.observability?.enabled !== false;
  const fetchers = new Map(
    [...locations].map(([name, url]) => {
      const fetcher = createUpstreamFetcher(upstream, new Circuit(upstream));
      return [url, observed ? observability.observeFetcher(name, fetcher) : fetcher];
    }),
  );
  const formatError = createErrorFormatter(options.logger, { exposeStack: !options.production });

  const armor = new EnvelopArmor({
    maxDepth: {
      n: hardening.MAX_QUERY_DEPTH,
      flattenFragments: true,
      propagateOnRejection: false,
      exposeLimits: true,
      onReject: [rejectAsValidation],
    },
    maxAliases: {
      n: hardening.MAX_ALIASES,
      allowList: [],
      propagateOnRejection: false,
      exposeLimits: true,
      onReject: [rejectAsValidation],
    },
    maxDirectives: {
      n: hardening.MAX_DIRECTIVES,
      propagateOnRejection: false,
      exposeLimits: true,
      onReject: [rejectAsValidation],
    },
    // The parser's own token limit answers with a parse error (400); Armor's cost counts literals only.
    maxTokens: { enabled: false },
    costLimit: { enabled: false },
    blockFieldSuggestion: { enabled: false },
  }).protect();

  /** Who is asking, minted before anything else runs; a refused credential fails the whole request. */
  const callerPlugin: GatewayPlugin = {
    async onContextBuilding({ context, extendContext }) {
      const request = (context as { request: Request }).request;
      const authorization = request.headers.get('authorization') ?? undefined;
      const requestId = randomUUID();
      // Before the credential is checked, so that a refused request's access line has its id too.
      noteCaller((context as { req?: express.Request }).req, { requestId });
      const caller: CallerContext = {
        requestId,
        clientRequestId: clientRequestId(request.headers.get('x-request-id') ?? undefined),
        identity: await options.authenticator.authenticate(authorization),
        authorization: options.forwardAuthorization ? authorization : undefined,
      };
      noteCaller((context as { req?: express.Request }).req, caller);
      extendContext({ caller } as never);
    },
  };

  /** Limits that need the schema and the variables: the cost counting `first`, field repetition. */
  const limitsPlugin: GatewayPlugin = {
    onParse({ setParseFn }) {
      setParseFn((source, parseOptions) => {
        try {
          return parse(source, { ...parseOptions, maxLexicalTokens: hardening.MAX_TOKENS });
        } catch (error) {
          if (!(error instanceof GraphQLError)) throw error;
          throw new GraphQLError(error.message, {
            ...(error.source ? { source: error.source } : {}),
            ...(error.positions ? { positions: error.positions } : {}),
            extensions: { code: 'GRAPHQL_PARSE_FAILED', http: { status: 400 } },
          });
        }
      });
    },
    onValidate({ addValidationRule, setValidationFn, validateFn }) {
      addValidationRule(fieldRepetitionRule(hardening.MAX_FIELD_REPEATS));
      // Validation stops at its first error: a document built to make the validator report ten
      // thousand errors costs one.
      setValidationFn((schema, document, rules, _options, typeInfo) =>
        validateFn(schema, document, rules, { maxErrors: 1 }, typeInfo)
          .filter((error: GraphQLError) => !/Validation aborted\.$/.test(error.message))
          .map((error: GraphQLError) =>
            withExtensions(error, { code: error.extensions['code'] ?? validationFailed, http: { status: 400 } }),
          ),
      );
    },
    onExecute({ args, setResultAndStopExecution }) {
      const operation = getOperationAST(args.document, args.operationName);
      const caller = (args.contextValue as { caller?: CallerContext }).caller;
      if (!operation) {
        setResultAndStopExecution({
          errors: [
            new GraphQLError(
              args.operationName
                ? 'The document has no operation of the name given in operationName'
                : 'The document has several operations: say which in operationName',
              { extensions: { code: 'OPERATION_RESOLUTION_FAILURE', http: { status: 400 } } },
            ),
          ],
        });
        return;
      }
      if (caller) caller.operationName = operation.name?.value ?? args.operationName ?? null;
      const cost = operationCost(
        args.document,
        args.operationName ?? undefined,
        (args.variableValues ?? undefined) as Record<string, unknown> | undefined,
        undefined,
        args.schema,
      );
      if (cost > hardening.MAX_COST) {
        setResultAndStopExecution({
          errors: [
            new GraphQLError(`Query Cost limit of ${hardening.MAX_COST} exceeded, found ${Math.ceil(cost)}.`, {
              extensions: { code: validationFailed, http: { status: 400 } },
            }),
          ],
        });
      }
    },
  };

  /**
   * Headers of the subgraph request. A signed-in caller's request id goes into the request before
   * the transport's in-flight deduplication keys it, so two callers never share one fetch (or one
   * identity token); an anonymous read carries no identity, so identical ones may share a fetch.
   * The token itself is signed per fetch, after deduplication, over the body actually sent.
   */
  const identityPlugin: GatewayPlugin = {
    onSubgraphExecute({ executionRequest }) {
      const caller = (executionRequest.context as { caller?: CallerContext } | undefined)?.caller;
      if (!caller || (!caller.identity && !options.forwardAuthorization)) return;
      const extensions = (executionRequest.extensions ??= {}) as { headers?: Record<string, string> };
      extensions.headers = { ...extensions.headers, 'x-request-id': caller.requestId };
    },
    async onFetch({ context, options: init, setOptions }) {
      const caller = (context as { caller?: CallerContext } | undefined)?.caller;
      if (!caller) return;
      const headers: Record<string, string> = {
        ...init.headers,
        'x-request-id': caller.requestId,
      };
      if (options.forwardAuthorization) {
        if (caller.authorization) headers['authorization'] = caller.authorization;
      } else {
        const sent = parseBody(init.body);
        headers[internalIdentityHeader] = await signInternalToken(
          {
            identity: caller.identity,
            operationName: caller.operationName ?? null,
            requestId: caller.requestId,
            clientRequestId: caller.clientRequestId,
            operation: { query: sent.query, operationName: sent.operationName, variables: sent.variables },
          },
          options.internalTokenSecret,
        );
      }
      setOptions({ ...init, headers });
    },
  };

  const documents = new WeakMap<Request, DocumentNode>();
  const executions = new WeakMap<
    Request,
    {
      readonly schema: GraphQLSchema;
      readonly operation: OperationDefinitionNode | undefined;
      readonly variables: Record<string, unknown> | undefined;
    }
  >();

  /**
   * The answers clients had from @apollo/gateway, so the move to Hive is not an API change: a request
   * refused before it ran is HTTP 400 with a code saying why; coercion errors name the argument,
   * never the value; "Did you mean" hints go in production.
   */
  const answersPlugin: GatewayPlugin = {
    onRequestParse({ request }) {
      // Apollo's rule: a request a browser could send cross-site without a preflight (a GET, or a
      // form's content type) must carry a header only a preflighted request can.
      const contentType = request.headers.get('content-type')?.split(';')[0]?.trim().toLowerCase();
      const simple = request.method === 'GET' || !contentType || simpleContentTypes.has(contentType);
      if (simple && !preflightHeaders.some((name) => request.headers.get(name))) {
        throw new GraphQLError(csrfMessage, { extensions: { code: 'BAD_REQUEST', http: { status: 400 } } });
      }
    },
    onParams({ params }) {
      if (params.operationName != null && typeof params.operationName !== 'string') {
        throw new GraphQLError('operationName must be a string', {
          extensions: { code: 'BAD_REQUEST', http: { status: 400 } },
        });
      }
      const persisted = (params.extensions as { persistedQuery?: { version?: unknown } } | undefined)?.persistedQuery;
      if (persisted && persisted.version !== 1) {
        throw new GraphQLError('Unsupported persisted query version', {
          extensions: { code: 'BAD_REQUEST', http: { status: 400 } },
        });
      }
    },
    onExecute({ args }) {
      const request = (args.contextValue as { request?: Request }).request;
      if (!request) return;
      documents.set(request, args.document);
      const operation = getOperationAST(args.document, args.operationName ?? undefined) ?? undefined;
      executions.set(request, {
        schema: args.schema,
        operation,
        variables: (args.variableValues ?? undefined) as Record<string, unknown> | undefined,
      });
    },
    onResultProcess({ request, result, setResult }) {
      if (
        Array.isArray(result) ||
        !result ||
        typeof result !== 'object' ||
        !('errors' in result) ||
        !result.errors?.length
      )
        return;
      const withoutData = !('data' in result) || result.data === undefined;
      // Errors without a path are about the request itself; with one, a field failed and (a non-null
      // root field) nulled the whole answer, which Apollo and the spec give as `data: null`.
      const refused = withoutData && result.errors.every((error) => !error.path);
      const document = documents.get(request);
      const execution = executions.get(request);
      const raised = result.errors as GraphQLError[];
      // Only once execution began can an error about a variable be its coercion (before, it is validation's).
      if (execution) {
        // The masking formatter has by then called every uncoded framework refusal BAD_REQUEST.
        for (const error of raised) {
          const code = error.extensions['code'];
          if (variableDefinitionOf(error) && (code === undefined || code === 'BAD_REQUEST'))
            (error.extensions as Record<string, unknown>)['code'] = 'BAD_USER_INPUT';
        }
        renameCoercionErrors(raised, execution.schema, document, execution.operation, execution.variables);
      }
      const errors = raised.map((error) => finalError(error, options.production, refused));
      setResult({ ...result, ...(withoutData && !refused ? { data: null } : {}), errors } as never);
    },
  };

  /** Marks the start-up run (in its server context, which no client can set). */
  const warmUp = {};
  // The timeout, keep-alive, retry of reads and circuit of upstream.ts, per subgraph, around the
  // fetch: a subgraph that is down answers, in effect, SERVICE_UNAVAILABLE at each field asked of it,
  // and one that refuses the request as too large (413), PAYLOAD_TOO_LARGE there.
  const upstreamFetch = useCustomFetch((async (
    url: string,
    init: { method?: string; headers?: Record<string, string>; body?: string; signal?: AbortSignal },
    context?: unknown,
  ) => {
    const answer = (body: unknown) =>
      new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
    if ((context as { warmUp?: unknown } | undefined)?.warmUp === warmUp) return answer({ data: null });
    const fetcher = fetchers.get(url);
    if (!fetcher) throw new Error('subgraph request to an unknown address');
    const service = serviceByUrl.get(url) ?? 'subgraph';
    let response: unknown;
    try {
      response = await fetcher(url, {
        ...(init.method ? { method: init.method } : {}),
        ...(init.headers ? { headers: init.headers } : {}),
        ...(init.body ? { body: init.body } : {}),
      });
    } catch (error) {
      if (!(error instanceof SubgraphUnavailableError)) throw error;
      return answer(unavailableResponse(service, error.reason, upstream.timeoutMs, parseBody(init.body)));
    }
    if ((response as { status?: unknown }).status !== 413) return response;
    // Its own message names a limit the caller never set; the body is drained so the socket is reused.
    await (response as Response).arrayBuffer().catch(() => undefined);
    return answer(tooLargeResponse(service, parseBody(init.body)));
  }) as never);

  const runtime = withoutTerminateHandlers(() =>
    createGatewayRuntime({
      supergraph: options.supergraphSdl,
      unifiedGraphHandler,
      transportEntries: Object.fromEntries([...locations].map(([name, location]) => [name, { location }])),
      logging: hiveLogger(options.logger),
      graphqlEndpoint: '/graphql',
      // GraphiQL is ours (bundled assets, strict CSP); Hive's loads from a CDN.
      graphiql: false,
      landingPage: false,
      // The id is minted in callerPlugin; the client's own is kept aside, never trusted.
      requestId: false,
      batching: false,
      ...(options.production ? { disableIntrospection: {} } : {}),
      maskedErrors: {
        maskError: (error) => {
          const graphqlError =
            error instanceof GraphQLError
              ? persistedQueryMismatch(error)
              : new GraphQLError('Internal server error', { originalError: error as Error });
          const formatted = formatError(graphqlError.toJSON(), graphqlError);
          // The nodes stay: they say which variable a coercion error is about (renamed once the result is known).
          return new GraphQLError(formatted.message, {
            ...(graphqlError.nodes ? { nodes: graphqlError.nodes } : {}),
            ...(formatted.path ? { path: formatted.path } : {}),
            extensions: formatted.extensions ?? {},
          });
        },
      },
      plugins: () => [
        answersPlugin,
        ...(observed ? [observability.plugin] : []),
        // Automatic persisted queries as Apollo offers them; off with trusted documents, where they
        // would let any client register any document.
        ...(options.trustedDocuments ? [] : [useAPQ() as unknown as GatewayPlugin]),
        callerPlugin,
        ...(armor.plugins as unknown as GatewayPlugin[]),
        limitsPlugin,
        // Hive merges each entity into its place and leaves a refused one's null there, even in a
        // non-null position: the spec's propagation is completed over the result.
        nullPropagationPlugin(options.logger),
        identityPlugin,
        upstreamFetch,
      ],
    }),
  );

  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', hardening.TRUST_PROXY ? 1 : false);
  app.use(createCorsMiddleware(hardening.CORS_ORIGINS));
  app.get('/health', (_req, res) => {
    res.json({ status: 'ok', service: 'gateway' });
  });
  app.get('/ready', async (_req, res) => {
    const ready = await allSubgraphsReady([...locations.values()]).catch(() => false);
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'not ready', service: 'gateway' });
  });
  if (observed) observability.mount(app);
  if (options.graphiql ?? !options.production)
    mountGraphiql(app, { examplesDir: options.examplesDir ?? exampleOperationsDir });
  const rateLimit = hardening.RATE_LIMIT_PER_MINUTE ?? 0;
  app.use(
    '/graphql',
    ...(observed ? [observability.observeRequests] : []),
    ...(rateLimit > 0 ? [createRateLimiter({ perMinute: rateLimit })] : []),
    express.json({ limit: hardening.BODY_LIMIT_BYTES }),
    ...(options.trustedDocuments ? [trustedDocumentsMiddleware(options.trustedDocuments)] : []),
    ...(observed ? [observability.enterRequest] : []),
    (req: express.Request, res: express.Response) => {
      // The Node adapter takes a body Express parsed only when it has keys, and otherwise reads the
      // stream Express has spent: `{}` would be called invalid JSON, not a request without a query.
      if (isEmptyJson(req.body)) req.body = JSON.stringify(req.body);
      // Express strips the mount path; Hive routes on the whole URL. The query string is the one
      // the middleware above may have rewritten (a trusted document sent by its hash over GET).
      const search = req.url.indexOf('?');
      req.url = `${req.baseUrl}${search >= 0 ? req.url.slice(search) : ''}`;
      runtime.requestListener(req, res);
    },
  );
  app.use(createHttpErrorHandler(options.logger, hardening.BODY_LIMIT_BYTES));

  // Hive loads the supergraph and builds the planner on its first request: done here, so that
  // request is not the one that pays (a request in flight at SIGTERM must fit in the drain's grace).
  await runtime.getSchema();
  // And its first plan and executors on the first operation: one run here, answered without a
  // subgraph (warmUp below), so the circuit never counts it.
  await (
    await runtime.fetch(
      'http://gateway.invalid/graphql',
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ localAuthority(gssCode: "E00000000") { gssCode } }' }),
      },
      { warmUp },
    )
  ).text();
  const server = http.createServer(app);
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  await listen(server, options.port, options.host);
  const port = (server.address() as AddressInfo).port;
  const displayHost = options.host === '0.0.0.0' || options.host === '::' ? 'localhost' : options.host;
  return {
    url: `http://${displayHost}:${port}/graphql`,
    port,
    stop: async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      const grace = setTimeout(() => server.closeAllConnections(), shutdownGraceMs);
      await closed;
      clearTimeout(grace);
      await runtime.dispose();
      await Promise.all([...fetchers.values()].map((fetcher) => fetcher.close()));
      await observability.shutdown();
    },
  };
}

/**
 * Hive's runtime disposes itself on SIGTERM and SIGINT (Yoga's `disposeOnProcessTerminate`, which
 * it always sets), cutting off the requests in flight that our drain lets finish. Its listeners
 * are taken off again; `stop` disposes the runtime once the server has drained.
 */
function withoutTerminateHandlers<T>(create: () => T): T {
  const signals = ['SIGTERM', 'SIGINT'] as const;
  const before = new Map(signals.map((signal) => [signal, new Set(process.listeners(signal))]));
  const created = create();
  for (const signal of signals)
    for (const listener of process.listeners(signal))
      if (!before.get(signal)?.has(listener)) process.off(signal, listener);
  return created;
}

function rejectAsValidation(context: { reportError(error: GraphQLError): void } | null, error: GraphQLError): void {
  context?.reportError(
    new GraphQLError(error.message.replace(/^Syntax Error:\s*/, ''), { extensions: { code: validationFailed } }),
  );
}

/** The URL of every subgraph: the supergraph's, unless overridden (container host names, tests). */
function subgraphLocations(options: GatewayOptions): Map<string, string> {
  const locations = new Map<string, string>();
  for (const match of options.supergraphSdl.matchAll(/join__graph\(name:\s*"([^"]+)",\s*url:\s*"([^"]*)"\)/g)) {
    const [, name = '', url = ''] = match;
    locations.set(name, (options.subgraphUrls as Record<string, string | undefined>)[name] ?? url);
  }
  return locations;
}

function isEmptyJson(body: unknown): body is object {
  return typeof body === 'object' && body !== null && Object.keys(body).length === 0;
}

function parseBody(body: unknown): { query?: string; operationName?: string; variables?: Record<string, unknown> } {
  if (typeof body !== 'string') return {};
  try {
    return JSON.parse(body) as { query?: string; operationName?: string; variables?: Record<string, unknown> };
  } catch {
    return {};
  }
}

// Yoga's words for a request without a query, and Apollo's, which name the parameter missing.
const yogaNoQuery = 'Must provide query string.';
const noQuery = 'GraphQL operations must contain a non-empty `query` or a `persistedQuery` extension.';

const suggestion = /\s*Did you mean\b[^?]*\?/g;

// graphql-js's own refusals carry no code; Apollo's names are what our clients switch on. Parse
// errors are coded where they are raised (limitsPlugin's parse); what is left uncoded here is
// Yoga's refusal of the request's form (no query, a body that is not JSON), which it marks as
// the GraphQL-over-HTTP spec's.
function codeOf(error: GraphQLError): string | undefined {
  const code = error.extensions['code'];
  if (typeof code === 'string') return code;
  if ((error.extensions['http'] as { spec?: unknown } | undefined)?.spec === true) return 'BAD_REQUEST';
  return undefined;
}

/** Yoga's APQ names a hash that is not the query's with a code of its own; Apollo's answer is a bad request. */
function persistedQueryMismatch(error: GraphQLError): GraphQLError {
  if (error.extensions['code'] !== 'PERSISTED_QUERY_MISMATCH') return error;
  return new GraphQLError('provided sha does not match query', {
    extensions: { code: 'BAD_REQUEST', http: { status: 400 } },
  });
}

function finalError(error: GraphQLError, production: boolean, refused: boolean): GraphQLError {
  let message = error.message;
  const code = codeOf(error);
  let extensions: Record<string, unknown> = { ...error.extensions, ...(code ? { code } : {}) };
  if (message === yogaNoQuery) message = noQuery;
  if (production) message = message.replace(suggestion, '');
  // As Apollo in development: the stack helps whoever is writing the query; never in production.
  else if (error.stack && extensions['stacktrace'] === undefined)
    extensions = { ...extensions, stacktrace: error.stack.replace(/^[^\n]*/, `GraphQLError: ${message}`).split('\n') };
  // Refused before it ran: the caller's mistake, 400 (Apollo's status), unless already said (401, 503).
  // Yoga marks its own (`spec`) and then ignores that status for application/json; Apollo does not.
  if (refused) {
    const http = extensions['http'] as { status?: number; spec?: boolean } | undefined;
    const status = http?.status === undefined || http.status === 404 || http.status === 200 ? 400 : http.status;
    extensions = { ...extensions, http: { status } };
  }
  return new GraphQLError(message, {
    ...(error.nodes ? { nodes: error.nodes } : {}),
    ...(error.path ? { path: error.path } : {}),
    extensions,
  });
}

function withExtensions(error: GraphQLError, extensions: Record<string, unknown>): GraphQLError {
  return new GraphQLError(error.message, {
    ...(error.nodes ? { nodes: error.nodes } : {}),
    ...(error.source ? { source: error.source } : {}),
    ...(error.positions ? { positions: error.positions } : {}),
    extensions: { ...error.extensions, ...extensions },
  });
}

const simpleContentTypes = new Set(['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data']);
const preflightHeaders = ['x-apollo-operation-name', 'apollo-require-preflight'];
const csrfMessage =
  'This operation has been blocked as a potential Cross-Site Request Forgery (CSRF). Please either specify a content-type header ' +
  '(with a type that is not one of application/x-www-form-urlencoded, multipart/form-data, text/plain) or provide a non-empty value ' +
  'for one of the following headers: x-apollo-operation-name, apollo-require-preflight';

function listen(server: http.Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') reject(new PortInUseError(`port ${port} on ${host} is already in use`));
      else reject(error);
    };
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolve();
    });
  });
}
