import { connectionOf } from '@safeguarding/shared';
import { RapidReview } from './rapid-review.entity';

export const RapidReviewConnection = connectionOf<RapidReview>(
  () => RapidReview,
  'RapidReview',
  'A page of rapid reviews, newest first; totalCount is counted only when asked for',
);
