import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { DeadlineView, PageArgs, type Connection, type SubgraphContext, Policy } from '@safeguarding/shared';
import { PracticeReview } from '../practice-review/practice-review.entity';
import { PracticeReviewService } from '../practice-review/practice-review.service';
import { Recommendation, ReviewAction } from './recommendation.entity';
import { ReviewActionConnection } from './recommendation-connection.type';
import { AddRecommendationInput, AddReviewActionInput, ProgressReviewActionInput } from './recommendation.input';
import { RecommendationService } from './recommendation.service';

@Resolver(() => Recommendation)
export class RecommendationResolver {
  @Policy({ who: 'signed-in' })
  @FieldResolver(() => ReviewActionConnection, {
    description: 'The actions agreed against it that you may see, soonest due first, a page at a time',
  })
  actions(
    @Root() recommendation: Recommendation,
    @Args() args: PageArgs,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Connection<ReviewAction>> {
    return new RecommendationService(ctx).actionsOf(recommendation.id, args);
  }

  @FieldResolver(() => PracticeReview, { nullable: true })
  practiceReview(@Root() recommendation: Recommendation, @Ctx() ctx: SubgraphContext): Promise<PracticeReview | null> {
    return new PracticeReviewService(ctx).byId(recommendation.practiceReviewId);
  }

  @Policy({ who: 'signed-in' })
  @Mutation(() => Recommendation, {
    description: 'Adds a recommendation to a practice review, owned by an agency, a school or the partnership',
  })
  addRecommendation(@Arg('input') input: AddRecommendationInput, @Ctx() ctx: SubgraphContext): Promise<Recommendation> {
    return new RecommendationService(ctx).addRecommendation(input);
  }
}

@Resolver(() => ReviewAction)
export class ReviewActionResolver {
  @Policy({ who: 'signed-in' })
  @Query(() => ReviewAction, { nullable: true, description: 'An action, if you own it or act for its partnership' })
  reviewAction(@Arg('id', () => ID) id: string, @Ctx() ctx: SubgraphContext): Promise<ReviewAction | null> {
    return new RecommendationService(ctx).actionById(id);
  }

  @FieldResolver(() => DeadlineView, { description: 'Due on the date agreed; met when completed by then' })
  deadline(@Root() action: ReviewAction, @Ctx() ctx: SubgraphContext): DeadlineView {
    return new RecommendationService(ctx).deadline(action);
  }

  @Policy({ who: 'signed-in' })
  @FieldResolver(() => Recommendation, { nullable: true })
  recommendation(@Root() action: ReviewAction, @Ctx() ctx: SubgraphContext): Promise<Recommendation | null> {
    return new RecommendationService(ctx).recommendationById(action.recommendationId);
  }

  @Policy({ who: 'signed-in' })
  @Mutation(() => ReviewAction, { description: 'Adds an action to a recommendation, with its owner and due date' })
  addReviewAction(@Arg('input') input: AddReviewActionInput, @Ctx() ctx: SubgraphContext): Promise<ReviewAction> {
    return new RecommendationService(ctx).addAction(input);
  }

  @Policy({ who: 'signed-in' })
  @Mutation(() => ReviewAction, {
    description: "Moves an action to its next status (the owning organisation, or the partnership's administrators)",
  })
  progressReviewAction(
    @Arg('input') input: ProgressReviewActionInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<ReviewAction> {
    return new RecommendationService(ctx).progress(input);
  }
}
