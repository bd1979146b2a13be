import { connectionOf } from '@safeguarding/shared';
import { Recommendation, ReviewAction } from './recommendation.entity';

export const RecommendationConnection = connectionOf<Recommendation>(
  () => Recommendation,
  'Recommendation',
  'A page of recommendations in a stable order (by id); totalCount is counted only when asked for',
);
export const ReviewActionConnection = connectionOf<ReviewAction>(
  () => ReviewAction,
  'ReviewAction',
  'A page of review actions, soonest due first; totalCount is counted only when asked for',
);
