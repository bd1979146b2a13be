import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { todayInLondon, type WorkingDayCalendar } from './calendar';
import { AccessScope, type Channel } from './identity';
import { LoaderRegistry } from './loaders';
import type { Logger } from './logger';
import type { ReferenceData } from './reference-data';

/** What a subgraph process holds for its whole life and lends to every request. */
export interface SubgraphRuntime {
  readonly db: DataSource;
  readonly logger: Logger;
  readonly reference: ReferenceData;
  readonly calendar: WorkingDayCalendar;
  /** Injected so that tests can stand on a chosen day; statutory days are London days. */
  readonly now: () => Date;
}

/** What every resolver of every subgraph receives. */
export interface SubgraphContext {
  /** Minted by the gateway (or here, for a direct call): never the client's choice. */
  readonly requestId: string;
  /** The `x-request-id` a client sent, kept for its own correlation only. */
  readonly clientRequestId: string | null;
  /** Who is asking, from the gateway's verified token; anonymous otherwise. */
  readonly scope: AccessScope;
  readonly channel: Channel;
  /** The name the client gave its operation: a label kept in the audit trail apart from what the server derives. */
  readonly clientOperationName: string | null;
  readonly db: DataSource;
  readonly logger: Logger;
  readonly loaders: LoaderRegistry;
  readonly reference: ReferenceData;
  readonly calendar: WorkingDayCalendar;
  /** Today in England, fixed for the whole request so every deadline agrees. */
  readonly today: string;
  /** The request's instant, from the same clock as `today` (a test's pinned clock included). */
  readonly now: Date;
  /** The gateway's token vouches for the request: the gateway applied the public query limits already. */
  readonly limitedUpstream: boolean;
}

export interface RequestOrigin {
  readonly requestId?: string | undefined;
  readonly clientRequestId?: string | null;
  readonly scope?: AccessScope;
  readonly channel?: Channel;
  readonly clientOperationName?: string | null;
  readonly limitedUpstream?: boolean;
}

export function createSubgraphContext(runtime: SubgraphRuntime, origin: RequestOrigin = {}): SubgraphContext {
  const requestId = origin.requestId;
  const id = requestId && /^[\w-]{1,64}$/.test(requestId) ? requestId : randomUUID();
  const now = runtime.now();
  // Most requests log nothing, and pino's child (its bindings serialised and redacted) showed in the
  // profile of every request: it is made when first asked for.
  let logger: Logger | undefined;
  return {
    requestId: id,
    clientRequestId: origin.clientRequestId ?? null,
    scope: origin.scope ?? AccessScope.anonymous,
    channel: origin.channel ?? 'direct',
    clientOperationName: origin.clientOperationName ?? null,
    db: runtime.db,
    get logger() {
      return (logger ??= runtime.logger.child({ requestId: id }));
    },
    loaders: new LoaderRegistry(),
    reference: runtime.reference,
    calendar: runtime.calendar,
    today: todayInLondon(now),
    now,
    limitedUpstream: origin.limitedUpstream ?? false,
  };
}
