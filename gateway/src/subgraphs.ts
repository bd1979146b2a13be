import { agenciesSubgraph } from '@safeguarding/agencies';
import { escalationsSubgraph } from '@safeguarding/escalations';
import { notificationsSubgraph } from '@safeguarding/notifications';
import { partnershipsSubgraph } from '@safeguarding/partnerships';
import { reviewsSubgraph } from '@safeguarding/reviews';
import { schoolsSubgraph } from '@safeguarding/schools';
import type { SubgraphDefinition } from '@safeguarding/shared';

/** The six subgraphs, in the order composition and the launcher use. */
export const subgraphs: readonly SubgraphDefinition[] = [
  partnershipsSubgraph,
  agenciesSubgraph,
  schoolsSubgraph,
  reviewsSubgraph,
  escalationsSubgraph,
  notificationsSubgraph,
];
