import { connectionOf } from '@safeguarding/shared';
import { Reviewer } from './reviewer.entity';

export const ReviewerConnection = connectionOf<Reviewer>(
  () => Reviewer,
  'Reviewer',
  'A page of the reviewer pool by name; totalCount is counted only when asked for',
);
