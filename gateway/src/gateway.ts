import type { HardeningConfig, Logger, RunningHttpService, SubgraphName, TrustedDocuments } from '@safeguarding/shared';
import type { Authenticator } from './authentication';
import { startHiveGateway } from './hive-gateway';
import type { GatewayObservabilityOptions } from './observability';
import type { UpstreamOptions } from './upstream';

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
}

/**
 * The graph's one entry point: Hive Gateway (MIT) with the Rust query planner serving the committed
 * supergraph behind our HTTP edge (hive-gateway.ts).
 */
export function startGateway(options: GatewayOptions): Promise<RunningHttpService> {
  return startHiveGateway(options);
}
