import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { DateScalar, DeadlineView, type SubgraphContext } from '@safeguarding/shared';
import { PracticeReview } from './practice-review.entity';
import { RecordPracticeReviewDecisionInput } from './practice-review.input';
import { PracticeReviewService } from './practice-review.service';

@Resolver(() => PracticeReview)
export class PracticeReviewResolver {
  @Query(() => PracticeReview, { nullable: true, description: 'A practice review, if it exists and you may see it' })
  practiceReview(@Arg('id', () => ID) id: string, @Ctx() ctx: SubgraphContext): Promise<PracticeReview | null> {
    return new PracticeReviewService(ctx).byId(id);
  }

  @Query(() => [PracticeReview], { description: 'Published practice reviews (public), newest publication first' })
  publishedPracticeReviews(
    @Arg('partnershipId', () => ID, { nullable: true }) partnershipId: string | null,
    @Ctx() ctx: SubgraphContext,
  ): Promise<PracticeReview[]> {
    return new PracticeReviewService(ctx).published(partnershipId ?? null);
  }

  @FieldResolver(() => DeadlineView, { description: 'Publication is due within 6 months of the decision' })
  publicationDeadline(@Root() review: PracticeReview, @Ctx() ctx: SubgraphContext): DeadlineView {
    return new PracticeReviewService(ctx).publicationDeadline(review);
  }

  @Mutation(() => PracticeReview, { description: 'Records the decision to undertake a practice review; it starts IN_PROGRESS' })
  recordPracticeReviewDecision(
    @Arg('input') input: RecordPracticeReviewDecisionInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<PracticeReview> {
    return new PracticeReviewService(ctx).recordDecision(input);
  }

  @Mutation(() => PracticeReview, { description: 'Records the publication of a review\'s report' })
  publishPracticeReview(
    @Arg('id', () => ID) id: string,
    @Arg('publishedOn', () => DateScalar) publishedOn: string,
    @Arg('publicationUrl') publicationUrl: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<PracticeReview> {
    return new PracticeReviewService(ctx).publish(id, publishedOn, publicationUrl);
  }
}
