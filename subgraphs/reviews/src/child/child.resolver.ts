import { Ctx, Directive, FieldResolver, Resolver, Root } from 'type-graphql';
import { ChildRecordHolding, Policy, type SubgraphContext } from '@safeguarding/shared';
import { Child } from './child.entity';
import { ChildService } from './child.service';

@Resolver(() => Child)
export class ChildDeathReviewHoldingsResolver {
  // Inaccessible: only the picture (escalations' Child.involvements) reads it, and decides who sees what.
  @FieldResolver(() => [ChildRecordHolding], {
    nullable: true,
    description: "The child death review partners reviewing the child's death",
  })
  @Policy({ who: 'signed-in' })
  @Directive('@inaccessible')
  childDeathReviewHoldings(@Root() child: Child, @Ctx() ctx: SubgraphContext): Promise<ChildRecordHolding[]> {
    return new ChildService(ctx).childDeathReviewHoldings(child);
  }

  // Inaccessible likewise.
  @FieldResolver(() => [ChildRecordHolding], {
    nullable: true,
    description:
      'The local authorities that notified a serious incident naming the child (Children Act 2004 s16C), and the rapid reviews of it',
  })
  @Policy({ who: 'signed-in' })
  @Directive('@inaccessible')
  seriousIncidentHoldings(@Root() child: Child, @Ctx() ctx: SubgraphContext): Promise<ChildRecordHolding[]> {
    return new ChildService(ctx).seriousIncidentHoldings(child);
  }
}
