import { agenciesSubgraph } from '@safeguarding/agencies';
import { escalationsSubgraph } from '@safeguarding/escalations';
import { partnershipsSubgraph } from '@safeguarding/partnerships';
import { reviewsSubgraph } from '@safeguarding/reviews';
import { schoolsSubgraph } from '@safeguarding/schools';
import type { SubgraphDefinition } from '@safeguarding/shared';

/** The five subgraphs, in the order composition and the launcher use. */
export const subgraphs: readonly SubgraphDefinition[] = [
  partnershipsSubgraph,
  agenciesSubgraph,
  schoolsSubgraph,
  reviewsSubgraph,
  escalationsSubgraph,
];
