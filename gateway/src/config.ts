import {
  commonEnvironment,
  defaultAudience,
  defaultIssuer,
  internalTokenSecret,
  observabilityEnvironment,
  port,
} from '@safeguarding/shared';
import { z } from 'zod';
import { supergraphPath } from './compose';

const url = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).optional();

/** Variables of the gateway process. */
export const gatewayEnvironment = commonEnvironment.extend({
  PORT: port.default(4000),
  SUPERGRAPH_PATH: z.string().min(1).default(supergraphPath),
  PARTNERSHIPS_URL: url,
  AGENCIES_URL: url,
  SCHOOLS_URL: url,
  REVIEWS_URL: url,
  ESCALATIONS_URL: url,
  NOTIFICATIONS_URL: url,
  /** The identity provider's key set; required in production, where only asymmetric keys are accepted. */
  AUTH_JWKS_URL: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).optional(),
  /** A shared HS256 key for development; refused in production. Unset: the public development key. */
  AUTH_JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  AUTH_ISSUER: z.string().min(1).default(defaultIssuer),
  AUTH_AUDIENCE: z.string().min(1).default(defaultAudience),
  /** The longest a caller's token may live, issue to expiry; a longer one is refused. One hour by default. */
  AUTH_MAX_TOKEN_LIFETIME_SECONDS: z.coerce.number().int().min(60).max(86_400).default(3600),
  /** Clock difference forgiven on `exp`, `nbf` and `iat`. */
  AUTH_CLOCK_TOLERANCE_SECONDS: z.coerce.number().int().min(0).max(300).default(30),
  INTERNAL_TOKEN_SECRET: internalTokenSecret,
  /** The longest one subgraph request may take before its fields fail with SERVICE_UNAVAILABLE. */
  SUBGRAPH_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  /** A manifest `{ sha256: document }`; set, the gateway runs registered operations only and APQ is off. */
  TRUSTED_DOCUMENTS_PATH: z.string().min(1).optional(),
  /** GraphiQL on GET /graphql, from bundled assets: on in development, off in production unless `on`. */
  GRAPHIQL: z.enum(['on', 'off'], { error: 'must be on or off' }).optional(),
  /** METRICS_TOKEN, OTEL_EXPORTER_OTLP_ENDPOINT, OTEL_TRACES_SAMPLER_ARG: as for the subgraphs. */
  ...observabilityEnvironment.shape,
});

/** Rules between variables, checked after each variable is valid on its own. */
export function checkGatewayEnvironment(config: {
  NODE_ENV: string;
  AUTH_JWKS_URL?: string | undefined;
  AUTH_JWT_SECRET?: string | undefined;
}): string | null {
  if (config.NODE_ENV !== 'production') return null;
  if (!config.AUTH_JWKS_URL)
    return "AUTH_JWKS_URL: required in production (tokens are verified against the identity provider's keys)";
  if (config.AUTH_JWT_SECRET) return 'AUTH_JWT_SECRET: not accepted in production; use AUTH_JWKS_URL';
  return null;
}
