import { inTransaction, AccessScope, NewYearReturns, type SubgraphDefinition } from '@safeguarding/shared';
import { Agency } from './agency/agency.entity';
import { agencyReference } from './agency/agency.reference';
import { announceUnannouncedAgencies } from './agency/agency.events';
import { AgencyRepository } from './agency/agency.repository';
import { AgencyConnectionResolver, AgencyResolver } from './agency/agency.resolver';
import { statutoryOrganisations } from './agency/statutory-organisations';
import { AgencyContact } from './contact/agency-contact.entity';
import { AgencyContactResolver } from './contact/agency-contact.resolver';
import { loadDemoData } from './demo/demo-data';
import { Designation } from './designation/designation.entity';
import {
  AgencyDesignationResolver,
  DesignationResolver,
  PartnershipDesignationResolver,
} from './designation/designation.resolver';
import { PartnershipReference } from './external/partnership.type';
import { migrations } from './migrations';
import { ViewerResolver } from './viewer/viewer.resolver';
import { ViewerSchool } from './viewer/viewer.type';
import { reconcileSection11Obligations } from './section11/section11.module';
import { section11Resolvers } from './section11/section11.resolver';
import {
  Section11Action,
  Section11Rating,
  Section11Return,
  Section11Settings,
  Section11Standard,
} from './section11/section11.types';

export const agenciesSubgraph: SubgraphDefinition = {
  name: 'agencies',
  entities: [
    Agency,
    Designation,
    AgencyContact,
    Section11Standard,
    Section11Return,
    Section11Rating,
    Section11Action,
    Section11Settings,
  ],
  migrations,
  resolvers: [
    AgencyResolver,
    AgencyConnectionResolver,
    AgencyContactResolver,
    PartnershipDesignationResolver,
    AgencyDesignationResolver,
    DesignationResolver,
    ...section11Resolvers,
    ViewerResolver,
  ],
  // Reached by no query of ours, only through the gateway's entity references.
  orphanedTypes: [PartnershipReference, ViewerSchool],
  partnershipType: PartnershipReference,
  // One reconciler a module, each a function of its own, so other modules' can join this one.
  reconcileObligations: async (runtime) => {
    await reconcileSection11Obligations(runtime);
  },
  // A service running across 1 April opens the new year's section 11 returns without a restart.
  workers: (runtime) => ({ newYearReturns: new NewYearReturns(runtime, reconcileSection11Obligations) }),
  references: { Agency: agencyReference },
  loadReferenceData: async ({ db, reference, logger }) => {
    const organisations = statutoryOrganisations(reference);
    await inTransaction(db, (manager) =>
      new AgencyRepository(manager, AccessScope.anonymous).upsertReference(organisations),
    );
    logger.info({ count: organisations.length }, 'statutory organisations loaded from reference data');
  },
  loadDemoData,
  // Demo agencies and rows older than the agency events are announced once, for the escalations directory.
  announceEvents: announceUnannouncedAgencies,
};
