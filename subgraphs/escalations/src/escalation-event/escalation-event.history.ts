import { connection, nestedPage, type Connection, type PageArgs, type SubgraphContext } from '@safeguarding/shared';
import { EscalationEventConnection } from './escalation-event-connection.type';
import type { EscalationEvent } from './escalation-event.entity';
import { EscalationEventRepository, historyOrder } from './escalation-event.repository';

/**
 * A page of one escalation's history, oldest first, for every escalation of the fetch in one
 * statement. Reached only through an escalation the caller could see, which was audited then.
 */
export async function historyPage(
  ctx: SubgraphContext,
  list: string,
  streamId: string,
  args: PageArgs,
): Promise<Connection<EscalationEvent>> {
  const repository = () => new EscalationEventRepository(ctx.db.manager, ctx.scope);
  const page = await nestedPage<EscalationEvent>({
    list,
    loaders: ctx.loaders,
    parent: streamId,
    args,
    order: historyOrder,
    parentOf: (row) => row.streamId,
    rows: (ids, after, limit) => repository().pagesOfStreams(ids, after, limit),
    count: (ids) => repository().countsOfStreams(ids),
  });
  return connection(EscalationEventConnection, page, page.count);
}
