import { AccessScope, type SubgraphDefinition } from '@safeguarding/shared';
import { Agency } from './agency/agency.entity';
import { agencyReference } from './agency/agency.reference';
import { AgencyRepository } from './agency/agency.repository';
import { AgencyResolver } from './agency/agency.resolver';
import { statutoryOrganisations } from './agency/statutory-organisations';
import { loadDemoData } from './demo/demo-data';
import { Designation } from './designation/designation.entity';
import { PartnershipDesignationResolver } from './designation/designation.resolver';
import { PartnershipReference } from './external/partnership.type';
import { migrations } from './migrations';

export const agenciesSubgraph: SubgraphDefinition = {
  name: 'agencies',
  entities: [Agency, Designation],
  migrations,
  resolvers: [AgencyResolver, PartnershipDesignationResolver],
  // Reached by no query of ours, only through the gateway's entity references.
  orphanedTypes: [PartnershipReference],
  partnershipType: PartnershipReference,
  references: { Agency: agencyReference },
  loadReferenceData: async ({ db, reference, logger }) => {
    const organisations = statutoryOrganisations(reference);
    await db.transaction((manager) => new AgencyRepository(manager, AccessScope.anonymous).upsertReference(organisations));
    logger.info({ count: organisations.length }, 'statutory organisations loaded from reference data');
  },
  loadDemoData,
};
