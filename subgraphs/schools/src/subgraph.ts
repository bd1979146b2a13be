import { SchoolCalendarResolver } from './school-calendar/school-calendar.resolver';
import { SchoolClosureDay } from './school-calendar/school-closure-day.entity';
import { Child } from './child/child.entity';
import { childKeyReference } from './child/child.reference';
import { ChildFileTransfersResolver } from './child/child.resolver';
import { NewYearReturns, type SubgraphDefinition } from '@safeguarding/shared';
import { loadDemoData } from './demo/demo-data';
import { SchoolDelegation } from './delegation/delegation.entity';
import { SchoolDelegationResolver } from './delegation/delegation.resolver';
import { delegatedSchoolsOf } from './delegation/delegation.service';
import {
  SchoolActedForResolver,
  viewerReference,
  ViewerDelegations,
  ViewerDelegationsResolver,
} from './delegation/delegation.viewer';
import { ChildProtectionFileTransfer } from './file-transfer/file-transfer.entity';
import { FileTransferResolver, SchoolFileTransfersResolver } from './file-transfer/file-transfer.resolver';
import { PartnershipReference } from './external/partnership.type';
import { migrations } from './migrations';
import { reconcileSchoolsObligations } from './obligations.reconcile';
import { EducationRepresentative } from './representation/education-representative.entity';
import { EducationRepresentativeResolver } from './representation/education-representative.resolver';
import { SafeguardingLead } from './safeguarding-lead/safeguarding-lead.entity';
import { SchoolSafeguardingLeadsResolver } from './safeguarding-lead/safeguarding-lead.resolver';
import { PartnershipSchoolsResolver, SchoolConnectionResolver } from './school/partnership-schools.resolver';
import { SchoolDesignation } from './school/school-designation.entity';
import { SchoolDesignationResolver } from './school/school-designation.resolver';
import { School } from './school/school.entity';
import { announceUnannouncedSchools } from './school/school.events';
import { schoolReference } from './school/school.reference';
import { SchoolResolver } from './school/school.resolver';
import { reconcileSchoolSafeguardingObligations } from './self-assessment/self-assessment.module';
import { schoolSafeguardingResolvers } from './self-assessment/self-assessment.resolver';
import {
  SchoolSafeguardingAction,
  SchoolSafeguardingRating,
  SchoolSafeguardingReturn,
  SchoolSafeguardingSettings,
  SchoolSafeguardingStandard,
} from './self-assessment/self-assessment.types';
import { SchoolSyncResolver } from './sync/school-sync.resolver';
import { Trust } from './trust/trust.entity';
import { trustReference } from './trust/trust.reference';
import { TrustResolver } from './trust/trust.resolver';

export const schoolsSubgraph: SubgraphDefinition = {
  name: 'schools',
  entities: [
    School,
    SchoolClosureDay,
    SchoolDesignation,
    Trust,
    SafeguardingLead,
    EducationRepresentative,
    ChildProtectionFileTransfer,
    SchoolSafeguardingStandard,
    SchoolSafeguardingReturn,
    SchoolSafeguardingRating,
    SchoolSafeguardingAction,
    SchoolSafeguardingSettings,
    SchoolDelegation,
  ],
  migrations,
  resolvers: [
    SchoolResolver,
    SchoolCalendarResolver,
    PartnershipSchoolsResolver,
    SchoolConnectionResolver,
    TrustResolver,
    SchoolSafeguardingLeadsResolver,
    SchoolDesignationResolver,
    EducationRepresentativeResolver,
    SchoolSyncResolver,
    FileTransferResolver,
    SchoolFileTransfersResolver,
    ChildFileTransfersResolver,
    SchoolDelegationResolver,
    ViewerDelegationsResolver,
    SchoolActedForResolver,
    ...schoolSafeguardingResolvers,
  ],
  // Reachable only through _entities, so type-graphql would otherwise leave it out.
  orphanedTypes: [PartnershipReference, ViewerDelegations, Child],
  partnershipType: PartnershipReference,
  references: { School: schoolReference, Trust: trustReference, Viewer: viewerReference, Child: childKeyReference },
  loadDemoData,
  delegatedSchools: delegatedSchoolsOf,
  // One reconciler a module, each a function of its own.
  reconcileObligations: async (runtime) => {
    await reconcileSchoolsObligations(runtime);
    await reconcileSchoolSafeguardingObligations(runtime);
  },
  // A service running across 1 April opens the new year's section 175/157 returns without a restart.
  // Demo schools and rows older than the school events are announced once, for the escalations directory.
  announceEvents: announceUnannouncedSchools,
  workers: (runtime) => ({ newYearReturns: new NewYearReturns(runtime, reconcileSchoolSafeguardingObligations) }),
};
