import { connectionOf } from '@safeguarding/shared';
import { PracticeReview } from './practice-review.entity';

export const PracticeReviewConnection = connectionOf<PracticeReview>(
  () => PracticeReview,
  'PracticeReview',
  'A page of practice reviews, newest decision first; totalCount is counted only when asked for',
);
