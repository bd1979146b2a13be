import { createPrivateKey } from 'node:crypto';
import path from 'node:path';
import { z } from 'zod';
import { defaultAudience, defaultIssuer } from './auth/development';
import { internalTokenSecret } from './auth/internal-token';
import { eventBusEnvironment } from './events/create-event-bus';
import { hardeningEnvironment } from './hardening';
import { notificationsEnvironment } from './notifications-config';
import { defaultReferenceDataDir, repositoryRoot } from './paths';

/** A configuration value that cannot be used. The message is one line naming the variable. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

export const port = z.coerce.number().int().min(0).max(65535);

const databaseUrl = z
  .string()
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === 'mysql:' || url.protocol === 'mariadb:') && url.hostname !== '';
    } catch {
      return false;
    }
  }, 'must be a URL of the form mysql://user:password@host:port')
  .optional();

/** Variables every process of the graph reads. */
export const commonEnvironment = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  HOST: z.string().min(1).default('127.0.0.1'),
  ...hardeningEnvironment.shape,
});

/**
 * How a caller's own token is checked, wherever it is checked: the gateway, or a subgraph behind a
 * Router (`SUBGRAPH_AUTH=jwks`). The same names, defaults and bounds in both places.
 */
export const callerTokenEnvironment = z.object({
  /** The identity provider's key set; only asymmetric keys are accepted against it. */
  AUTH_JWKS_URL: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).optional(),
  AUTH_ISSUER: z.string().min(1).default(defaultIssuer),
  AUTH_AUDIENCE: z.string().min(1).default(defaultAudience),
  /** The longest a caller's token may live, issue to expiry; a longer one is refused. */
  AUTH_MAX_TOKEN_LIFETIME_SECONDS: z.coerce.number().int().min(60).max(86_400).default(3600),
  /** Clock difference forgiven on `exp`, `nbf` and `iat`. */
  AUTH_CLOCK_TOLERANCE_SECONDS: z.coerce.number().int().min(0).max(300).default(30),
});

/** Metrics and traces: both off the request's critical path, both safe to leave at their defaults. */
export const observabilityEnvironment = z.object({
  /**
   * A scraper's bearer token for `/metrics`. Set, every scrape must carry it; unset, `/metrics` is
   * open in development and not served at all in production.
   */
  METRICS_TOKEN: z.string().min(32, 'must be at least 32 characters').optional(),
  /** An OTLP/HTTP collector (e.g. http://otel-collector:4318); unset, no span is made at all. */
  OTEL_EXPORTER_OTLP_ENDPOINT: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).optional(),
  /** The share of new traces kept (a trace the gateway started keeps the gateway's decision). */
  OTEL_TRACES_SAMPLER_ARG: z.coerce.number().min(0).max(1).default(1),
});

/** Variables of a subgraph process. */
export const subgraphEnvironment = commonEnvironment.extend({
  PORT: port.optional(),
  DATABASE_URL: databaseUrl,
  DATABASE_NAME_PREFIX: z
    .string()
    .regex(/^[a-z][a-z0-9_]{0,40}$/, 'must be lower-case letters, digits and underscores')
    .default('safeguarding_'),
  DATA_DIR: z.string().min(1).default(path.join(repositoryRoot, 'data')),
  REFERENCE_DATA_DIR: z.string().min(1).default(defaultReferenceDataDir),
  /** A gov.uk bank-holidays.json; defaults to REFERENCE_DATA_DIR's. Replaceable without a release. */
  BANK_HOLIDAYS_FILE: z.string().min(1).optional(),
  DEMO_DATA: booleanFlag.default(false),
  /** Verifies the gateway's identity tokens; unset, the subgraph serves anonymous callers only. */
  INTERNAL_TOKEN_SECRET: internalTokenSecret.optional(),
  /**
   * The body limit for requests the gateway vouches for (a valid identity token), instead of
   * BODY_LIMIT_BYTES: an entity fetch carries every representation of a page and grows past a
   * client's limit while the client's own request, bounded by the gateway's limits, stays within it.
   */
  INTERNAL_BODY_LIMIT_BYTES: z.coerce.number().int().min(1).default(16_777_216),
  /** Federated traces (`apollo-federation-include-trace: ftv1`) for a gateway that reports usage; off unless set. */
  FEDERATION_INLINE_TRACES: booleanFlag.default(false),
  /**
   * Who vouches for a caller: `internal`, the gateway's signed identity token only; `jwks`, also
   * the caller's own JWT, as a Router propagates it, verified against AUTH_JWKS_URL.
   */
  SUBGRAPH_AUTH: z.enum(['internal', 'jwks']).default('internal'),
  ...callerTokenEnvironment.shape,
  ...observabilityEnvironment.shape,
  ...eventBusEnvironment.shape,
  ...notificationsEnvironment.shape,
  /**
   * Keys the audit chain (HMAC-SHA256). Kept outside the database so that its administrators
   * cannot rewrite a record and recompute the chain. Required in production (see startSubgraph).
   */
  AUDIT_HMAC_KEY: z.string().min(32, 'must be at least 32 characters').optional(),
  /**
   * Seals the graph-wide key of a child (the references linked to it). Every subgraph must hold the
   * same one. Required in production (see startSubgraph); elsewhere, unset, it is derived from
   * INTERNAL_TOKEN_SECRET, which they share already.
   */
  CHILD_KEY_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  /** Signs checkpoints of the audit chain's head: an Ed25519 private key, PKCS#8 PEM. Required in production. */
  AUDIT_SIGNING_KEY: z
    .string()
    .refine((pem) => {
      try {
        return createPrivateKey(pem).asymmetricKeyType === 'ed25519';
      } catch {
        return false;
      }
    }, 'must be an Ed25519 private key in PKCS#8 PEM (openssl genpkey -algorithm ed25519)')
    .optional(),
});

export type CommonConfig = z.infer<typeof commonEnvironment>;
export type SubgraphConfig = z.infer<typeof subgraphEnvironment>;

/**
 * Parses the environment once. The first problem found is reported as one line naming the
 * variable, because an operator reading a container log needs the culprit, not a zod dump.
 */
export function parseEnvironment<S extends z.ZodType>(
  schema: S,
  env: Record<string, string | undefined> = process.env,
): z.infer<S> {
  // An empty variable (FOO= in a compose file) means "not set", not "set to nothing".
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const result = schema.safeParse(cleaned);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const variable = issue?.path.join('.') || 'environment';
  throw new ConfigError(`${variable}: ${issue?.message ?? 'invalid value'}`);
}

/** For process entry points: a bad configuration stops the process with one line and exit 1. */
export function loadEnvironmentOrExit<S extends z.ZodType>(schema: S, processName: string): z.infer<S> {
  try {
    return parseEnvironment(schema);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${processName}: configuration error: ${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}
