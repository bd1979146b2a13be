import type { SubgraphDefinition } from '@safeguarding/shared';
import { loadDemoData } from './demo/demo-data';
import { PartnershipPracticeReviewsResolver } from './external/partnership.resolver';
import { PartnershipReference } from './external/partnership.type';
import { migrations } from './migrations';
import { PracticeReview } from './practice-review/practice-review.entity';
import { practiceReviewReference } from './practice-review/practice-review.reference';
import { PracticeReviewResolver } from './practice-review/practice-review.resolver';

export const reviewsSubgraph: SubgraphDefinition = {
  name: 'reviews',
  entities: [PracticeReview],
  migrations,
  resolvers: [PracticeReviewResolver, PartnershipPracticeReviewsResolver],
  references: { PracticeReview: practiceReviewReference },
  partnershipType: PartnershipReference,
  loadDemoData,
};
