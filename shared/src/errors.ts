import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { DatabaseBusyError, isBusy } from './database';
import type { Logger } from './logger';

/** The stable codes integrators switch on. Never rename one; add new ones instead. */
export const ErrorCode = {
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  NOT_FOUND: 'NOT_FOUND',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  CONFLICT: 'CONFLICT',
  /** Retryable: the service or its database cannot take the request now; nothing was changed. */
  SERVICE_UNAVAILABLE: 'SERVICE_UNAVAILABLE',
  /** Retryable: the identity provider's keys could not be fetched, so no token can be checked now. */
  IDENTITY_PROVIDER_UNAVAILABLE: 'IDENTITY_PROVIDER_UNAVAILABLE',
  /** A request larger than its receiver accepts (a client's body, or the gateway's request to a subgraph); not retryable as it is. */
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** An error whose message is written for the caller and is safe to show them. */
export class DomainError extends GraphQLError {
  constructor(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}) {
    super(message, { extensions: { ...extensions, code } });
  }
}

/** Input that can never succeed as sent. `field` is the path of the offending input field. */
export class BadUserInputError extends DomainError {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(ErrorCode.BAD_USER_INPUT, `${field}: ${message}`, { field });
  }
}

export class NotFoundError extends DomainError {
  constructor(entity: string, id: string) {
    super(ErrorCode.NOT_FOUND, `${entity} ${id} was not found`, { entity });
  }
}

export class UnauthenticatedError extends DomainError {
  constructor(message = 'Sign in to see this: it is not public', extensions: Record<string, unknown> = {}) {
    super(ErrorCode.UNAUTHENTICATED, message, extensions);
  }
}

/** A credential that was presented and refused: the whole request fails with HTTP 401. */
export function refusedCredential(message: string): UnauthenticatedError {
  return new UnauthenticatedError(message, { http: { status: 401 } });
}

/** The identity provider's key set cannot be had: the whole request fails with HTTP 503, retryable. */
export function identityProviderUnavailable(): DomainError {
  return new DomainError(
    ErrorCode.IDENTITY_PROVIDER_UNAVAILABLE,
    'The identity provider cannot be reached to check the token; try again shortly',
    { retryable: true, http: { status: 503 } },
  );
}

/** What a refusal was about, for the audit trail's REFUSED record: ids only, never content. */
export interface RefusalTarget {
  readonly entityType: string;
  readonly entityId: string;
  /** The partnership whose trail should show the attempt, when the refusing code knows it. */
  readonly partnershipId?: string | null;
}

export class ForbiddenError extends DomainError {
  constructor(
    message = 'Your organisation may not do this',
    /** Not part of the response: read by the audit plugin, which records the attempt. */
    readonly target: RefusalTarget | null = null,
  ) {
    super(ErrorCode.FORBIDDEN, message);
  }
}

/** The request conflicts with the current state (a rule between records, not a malformed field). */
export class ConflictError extends DomainError {
  constructor(message: string, extensions: Record<string, unknown> = {}) {
    super(ErrorCode.CONFLICT, message, extensions);
  }
}

// Errors raised by GraphQL itself before any resolver ran: about the request, safe to echo.
const requestLevelCodes = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);

/**
 * Apollo Server's formatError: domain errors and request errors pass through; anything else is
 * logged in full and replaced by a generic message, so no SQL, stack or record content leaks.
 */
export function createErrorFormatter(logger: Logger, options: { exposeStack: boolean }) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const unwrapped = unwrapResolverError(error);
    // graphql-js wraps what a resolver threw in a GraphQLError; judge the thrown thing itself.
    const original = unwrapped instanceof GraphQLError && unwrapped.originalError ? unwrapped.originalError : unwrapped;
    if (original instanceof DomainError) {
      return withoutStack(formatted, options.exposeStack);
    }
    const code = formatted.extensions?.['code'];
    // A subgraph's error relayed by the gateway keeps its code: it was formatted once already.
    if (typeof code === 'string' && (requestLevelCodes.has(code) || isDomainCode(code)) && !isResolverCrash(original)) {
      return withoutStack(formatted, options.exposeStack);
    }
    // Apollo's own refusals of a request's form (an unsupported persisted-query version) carry no code:
    // raised by the framework about the request (no cause, no path), never by a resolver.
    if (
      original instanceof GraphQLError &&
      original.extensions['code'] === undefined &&
      !original.originalError &&
      !formatted.path
    ) {
      return withoutStack(
        { ...formatted, extensions: { ...formatted.extensions, code: 'BAD_REQUEST' } },
        options.exposeStack,
      );
    }
    if (isUniqueViolation(original)) {
      // Two writers raced past the service's own duplicate check; the database had the last word.
      return {
        message: 'A record with the same identifier was written at the same time; nothing was changed',
        ...(formatted.path ? { path: formatted.path } : {}),
        extensions: { code: ErrorCode.CONFLICT },
      };
    }
    if (isRetryable(original)) {
      return {
        message: 'The database is busy with another writer; nothing was changed, try again shortly',
        ...(formatted.path ? { path: formatted.path } : {}),
        extensions: { code: ErrorCode.SERVICE_UNAVAILABLE, retryable: true },
      };
    }
    logger.error({ err: original, path: formatted.path }, 'unexpected error');
    return {
      message: 'Internal server error',
      ...(formatted.path ? { path: formatted.path } : {}),
      extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
    };
  };
}

function isDomainCode(code: string): boolean {
  return (Object.values(ErrorCode) as string[]).includes(code) && code !== ErrorCode.INTERNAL_SERVER_ERROR;
}

// A plain Error thrown in a resolver is a bug, whatever code the framework stamped on it.
function isResolverCrash(original: unknown): boolean {
  return original instanceof Error && !(original instanceof GraphQLError);
}

function withoutStack(formatted: GraphQLFormattedError, exposeStack: boolean): GraphQLFormattedError {
  if (exposeStack || !formatted.extensions || !('stacktrace' in formatted.extensions)) return formatted;
  const { stacktrace: _dropped, ...extensions } = formatted.extensions;
  return { ...formatted, extensions };
}

/** A lock another writer held too long: SQLite still busy after our retries, or InnoDB's lock wait. */
function isRetryable(error: unknown): boolean {
  if (error instanceof DatabaseBusyError || isBusy(error)) return true;
  const code = (error as { driverError?: { code?: unknown } } | null)?.driverError?.code;
  return code === 'ER_LOCK_WAIT_TIMEOUT' || code === 'ER_LOCK_DEADLOCK';
}

function isUniqueViolation(error: unknown): boolean {
  const driverError = (error as { driverError?: { code?: unknown } } | null)?.driverError;
  const code = driverError?.code;
  return code === 'ER_DUP_ENTRY' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}
