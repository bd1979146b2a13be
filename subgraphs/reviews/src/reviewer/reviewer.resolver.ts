import { Arg, Args, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { DateScalar, PageArgs, Role, type Connection, type SubgraphContext, Policy } from '@safeguarding/shared';
import { ReviewerConnection } from './reviewer-connection.type';
import { Reviewer } from './reviewer.entity';
import { AddReviewerInput } from './reviewer.input';
import { ReviewerService } from './reviewer.service';

@Resolver(() => Reviewer)
export class ReviewerResolver {
  @Policy({ who: 'anyone', why: 'lists reviewers, not cases' })
  @Query(() => ReviewerConnection, {
    description:
      "The Child Safeguarding Practice Review Panel's public pool of reviewers (public), by name, a page at a time",
  })
  reviewerPool(
    @Arg('inPoolOnly', () => Boolean, { defaultValue: true }) inPoolOnly: boolean,
    @Args() args: PageArgs,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Connection<Reviewer>> {
    return new ReviewerService(ctx).pool(inPoolOnly, args);
  }

  @Policy({ who: [Role.PANEL_MEMBER] })
  @Mutation(() => Reviewer, { description: 'Panel members: adds a reviewer to the pool' })
  addReviewerToPool(@Arg('input') input: AddReviewerInput, @Ctx() ctx: SubgraphContext): Promise<Reviewer> {
    return new ReviewerService(ctx).add(input);
  }

  @Policy({ who: [Role.PANEL_MEMBER] })
  @Mutation(() => Reviewer, { description: 'Panel members: records that a reviewer left the pool' })
  removeReviewerFromPool(
    @Arg('id', () => ID) id: string,
    @Arg('leftPoolOn', () => DateScalar) leftPoolOn: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Reviewer> {
    return new ReviewerService(ctx).leave(id, leftPoolOn);
  }
}
