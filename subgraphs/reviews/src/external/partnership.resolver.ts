import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { SubgraphContext } from '@safeguarding/shared';
import { CdopNotificationSetting, ChildDeathReview } from '../child-death/child-death-review.entity';
import { ChildDeathReviewService } from '../child-death/child-death-review.service';
import { SeriousIncidentNotification } from '../notification/serious-incident-notification.entity';
import { SeriousIncidentNotificationService } from '../notification/serious-incident-notification.service';
import { PracticeReview } from '../practice-review/practice-review.entity';
import { PracticeReviewService } from '../practice-review/practice-review.service';
import { RapidReview } from '../rapid-review/rapid-review.entity';
import { RapidReviewService } from '../rapid-review/rapid-review.service';
import { ReviewAction } from '../recommendation/recommendation.entity';
import { RecommendationService } from '../recommendation/recommendation.service';
import { PartnershipReference } from './partnership.type';

@Resolver(() => PartnershipReference)
export class PartnershipPracticeReviewsResolver {
  @FieldResolver(() => [PracticeReview], {
    description: 'The practice reviews of this partnership you may see, newest decision first',
  })
  practiceReviews(@Root() partnership: PartnershipReference, @Ctx() ctx: SubgraphContext): Promise<PracticeReview[]> {
    return new PracticeReviewService(ctx).ofPartnership(partnership.id);
  }

  @FieldResolver(() => [SeriousIncidentNotification], {
    description: 'Serious incident notifications (restricted: this partnership\'s staff and the Panel), newest first',
  })
  seriousIncidentNotifications(@Root() partnership: PartnershipReference, @Ctx() ctx: SubgraphContext): Promise<SeriousIncidentNotification[]> {
    return new SeriousIncidentNotificationService(ctx).ofPartnership(partnership.id);
  }

  @FieldResolver(() => [RapidReview], { description: 'Rapid reviews (restricted: this partnership\'s staff and the Panel), newest first' })
  rapidReviews(@Root() partnership: PartnershipReference, @Ctx() ctx: SubgraphContext): Promise<RapidReview[]> {
    return new RapidReviewService(ctx).ofPartnership(partnership.id);
  }

  @FieldResolver(() => [ChildDeathReview], { description: 'Child death reviews (restricted: this partnership\'s staff), newest death first' })
  childDeathReviews(@Root() partnership: PartnershipReference, @Ctx() ctx: SubgraphContext): Promise<ChildDeathReview[]> {
    return new ChildDeathReviewService(ctx).ofPartnership(partnership.id);
  }

  @FieldResolver(() => [ReviewAction], { description: 'Review actions past their due date and not completed that you may see' })
  overdueReviewActions(@Root() partnership: PartnershipReference, @Ctx() ctx: SubgraphContext): Promise<ReviewAction[]> {
    return new RecommendationService(ctx).overdueActionsOf(partnership.id);
  }

  @FieldResolver(() => CdopNotificationSetting, { description: 'How soon after a death the CDOP is notified (local practice; 24 hours by default)' })
  cdopNotificationSetting(@Root() partnership: PartnershipReference, @Ctx() ctx: SubgraphContext): Promise<CdopNotificationSetting> {
    return new ChildDeathReviewService(ctx).settingOf(partnership.id);
  }
}
