import type { SubgraphContext } from '@safeguarding/shared';
import type { ChildDeathReview } from './child-death-review.entity';
import { ChildDeathReviewService } from './child-death-review.service';

export const childDeathReviewReference = {
  __resolveReference: (reference: { id?: unknown }, ctx: SubgraphContext): Promise<ChildDeathReview | null> =>
    new ChildDeathReviewService(ctx).byId(String(reference.id)),
};
