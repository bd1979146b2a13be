import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import {
  DateScalar,
  DeadlineView,
  PageArgs,
  type Connection,
  type SubgraphContext,
  Policy,
} from '@safeguarding/shared';
import { PracticeReviewConnection } from './practice-review-connection.type';
import { RapidReview } from '../rapid-review/rapid-review.entity';
import { RapidReviewService } from '../rapid-review/rapid-review.service';
import type { Recommendation } from '../recommendation/recommendation.entity';
import { RecommendationConnection } from '../recommendation/recommendation-connection.type';
import { RecommendationService } from '../recommendation/recommendation.service';
import { Reviewer } from '../reviewer/reviewer.entity';
import { ReviewerService } from '../reviewer/reviewer.service';
import { PracticeReview } from './practice-review.entity';
import { RecordPracticeReviewDecisionInput, UpdatePracticeReviewInput } from './practice-review.input';
import { PracticeReviewService } from './practice-review.service';

@Resolver(() => PracticeReview)
export class PracticeReviewResolver {
  @Policy({
    who: 'anyone',
    why: 'a published review is public (Working Together 2023 ch. 4); the repository hides the rest',
  })
  @Query(() => PracticeReview, { nullable: true, description: 'A practice review, if it exists and you may see it' })
  practiceReview(@Arg('id', () => ID) id: string, @Ctx() ctx: SubgraphContext): Promise<PracticeReview | null> {
    return new PracticeReviewService(ctx).byId(id);
  }

  @Policy({ who: 'anyone', why: 'published reviews are public (Working Together 2023 ch. 4)' })
  @Query(() => PracticeReviewConnection, {
    description:
      'Published local child safeguarding practice reviews (public; Working Together 2023 chapter 5), newest publication first, a page at a time',
  })
  publishedPracticeReviews(
    @Arg('partnershipId', () => ID, { nullable: true }) partnershipId: string | null,
    @Args() args: PageArgs,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Connection<PracticeReview>> {
    return new PracticeReviewService(ctx).published(partnershipId ?? null, args);
  }

  @FieldResolver(() => DeadlineView, { description: 'Publication is due within 6 months of the decision' })
  publicationDeadline(@Root() review: PracticeReview, @Ctx() ctx: SubgraphContext): DeadlineView {
    return new PracticeReviewService(ctx).publicationDeadline(review);
  }

  @FieldResolver(() => DeadlineView, {
    description:
      'The report goes to the Panel and the Secretary of State before publication (7 working days: unconfirmed)',
  })
  reportToPanelDeadline(@Root() review: PracticeReview, @Ctx() ctx: SubgraphContext): DeadlineView {
    return new PracticeReviewService(ctx).reportToPanelDeadline(review);
  }

  @FieldResolver(() => RapidReview, {
    nullable: true,
    description: 'The rapid review whose decision it follows, if you may see it',
  })
  rapidReview(@Root() review: PracticeReview, @Ctx() ctx: SubgraphContext): Promise<RapidReview | null> {
    return new RapidReviewService(ctx).linkedTo(review.rapidReviewId);
  }

  @FieldResolver(() => Reviewer, {
    nullable: true,
    description: "The reviewer from the Panel's pool, if one is appointed from it",
  })
  reviewer(@Root() review: PracticeReview, @Ctx() ctx: SubgraphContext): Promise<Reviewer | null> | null {
    return review.reviewerId ? new ReviewerService(ctx).byId(review.reviewerId) : null;
  }

  @Policy({ who: 'signed-in' })
  @FieldResolver(() => RecommendationConnection, {
    description: "The review's recommendations you may see (restricted), a page at a time",
  })
  recommendations(
    @Root() review: PracticeReview,
    @Args() args: PageArgs,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Connection<Recommendation>> {
    return new RecommendationService(ctx).ofPracticeReview(review.id, args);
  }

  @Policy({ who: 'signed-in' })
  @Mutation(() => PracticeReview, {
    description: 'Records the decision to undertake a practice review; it starts IN_PROGRESS',
  })
  recordPracticeReviewDecision(
    @Arg('input') input: RecordPracticeReviewDecisionInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<PracticeReview> {
    return new PracticeReviewService(ctx).recordDecision(input);
  }

  @Policy({ who: 'signed-in' })
  @Mutation(() => PracticeReview, {
    description: 'Appoints the reviewer and records the terms of reference, before publication',
  })
  updatePracticeReview(
    @Arg('input') input: UpdatePracticeReviewInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<PracticeReview> {
    return new PracticeReviewService(ctx).update(input);
  }

  @Policy({ who: 'signed-in' })
  @Mutation(() => PracticeReview, {
    description: 'Records that the report was sent to the Panel and the Secretary of State',
  })
  sendPracticeReviewReport(
    @Arg('id', () => ID) id: string,
    @Arg('sentOn', () => DateScalar) sentOn: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<PracticeReview> {
    return new PracticeReviewService(ctx).sendReport(id, sentOn);
  }

  @Policy({ who: 'signed-in' })
  @Mutation(() => PracticeReview, {
    description: "Records the publication of a review's report (after it was sent to the Panel)",
  })
  publishPracticeReview(
    @Arg('id', () => ID) id: string,
    @Arg('publishedOn', () => DateScalar) publishedOn: string,
    @Arg('publicationUrl') publicationUrl: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<PracticeReview> {
    return new PracticeReviewService(ctx).publish(id, publishedOn, publicationUrl);
  }
}
