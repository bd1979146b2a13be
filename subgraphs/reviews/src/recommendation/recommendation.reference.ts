import type { SubgraphContext } from '@safeguarding/shared';
import type { Recommendation, ReviewAction } from './recommendation.entity';
import { RecommendationService } from './recommendation.service';

export const recommendationReference = {
  __resolveReference: (reference: { id?: unknown }, ctx: SubgraphContext): Promise<Recommendation | null> =>
    new RecommendationService(ctx).recommendationById(String(reference.id)),
};

export const reviewActionReference = {
  __resolveReference: (reference: { id?: unknown }, ctx: SubgraphContext): Promise<ReviewAction | null> =>
    new RecommendationService(ctx).actionById(String(reference.id)),
};
