import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { PageArgs, type Connection, type SubgraphContext, Policy } from '@safeguarding/shared';
import { PracticeReviewConnection } from '../practice-review/practice-review-connection.type';
import { RapidReviewConnection } from '../rapid-review/rapid-review-connection.type';
import { SeriousIncidentNotificationConnection } from '../notification/serious-incident-notification-connection.type';
import { ChildDeathReviewConnection } from '../child-death/child-death-review-connection.type';
import { CdopNotificationSetting, ChildDeathReview } from '../child-death/child-death-review.entity';
import { ChildDeathReviewService } from '../child-death/child-death-review.service';
import { SeriousIncidentNotification } from '../notification/serious-incident-notification.entity';
import { SeriousIncidentNotificationService } from '../notification/serious-incident-notification.service';
import { PracticeReview } from '../practice-review/practice-review.entity';
import { PracticeReviewService } from '../practice-review/practice-review.service';
import { RapidReview } from '../rapid-review/rapid-review.entity';
import { RapidReviewService } from '../rapid-review/rapid-review.service';
import type { ReviewAction } from '../recommendation/recommendation.entity';
import { ReviewActionConnection } from '../recommendation/recommendation-connection.type';
import { RecommendationService } from '../recommendation/recommendation.service';
import { PartnershipReference } from './partnership.type';

@Resolver(() => PartnershipReference)
export class PartnershipPracticeReviewsResolver {
  // Nullable: Partnership belongs to another subgraph, so this subgraph's outage costs only its own fields.
  @FieldResolver(() => PracticeReviewConnection, {
    nullable: true,
    description:
      'The local child safeguarding practice reviews of this partnership you may see (Working Together 2023 chapter 5), newest decision first, a page at a time',
  })
  practiceReviews(
    @Root() partnership: PartnershipReference,
    @Args() args: PageArgs,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Connection<PracticeReview>> {
    return new PracticeReviewService(ctx).ofPartnership(partnership.id, args);
  }

  @Policy({ who: 'signed-in' })
  @FieldResolver(() => SeriousIncidentNotificationConnection, {
    nullable: true,
    description:
      "Serious incident notifications (Children Act 2004 s16C; restricted: this partnership's staff and the Panel), newest first, a page at a time",
  })
  seriousIncidentNotifications(
    @Root() partnership: PartnershipReference,
    @Args() args: PageArgs,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Connection<SeriousIncidentNotification>> {
    return new SeriousIncidentNotificationService(ctx).ofPartnership(partnership.id, args);
  }

  @Policy({ who: 'signed-in' })
  @FieldResolver(() => RapidReviewConnection, {
    nullable: true,
    description:
      "Rapid reviews (Working Together 2023 chapter 5; restricted: this partnership's staff and the Panel), newest first, a page at a time",
  })
  rapidReviews(
    @Root() partnership: PartnershipReference,
    @Args() args: PageArgs,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Connection<RapidReview>> {
    return new RapidReviewService(ctx).ofPartnership(partnership.id, args);
  }

  @Policy({ who: 'signed-in' })
  @FieldResolver(() => ChildDeathReviewConnection, {
    nullable: true,
    description:
      "Child death reviews (Working Together 2023 chapter 6; restricted: this partnership's staff), newest death first, a page at a time",
  })
  childDeathReviews(
    @Root() partnership: PartnershipReference,
    @Args() args: PageArgs,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Connection<ChildDeathReview>> {
    return new ChildDeathReviewService(ctx).ofPartnership(partnership.id, args);
  }

  @Policy({ who: 'signed-in' })
  @FieldResolver(() => ReviewActionConnection, {
    nullable: true,
    description:
      'Review actions past their due date and not completed that you may see, longest overdue first, a page at a time',
  })
  overdueReviewActions(
    @Root() partnership: PartnershipReference,
    @Args() args: PageArgs,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Connection<ReviewAction>> {
    return new RecommendationService(ctx).overdueActionsOf(partnership.id, args);
  }

  @FieldResolver(() => CdopNotificationSetting, {
    nullable: true,
    description: 'How soon after a death the CDOP is notified (local practice; 24 hours by default)',
  })
  cdopNotificationSetting(
    @Root() partnership: PartnershipReference,
    @Ctx() ctx: SubgraphContext,
  ): Promise<CdopNotificationSetting> {
    return new ChildDeathReviewService(ctx).settingOf(partnership.id);
  }
}
