import { createPrivateKey } from 'node:crypto';
import path from 'node:path';
import { z } from 'zod';
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
  /** Federated traces (`apollo-federation-include-trace: ftv1`) for a gateway that reports usage; off unless set. */
  FEDERATION_INLINE_TRACES: booleanFlag.default(false),
  ...eventBusEnvironment.shape,
  ...notificationsEnvironment.shape,
  /**
   * Keys the audit chain (HMAC-SHA256). Kept outside the database so that its administrators
   * cannot rewrite a record and recompute the chain. Required in production (see startSubgraph).
   */
  AUDIT_HMAC_KEY: z.string().min(32, 'must be at least 32 characters').optional(),
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
