import { randomUUID } from 'node:crypto';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { GraphQLError } from 'graphql';
import {
  clientRequestId,
  ErrorCode,
  exampleOperationsDir,
  internalIdentityHeader,
  signInternalToken,
  startHttpService,
  type HardeningConfig,
  type Identity,
  type Logger,
  type RunningHttpService,
  type SubgraphName,
  type TrustedDocuments,
} from '@safeguarding/shared';
import type { Authenticator } from './authentication';
import { mountGraphiql } from './graphiql';
import { startHiveGateway } from './hive-gateway';
import { GatewayObservability, noteCaller, type GatewayObservabilityOptions } from './observability';
import {
  allSubgraphsReady,
  Circuit,
  createUpstreamFetcher,
  defaultUpstreamOptions,
  isTimeout,
  SubgraphUnavailableError,
  tooLargeResponse,
  unavailableResponse,
  type UpstreamOptions,
} from './upstream';

export interface GatewayOptions {
  readonly supergraphSdl: string;
  /** Overrides of the URLs written in the supergraph, e.g. container host names. */
  readonly subgraphUrls: Partial<Record<SubgraphName, string>>;
  readonly host: string;
  readonly port: number;
  readonly logger: Logger;
  readonly production: boolean;
  readonly authenticator: Authenticator;
  /** Signs the short-lived identity token each subgraph verifies. */
  readonly internalTokenSecret: string;
  readonly hardening?: HardeningConfig;
  /** Production option: registered operations only. */
  readonly trustedDocuments?: TrustedDocuments;
  /**
   * Pass the caller's own Authorization header to the subgraphs instead of minting the internal
   * token, as Apollo Router's header propagation does (subgraphs with SUBGRAPH_AUTH=jwks): proves
   * the Router path without a Router binary.
   */
  readonly forwardAuthorization?: boolean;
  /**
   * GraphiQL from bundled assets on a browser's GET /graphql; on unless production. In production
   * introspection stays off, so the IDE there runs operations without the schema's docs.
   */
  readonly graphiql?: boolean;
  /** The example operations GraphiQL opens as tabs; the repository's examples/operations unless given. */
  readonly examplesDir?: string;
  /** Timeout, keep-alive and circuit of the requests to the subgraphs. */
  readonly upstream?: Partial<UpstreamOptions>;
  /** Metrics at /metrics, a span per request and per subgraph fetch, an access line per request. */
  readonly observability?: GatewayObservabilityOptions;
  /** `apollo` (default): @apollo/gateway in Apollo Server; `hive`: Hive Gateway with the Rust planner. */
  readonly engine?: GatewayEngine;
}

export type GatewayEngine = 'apollo' | 'hive';

interface GatewayContext {
  /** Minted here for every request: a client cannot choose the id its reads are audited under. */
  readonly requestId: string;
  readonly clientRequestId: string | null;
  readonly identity: Identity | null;
  /** The caller's header as received, for `forwardAuthorization` only. */
  readonly authorization: string | undefined;
}

/**
 * A subgraph refuses a request it cannot accept (a custom scalar the gateway cannot check, such as
 * an impossible Date) with HTTP 400 and a GraphQL error it has already formatted. Apollo's data
 * source would replace that with "400: Bad Request"; the caller deserves the subgraph's message.
 */
class SubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  // Set after construction: Apollo's constructor assigns its config, which a field initialiser would overwrite.
  declare serviceName: string;
  declare timeoutMs: number;

  /**
   * A subgraph that cannot be reached, is too slow or has its circuit open answers, in effect, that
   * it is unavailable: its fields become SERVICE_UNAVAILABLE errors at their paths, and the other
   * subgraphs' fields are still served.
   */
  override async process(
    options: Parameters<RemoteGraphQLDataSource<GatewayContext>['process']>[0],
  ): ReturnType<RemoteGraphQLDataSource<GatewayContext>['process']> {
    try {
      return await super.process(options);
    } catch (error) {
      // A timeout can also fire while Apollo reads the body, after the fetch itself returned.
      const document = 'document' in options ? options.document : undefined;
      if ((error as { extensions?: { code?: unknown } } | null)?.extensions?.code === ErrorCode.PAYLOAD_TOO_LARGE)
        return tooLargeResponse(this.serviceName, options.request, document);
      const reason = error instanceof SubgraphUnavailableError ? error.reason : isTimeout(error) ? 'timeout' : null;
      if (!reason) throw error;
      return unavailableResponse(this.serviceName, reason, this.timeoutMs, options.request, document);
    }
  }

  override async errorFromResponse(
    response: Parameters<RemoteGraphQLDataSource['errorFromResponse']>[0],
  ): Promise<GraphQLError> {
    // Placed at the fields' paths by `process`; the subgraph's own message names a limit the caller never set.
    if (response.status === 413)
      return new GraphQLError('payload too large', { extensions: { code: ErrorCode.PAYLOAD_TOO_LARGE } });
    const fallback = await super.errorFromResponse(response.clone());
    const body = (fallback.extensions['response'] as { body?: unknown } | undefined)?.body;
    const first = (body as { errors?: Array<{ message?: unknown; extensions?: Record<string, unknown> }> } | null)
      ?.errors?.[0];
    const code = first?.extensions?.['code'];
    if (response.status === 400 && typeof first?.message === 'string' && typeof code === 'string') {
      const { stacktrace: _dropped, ...extensions } = first.extensions ?? {};
      return new GraphQLError(first.message, { extensions: { ...extensions, code } });
    }
    return fallback;
  }
}

export async function startGateway(options: GatewayOptions): Promise<RunningHttpService> {
  if (options.engine === 'hive') return startHiveGateway(options);
  const resolvedUrls = new Map<string, string>();
  const upstream: UpstreamOptions = { ...defaultUpstreamOptions, ...options.upstream };
  const fetchers: Array<ReturnType<typeof createUpstreamFetcher>> = [];
  const observability = new GatewayObservability(options.observability ?? {}, options.logger, options.production);
  const gateway = new ApolloGateway({
    supergraphSdl: options.supergraphSdl,
    logger: options.logger,
    buildService: ({ name, url }) => {
      const target = options.subgraphUrls[name as SubgraphName] ?? url;
      if (!target) throw new Error(`no URL for subgraph ${name}`);
      resolvedUrls.set(name, target);
      const fetcher = observability.observeFetcher(name, createUpstreamFetcher(upstream, new Circuit(upstream)));
      fetchers.push(fetcher);
      const source = new SubgraphDataSource({
        url: target,
        // One circuit per subgraph: one service's outage never fails another's requests fast.
        // undici's Response is what Apollo's fetcher contract reads at run time; only the typings differ.
        fetcher: fetcher as never,
        willSendRequest: async (sent) => {
          // Only a client's operation has a context of ours; the gateway serves a fixed supergraph
          // with no health checks, so Apollo sends nothing else.
          if (!('incomingRequestContext' in sent)) return;
          const { request, context } = sent;
          // One id follows the request through every subgraph's logs.
          request.http?.headers.set('x-request-id', context.requestId);
          // Sent for anonymous callers too: the subgraph then knows the request came through here.
          // Resolved from the document by Apollo, so a client that names its operation only in the
          // query text is still named in the audit trail.
          const incoming = sent.incomingRequestContext;
          const operationName = incoming.operationName ?? incoming.request.operationName ?? null;
          if (options.forwardAuthorization) {
            if (context.authorization) request.http?.headers.set('authorization', context.authorization);
            return;
          }
          // Bound to this one subgraph request: a token seen on the way opens no other query.
          request.http?.headers.set(
            internalIdentityHeader,
            await signInternalToken(
              {
                identity: context.identity,
                operationName,
                requestId: context.requestId,
                clientRequestId: context.clientRequestId,
                operation: { query: request.query, operationName: request.operationName, variables: request.variables },
              },
              options.internalTokenSecret,
            ),
          );
        },
      });
      source.serviceName = name;
      source.timeoutMs = upstream.timeoutMs;
      return source;
    },
  });
  const graphiql = options.graphiql ?? !options.production;
  const service = await startHttpService<GatewayContext>({
    name: 'gateway',
    host: options.host,
    port: options.port,
    logger: options.logger,
    production: options.production,
    graphql: { gateway },
    ...(options.hardening ? { hardening: options.hardening } : {}),
    ...(options.trustedDocuments ? { trustedDocuments: options.trustedDocuments } : {}),
    // Apollo's own page loads Sandbox from a CDN: blank without internet, so never offered here.
    ...(options.production ? {} : { plugins: [ApolloServerPluginLandingPageDisabled()] }),
    ...(graphiql
      ? {
          routes: (app: Parameters<typeof mountGraphiql>[0]) =>
            mountGraphiql(app, { examplesDir: options.examplesDir ?? exampleOperationsDir }),
        }
      : {}),
    observability,
    context: async (request) => {
      const requestId = randomUUID();
      // Before the credential is checked, so that a refused request's access line has its id too.
      noteCaller(request, { requestId });
      const context: GatewayContext = {
        requestId,
        clientRequestId: clientRequestId(request.header('x-request-id')),
        identity: await options.authenticator.authenticate(request.header('authorization')),
        authorization: options.forwardAuthorization ? request.header('authorization') : undefined,
      };
      noteCaller(request, context);
      return context;
    },
    ready: () => allSubgraphsReady([...resolvedUrls.values()]),
  });
  return {
    url: service.url,
    port: service.port,
    stop: async () => {
      await service.stop();
      await Promise.all(fetchers.map((fetcher) => fetcher.close()));
      await observability.shutdown();
    },
  };
}
