import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { SubgraphContext } from '@safeguarding/shared';
import { PracticeReview } from '../practice-review/practice-review.entity';
import { PracticeReviewService } from '../practice-review/practice-review.service';
import { PartnershipReference } from './partnership.type';

@Resolver(() => PartnershipReference)
export class PartnershipPracticeReviewsResolver {
  @FieldResolver(() => [PracticeReview], {
    description: 'The practice reviews of this partnership you may see, newest decision first',
  })
  practiceReviews(@Root() partnership: PartnershipReference, @Ctx() ctx: SubgraphContext): Promise<PracticeReview[]> {
    return new PracticeReviewService(ctx).ofPartnership(partnership.id);
  }
}
