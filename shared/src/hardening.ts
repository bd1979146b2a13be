import net from 'node:net';
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type express from 'express';
import { GraphQLError, type ParseOptions, type ValidationRule } from 'graphql';
import { z } from 'zod';
import type { Logger } from './logger';
import { coercionErrorPlugin } from './coercion-errors';
import { callerMistakeStatusPlugin, costLimitPlugin, fieldRepetitionRule } from './query-limits';

// config.ts imports this module, so the flag cannot come from there.
const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const limit = (min: number, fallback: number) => z.coerce.number().int().min(min).default(fallback);

const originList = z.string().transform((value, ctx) => {
  const origins = value
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  for (const origin of origins) {
    if (!isExactOrigin(origin)) {
      ctx.addIssue({
        code: 'custom',
        message: `"${origin}" is not an origin; give a comma-separated list such as https://portal.example.org,https://mis.example.com (scheme, host and port only, no path)`,
      });
      return z.NEVER;
    }
  }
  return origins;
});

/** Request limits every HTTP service of the graph enforces; all have safe defaults. */
export const hardeningEnvironment = z.object({
  MAX_QUERY_DEPTH: limit(1, 10),
  /** Aliases per operation, `__typename` included: each alias is another resolution of a field. */
  MAX_ALIASES: limit(0, 15),
  MAX_DIRECTIVES: limit(0, 20),
  MAX_TOKENS: limit(1, 2000),
  /** Counted with `first`/`last` as multipliers, variables included (see query-limits.ts). */
  MAX_COST: limit(1, 5000),
  /** The same response key in one selection set, at most. */
  MAX_FIELD_REPEATS: limit(1, 3),
  BODY_LIMIT_BYTES: limit(1, 1_048_576),
  /** Requests per minute per client on /graphql; 0 disables. Unset: the process picks (see startHttpService). */
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(0).optional(),
  /** Behind one reverse proxy: take the client address from the X-Forwarded-For it appends. */
  TRUST_PROXY: booleanFlag.default(false),
  /** Browser origins allowed to call the API; empty means no cross-origin access at all. */
  CORS_ORIGINS: originList.default(() => []),
});

export type HardeningConfig = z.infer<typeof hardeningEnvironment>;

export const defaultHardening: HardeningConfig = hardeningEnvironment.parse({});

/** The gateway faces the clients; subgraphs only see the gateway, so they leave this off. */
export const gatewayRateLimitPerMinute = 600;

function isExactOrigin(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === value;
  } catch {
    return false;
  }
}

const validationFailed = 'GRAPHQL_VALIDATION_FAILED';

type ArmorConfig = NonNullable<ConstructorParameters<typeof ApolloArmor>[0]>;
type RejectCallbacks = NonNullable<NonNullable<ArmorConfig['maxDepth']>['onReject']>;

export interface GraphQLLimits {
  readonly plugins: ApolloServerPlugin[];
  readonly validationRules: ValidationRule[];
  readonly parseOptions: ParseOptions;
  readonly validationOptions: { readonly maxErrors: number };
}

/**
 * Depth, alias, directive and cost limits (GraphQL Armor's validation rules), the token limit
 * (graphql-js's own parser option) and, in production, errors without "Did you mean" hints.
 */
export function createGraphQLLimits(
  config: HardeningConfig,
  options: {
    readonly production: boolean;
    /** Requests the gateway vouches for: it applied the public limits to the client's operation already. */
    readonly limitedUpstream?: (context: BaseContext) => boolean;
  },
): GraphQLLimits {
  // Armor's own reporter uses BAD_USER_INPUT and a misleading "Syntax Error:" prefix; ours names the limit only.
  const onReject: RejectCallbacks = [
    (context, error) => {
      context?.reportError(
        new GraphQLError(error.message.replace(/^Syntax Error:\s*/, ''), { extensions: { code: validationFailed } }),
      );
    },
  ];
  const reporting = { propagateOnRejection: false, onReject, exposeLimits: true };
  const armor = new ApolloArmor({
    // Fragments measured as what they expand to: the gateway's entity fetches wrap fields in
    // `_entities { ... on T }`, and must not look deeper or dearer in a subgraph than at the gateway.
    maxDepth: { ...reporting, n: config.MAX_QUERY_DEPTH, flattenFragments: true },
    // Armor's cost counts `first` only when written as a literal; ours (costLimitPlugin) reads variables too.
    costLimit: { enabled: false },
    // Armor exempts `__typename` by default, yet a thousand `__typename` aliases still cost a resolution each.
    maxAliases: { ...reporting, n: config.MAX_ALIASES, allowList: [] },
    maxDirectives: { ...reporting, n: config.MAX_DIRECTIVES },
    // Armor's token plugin throws outside Apollo's pipeline (HTTP 500); the parser option below answers 400.
    maxTokens: { enabled: false },
    // Armor's masking leaves a stray "?" and misses "Did you mean the enum value …"; see hideSuggestions.
    blockFieldSuggestion: { enabled: false },
  }).protect();
  return {
    plugins: [
      ...armor.plugins,
      costLimitPlugin(config.MAX_COST, undefined, options.limitedUpstream),
      coercionErrorPlugin(),
      callerMistakeStatusPlugin(),
      ...(options.production ? [hideSuggestions()] : []),
    ],
    validationRules: [...armor.validationRules, fieldRepetitionRule(config.MAX_FIELD_REPEATS)],
    parseOptions: { maxLexicalTokens: config.MAX_TOKENS },
    // Validation stops at its first error: a document written to make the validator report ten
    // thousand errors costs one (the line graphql-js adds on stopping is dropped from the answer).
    validationOptions: { maxErrors: 1 },
  };
}

// Every graphql-js hint has the form "Did you mean …?"; its names are what introspection-off hides.
const suggestion = /\s*Did you mean\b[^?]*\?/g;

/** Removes schema hints from every error the service answers with, relayed subgraph errors included. */
function hideSuggestions(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          const body = response.body;
          if (body.kind !== 'single' || !body.singleResult.errors) return;
          body.singleResult.errors = body.singleResult.errors.map((error) => ({
            ...error,
            message: error.message.replace(suggestion, ''),
          }));
        },
      };
    },
  };
}

function sendError(res: express.Response, status: number, code: string, message: string): void {
  res
    .status(status)
    .type('application/json')
    .send(JSON.stringify({ errors: [{ message, extensions: { code } }] }));
}

export interface RateLimiterOptions {
  readonly perMinute: number;
  /** Clients remembered at most; the longest-remembered is forgotten first. */
  readonly maxClients?: number;
  readonly now?: () => number;
}

const windowMs = 60_000;

/**
 * Fixed one-minute windows per client address. Entries are kept in window-start order, so the
 * stale ones are always at the front of the map and are dropped as time passes.
 */
export function createRateLimiter(options: RateLimiterOptions): express.RequestHandler {
  const maxClients = options.maxClients ?? 100_000;
  const now = options.now ?? Date.now;
  const windows = new Map<string, { start: number; count: number }>();
  return (req, res, next) => {
    const time = now();
    for (const [key, window] of windows) {
      if (window.start + windowMs > time) break;
      windows.delete(key);
    }
    const key = clientKey(req.ip ?? req.socket.remoteAddress ?? 'unknown');
    let window = windows.get(key);
    if (!window) {
      if (windows.size >= maxClients) {
        const oldest = windows.keys().next();
        if (!oldest.done) windows.delete(oldest.value);
      }
      window = { start: time, count: 0 };
      windows.set(key, window);
    }
    window.count += 1;
    if (window.count <= options.perMinute) {
      next();
      return;
    }
    res.setHeader('Retry-After', String(Math.max(1, Math.ceil((window.start + windowMs - time) / 1000))));
    sendError(res, 429, 'RATE_LIMITED', `Too many requests: limit is ${options.perMinute} per minute`);
  };
}

/**
 * IPv4 addresses count one by one; an IPv6 client usually holds a whole /64 and could rotate
 * through it, so it is counted by that prefix.
 */
export function clientKey(ip: string): string {
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(ip);
  if (mapped?.[1]) return mapped[1];
  if (!net.isIPv6(ip)) return ip;
  const address = ip.split('%')[0] ?? ip;
  const [head = '', tail] = address.split('::');
  const groups = (part: string) =>
    part === '' ? [] : part.split(':').flatMap((g) => (g.includes('.') ? ['0', '0'] : [g]));
  const start = groups(head);
  const end = tail === undefined ? [] : groups(tail);
  const full =
    tail === undefined ? start : [...start, ...Array<string>(8 - start.length - end.length).fill('0'), ...end];
  return `${full
    .slice(0, 4)
    .map((g) => parseInt(g, 16).toString(16))
    .join(':')}::/64`;
}

const allowedMethods = 'GET, POST, OPTIONS';
// Apollo's CSRF headers, bearer tokens and the request id the gateway forwards.
const allowedHeaders = 'content-type, authorization, apollo-require-preflight, x-apollo-operation-name, x-request-id';

/** Cross-origin access for exactly the configured origins; everyone else gets no CORS headers. */
export function createCorsMiddleware(allowedOrigins: readonly string[]): express.RequestHandler {
  const allowed = new Set(allowedOrigins);
  return (req, res, next) => {
    const origin = req.header('origin');
    res.vary('Origin');
    const permitted = origin !== undefined && allowed.has(origin);
    if (permitted) res.setHeader('Access-Control-Allow-Origin', origin);
    if (req.method === 'OPTIONS' && req.header('access-control-request-method') !== undefined) {
      if (!permitted) {
        res.status(403).end();
        return;
      }
      res.setHeader('Access-Control-Allow-Methods', allowedMethods);
      res.setHeader('Access-Control-Allow-Headers', allowedHeaders);
      res.setHeader('Access-Control-Max-Age', '600');
      res.status(204).end();
      return;
    }
    next();
  };
}

interface HttpError {
  readonly status?: unknown;
  readonly type?: unknown;
  readonly limit?: unknown;
}

/**
 * Errors raised before GraphQL runs (mostly reading the body) as GraphQL-shaped JSON. Express's
 * own handler would answer HTML with a stack trace whenever NODE_ENV is not "production", and
 * body-parser's messages quote the body back.
 */
export function createHttpErrorHandler(logger: Logger, bodyLimitBytes: number): express.ErrorRequestHandler {
  return (error: unknown, _req, res, next) => {
    if (res.headersSent) {
      next(error);
      return;
    }
    const { status, type, limit } = (error ?? {}) as HttpError;
    if (status === 413 || type === 'entity.too.large') {
      // body-parser states the limit it applied: the gateway's requests to a subgraph have their own.
      sendError(
        res,
        413,
        'PAYLOAD_TOO_LARGE',
        `Request body is larger than the limit of ${typeof limit === 'number' ? limit : bodyLimitBytes} bytes`,
      );
    } else if (type === 'entity.parse.failed') {
      sendError(res, 400, 'BAD_REQUEST', 'Request body is not valid JSON');
    } else if (typeof status === 'number' && status >= 400 && status < 500) {
      sendError(res, status, 'BAD_REQUEST', 'Request body could not be read');
    } else {
      logger.error({ err: error }, 'unexpected HTTP error');
      sendError(res, 500, 'INTERNAL_SERVER_ERROR', 'Internal server error');
    }
  };
}
