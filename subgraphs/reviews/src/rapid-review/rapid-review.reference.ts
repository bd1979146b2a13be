import type { SubgraphContext } from '@safeguarding/shared';
import type { RapidReview } from './rapid-review.entity';
import { RapidReviewService } from './rapid-review.service';

export const rapidReviewReference = {
  __resolveReference: (reference: { id?: unknown }, ctx: SubgraphContext): Promise<RapidReview | null> =>
    new RapidReviewService(ctx).byId(String(reference.id)),
};
