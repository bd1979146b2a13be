import type { SubgraphDefinition } from '@safeguarding/shared';
import { loadDemoData } from './demo/demo-data';
import { migrations } from './migrations';
import { Partnership, PartnershipArea, StatutoryPartner } from './partnership/partnership.entity';
import { partnershipReference } from './partnership/partnership.reference';
import { PartnershipResolver } from './partnership/partnership.resolver';

export const partnershipsSubgraph: SubgraphDefinition = {
  name: 'partnerships',
  entities: [Partnership, PartnershipArea, StatutoryPartner],
  migrations,
  resolvers: [PartnershipResolver],
  references: { Partnership: partnershipReference },
  partnershipType: Partnership,
  loadDemoData,
};
