import type { SubgraphDefinition } from '@safeguarding/shared';
import { loadDemoData } from './demo/demo-data';
import { PartnershipReference } from './external/partnership.type';
import { migrations } from './migrations';
import { PartnershipSchoolsResolver } from './school/partnership-schools.resolver';
import { SchoolDesignation } from './school/school-designation.entity';
import { School } from './school/school.entity';
import { schoolReference } from './school/school.reference';
import { SchoolResolver } from './school/school.resolver';

export const schoolsSubgraph: SubgraphDefinition = {
  name: 'schools',
  entities: [School, SchoolDesignation],
  migrations,
  resolvers: [SchoolResolver, PartnershipSchoolsResolver],
  // Reachable only through _entities, so type-graphql would otherwise leave it out.
  orphanedTypes: [PartnershipReference],
  partnershipType: PartnershipReference,
  references: { School: schoolReference },
  loadDemoData,
};
