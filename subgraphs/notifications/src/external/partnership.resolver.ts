import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { SubgraphContext } from '@safeguarding/shared';
import { ObligationIndexService } from '../obligation-index/obligation-index.service';
import { ObligationConnection, WhatIsDueArgs } from '../obligation-index/obligation.type';
import { PartnershipReference } from './partnership.type';

@Resolver(() => PartnershipReference)
export class PartnershipWhatIsDueResolver {
  @FieldResolver(() => ObligationConnection, {
    nullable: true,
    description:
      'Partnership staff: every open duty of this partnership, soonest first — reviews, child deaths, the yearly report, escalations and more (Children Act 2004 s16E–s16G; Working Together 2023)',
  })
  whatIsDue(
    @Root() partnership: PartnershipReference,
    @Args() args: WhatIsDueArgs,
    @Ctx() ctx: SubgraphContext,
  ): Promise<ObligationConnection> {
    return new ObligationIndexService(ctx).ofPartnership(partnership.id, args);
  }
}
