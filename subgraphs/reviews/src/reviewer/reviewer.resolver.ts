import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { DateScalar, Role, type SubgraphContext } from '@safeguarding/shared';
import { Reviewer } from './reviewer.entity';
import { AddReviewerInput } from './reviewer.input';
import { ReviewerService } from './reviewer.service';

@Resolver(() => Reviewer)
export class ReviewerResolver {
  @Query(() => [Reviewer], { description: 'The Panel\'s public pool of reviewers (public)' })
  reviewerPool(
    @Arg('inPoolOnly', () => Boolean, { defaultValue: true }) inPoolOnly: boolean,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Reviewer[]> {
    return new ReviewerService(ctx).pool(inPoolOnly);
  }

  @Authorized(Role.PANEL_MEMBER)
  @Mutation(() => Reviewer, { description: 'Panel members: adds a reviewer to the pool' })
  addReviewerToPool(@Arg('input') input: AddReviewerInput, @Ctx() ctx: SubgraphContext): Promise<Reviewer> {
    return new ReviewerService(ctx).add(input);
  }

  @Authorized(Role.PANEL_MEMBER)
  @Mutation(() => Reviewer, { description: 'Panel members: records that a reviewer left the pool' })
  removeReviewerFromPool(
    @Arg('id', () => ID) id: string,
    @Arg('leftPoolOn', () => DateScalar) leftPoolOn: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Reviewer> {
    return new ReviewerService(ctx).leave(id, leftPoolOn);
  }
}
