import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import {
  DateScalar,
  DeadlineView,
  PageArgs,
  type Connection,
  type SubgraphContext,
  Policy,
} from '@safeguarding/shared';
import { RapidReviewConnection } from './rapid-review-connection.type';
import { SeriousIncidentNotification } from '../notification/serious-incident-notification.entity';
import { SeriousIncidentNotificationService } from '../notification/serious-incident-notification.service';
import { RapidReview } from './rapid-review.entity';
import { DecideRapidReviewInput, RecordPanelResponseInput } from './rapid-review.input';
import { RapidReviewService } from './rapid-review.service';

@Resolver(() => RapidReview)
export class RapidReviewResolver {
  @Policy({ who: 'signed-in' })
  @Query(() => RapidReview, { nullable: true, description: 'A rapid review, if it exists and you may see it' })
  rapidReview(@Arg('id', () => ID) id: string, @Ctx() ctx: SubgraphContext): Promise<RapidReview | null> {
    return new RapidReviewService(ctx).byId(id);
  }

  @Policy({ who: 'signed-in' })
  @Query(() => RapidReviewConnection, {
    description:
      "The rapid reviews you may see: all for the Panel, your own partnerships' for their staff; newest first, a page at a time",
  })
  rapidReviews(@Args() args: PageArgs, @Ctx() ctx: SubgraphContext): Promise<Connection<RapidReview>> {
    return new RapidReviewService(ctx).list(args);
  }

  @FieldResolver(() => SeriousIncidentNotification, {
    nullable: true,
    description: 'The notification it was opened from',
  })
  notification(@Root() review: RapidReview, @Ctx() ctx: SubgraphContext): Promise<SeriousIncidentNotification | null> {
    return new SeriousIncidentNotificationService(ctx).byId(review.notificationId);
  }

  @FieldResolver(() => DeadlineView, {
    description: 'Completed and sent to the Panel within 15 working days of the notification being sent',
  })
  deadline(@Root() review: RapidReview, @Ctx() ctx: SubgraphContext): DeadlineView {
    return new RapidReviewService(ctx).deadline(review);
  }

  @Policy({ who: 'signed-in' })
  @Mutation(() => RapidReview, {
    description:
      'Opens the rapid review of a sent notification, on or after the dates it was known and notified (Working Together 2023 ch. 5); there is no other way to start one',
  })
  openRapidReview(
    @Arg('notificationId', () => ID) notificationId: string,
    @Arg('openedOn', () => DateScalar) openedOn: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<RapidReview> {
    return new RapidReviewService(ctx).open(notificationId, openedOn);
  }

  @Policy({ who: 'signed-in' })
  @Mutation(() => RapidReview, { description: 'Records the decision of an OPEN rapid review' })
  decideRapidReview(@Arg('input') input: DecideRapidReviewInput, @Ctx() ctx: SubgraphContext): Promise<RapidReview> {
    return new RapidReviewService(ctx).decide(input);
  }

  @Policy({ who: 'signed-in' })
  @Mutation(() => RapidReview, { description: 'Records that a DECIDED rapid review was sent to the Panel' })
  sendRapidReviewToPanel(
    @Arg('id', () => ID) id: string,
    @Arg('sentOn', () => DateScalar) sentOn: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<RapidReview> {
    return new RapidReviewService(ctx).sendToPanel(id, sentOn);
  }

  @Policy({ who: 'signed-in' })
  @Mutation(() => RapidReview, {
    description: "Panel members: records the Panel's response to a rapid review SENT_TO_PANEL",
  })
  recordRapidReviewPanelResponse(
    @Arg('input') input: RecordPanelResponseInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<RapidReview> {
    return new RapidReviewService(ctx).recordPanelResponse(input);
  }
}
