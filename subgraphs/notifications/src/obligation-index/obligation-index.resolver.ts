import { Args, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { Policy, type SubgraphContext } from '@safeguarding/shared';
import { ObligationIndexService, totalOf } from './obligation-index.service';
import { DueCounts, ObligationConnection, WhatIsDueArgs } from './obligation.type';

@Resolver()
export class WhatIsDueResolver {
  @Policy({ who: 'signed-in' })
  @Query(() => ObligationConnection, {
    description:
      "Every open statutory obligation you may see, soonest due first: your organisation's, your partnership's (its staff) and, for the Panel, national ones (Children Act 2004 s16C–s16G; Working Together 2023)",
  })
  whatIsDue(@Args() args: WhatIsDueArgs, @Ctx() ctx: SubgraphContext): Promise<ObligationConnection> {
    return new ObligationIndexService(ctx).whatIsDue(args);
  }
}

@Resolver(() => ObligationConnection)
export class ObligationConnectionResolver {
  @FieldResolver(() => Int, { description: 'How many open obligations match the whole filter' })
  async totalCount(@Root() connection: ObligationConnection): Promise<number> {
    return totalOf(await connection.aggregate(), connection.statuses);
  }

  @FieldResolver(() => DueCounts, {
    description: 'Pending, due today and overdue under the filter (its statuses aside)',
  })
  counts(@Root() connection: ObligationConnection): Promise<DueCounts> {
    return connection.aggregate();
  }
}
