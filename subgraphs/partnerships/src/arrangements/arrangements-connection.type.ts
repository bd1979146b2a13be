import { connectionOf } from '@safeguarding/shared';
import { PublishedArrangements } from './arrangements.entity';

export const PublishedArrangementsConnection = connectionOf<PublishedArrangements>(
  () => PublishedArrangements,
  'PublishedArrangements',
  'A page of published versions of the arrangements, newest first; totalCount is counted only when asked for',
);
