import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import {
  connection,
  DateScalar,
  DeadlineView,
  PageArgs,
  Policy,
  type Connection,
  type SubgraphContext,
} from '@safeguarding/shared';
import { ChildDeathAggregateConnection, type ChildDeathAggregate } from './child-death-aggregate.type';
import { CdopNotificationSetting, ChildDeathReview } from './child-death-review.entity';
import { RecordChildDeathInput, RecordChildDeathPanelReviewInput } from './child-death-review.input';
import { ChildDeathReviewService, stageDeadlines } from './child-death-review.service';

@Resolver(() => ChildDeathReview)
export class ChildDeathReviewResolver {
  @Policy({ who: 'signed-in' })
  @Query(() => ChildDeathReview, {
    nullable: true,
    description: 'A child death review, if you act for its partnership',
  })
  childDeathReview(@Arg('id', () => ID) id: string, @Ctx() ctx: SubgraphContext): Promise<ChildDeathReview | null> {
    return new ChildDeathReviewService(ctx).byId(id);
  }

  @Policy({
    who: 'anyone',
    why: 'counts by area and category only, small numbers suppressed, no child named (Working Together 2023 ch. 5)',
  })
  @Query(() => ChildDeathAggregateConnection, {
    description:
      'Child deaths per local authority area in a year of death (public), by GSS code: every count below 5 suppressed (Child Death Review Statutory and Operational Guidance 2018)',
  })
  async childDeathAggregates(
    @Arg('year', () => Int) year: number,
    @Arg('localAuthorityGssCode', () => String, { nullable: true }) localAuthorityGssCode: string | null,
    @Args() args: PageArgs,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Connection<ChildDeathAggregate>> {
    const page = await new ChildDeathReviewService(ctx).aggregates(year, localAuthorityGssCode ?? null, args);
    return connection(ChildDeathAggregateConnection, page, page.count);
  }

  @FieldResolver(() => DeadlineView, {
    description: 'The CDOP is notified within the configured hours of the death (24 by default)',
  })
  cdopNotificationDeadline(@Root() review: ChildDeathReview, @Ctx() ctx: SubgraphContext): DeadlineView {
    return new ChildDeathReviewService(ctx).deadline(review);
  }

  @FieldResolver(() => DeadlineView, {
    description:
      "The child death review meeting's target (Child Death Review Statutory and Operational Guidance 2018 sets none nationally: local practice)",
  })
  reviewMeetingDeadline(@Root() review: ChildDeathReview, @Ctx() ctx: SubgraphContext): DeadlineView {
    return stageDeadlines(ctx, review).meeting;
  }

  @FieldResolver(() => DeadlineView, {
    description:
      "The child death overview panel review's target (Child Death Review Statutory and Operational Guidance 2018 sets none nationally: local practice)",
  })
  panelReviewDeadline(@Root() review: ChildDeathReview, @Ctx() ctx: SubgraphContext): DeadlineView {
    return stageDeadlines(ctx, review).panelReview;
  }

  @Policy({ who: 'signed-in' })
  @Mutation(() => ChildDeathReview, {
    description: "Records a child's death for review by the child death review partners",
  })
  recordChildDeath(@Arg('input') input: RecordChildDeathInput, @Ctx() ctx: SubgraphContext): Promise<ChildDeathReview> {
    return new ChildDeathReviewService(ctx).record(input);
  }

  @Policy({ who: 'signed-in' })
  @Mutation(() => ChildDeathReview, { description: 'Records when the CDOP was notified' })
  markCdopNotified(
    @Arg('id', () => ID) id: string,
    @Arg('notifiedOn', () => DateScalar) notifiedOn: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<ChildDeathReview> {
    return new ChildDeathReviewService(ctx).markCdopNotified(id, notifiedOn);
  }

  @Policy({ who: 'signed-in' })
  @Mutation(() => ChildDeathReview, { description: 'Records the child death review meeting' })
  recordChildDeathReviewMeeting(
    @Arg('id', () => ID) id: string,
    @Arg('meetingOn', () => DateScalar) meetingOn: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<ChildDeathReview> {
    return new ChildDeathReviewService(ctx).recordReviewMeeting(id, meetingOn);
  }

  @Policy({ who: 'signed-in' })
  @Mutation(() => ChildDeathReview, {
    description:
      "Records the child death overview panel's review: category and modifiable factors; after the review meeting and the CDOP's notification of the death, dated on or after both (Child Death Review Statutory and Operational Guidance 2018)",
  })
  recordChildDeathPanelReview(
    @Arg('input') input: RecordChildDeathPanelReviewInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<ChildDeathReview> {
    return new ChildDeathReviewService(ctx).recordPanelReview(input);
  }

  @Policy({ who: 'signed-in' })
  @Mutation(() => CdopNotificationSetting, {
    description: 'Sets how many hours after a death the CDOP must be notified (local practice)',
  })
  configureCdopNotification(
    @Arg('partnershipId', () => ID) partnershipId: string,
    @Arg('hours', () => Int) hours: number,
    @Ctx() ctx: SubgraphContext,
  ): Promise<CdopNotificationSetting> {
    return new ChildDeathReviewService(ctx).configure(partnershipId, hours);
  }
}
