import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { todayInLondon, type WorkingDayCalendar } from './calendar';
import { AccessScope } from './identity';
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
  readonly requestId: string;
  /** Who is asking; the security layer fills it from the gateway's verified identity. */
  readonly scope: AccessScope;
  readonly db: DataSource;
  readonly logger: Logger;
  readonly loaders: LoaderRegistry;
  readonly reference: ReferenceData;
  readonly calendar: WorkingDayCalendar;
  /** Today in England, fixed for the whole request so every deadline agrees. */
  readonly today: string;
}

export function createSubgraphContext(
  runtime: SubgraphRuntime,
  requestId: string | undefined,
  scope: AccessScope = AccessScope.anonymous,
): SubgraphContext {
  const id = requestId && /^[\w-]{1,64}$/.test(requestId) ? requestId : randomUUID();
  return {
    requestId: id,
    scope,
    db: runtime.db,
    logger: runtime.logger.child({ requestId: id }),
    loaders: new LoaderRegistry(),
    reference: runtime.reference,
    calendar: runtime.calendar,
    today: todayInLondon(runtime.now()),
  };
}
