import type { SubgraphContext } from '@safeguarding/shared';
import type { PracticeReview } from './practice-review.entity';
import { PracticeReviewService } from './practice-review.service';

export const practiceReviewReference = {
  __resolveReference: (reference: { id?: unknown }, ctx: SubgraphContext): Promise<PracticeReview | null> =>
    new PracticeReviewService(ctx).byId(String(reference.id)),
};
