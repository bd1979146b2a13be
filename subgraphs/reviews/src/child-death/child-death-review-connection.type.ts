import { connectionOf } from '@safeguarding/shared';
import { ChildDeathReview } from './child-death-review.entity';

export const ChildDeathReviewConnection = connectionOf<ChildDeathReview>(
  () => ChildDeathReview,
  'ChildDeathReview',
  'A page of child death reviews, newest death first; totalCount is counted only when asked for',
);
