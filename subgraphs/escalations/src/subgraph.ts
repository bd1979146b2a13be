import type { SubgraphDefinition } from '@safeguarding/shared';
import { AgencyDirectoryEntry } from './agency-directory/agency-directory.entity';
import { agencyDirectoryIntake } from './agency-directory/agency-directory.service';
import { SchoolDirectoryEntry } from './school-directory/school-directory.entity';
import { schoolDirectoryIntake } from './school-directory/school-directory.service';
import { loadDemoData } from './demo/demo-data';
import { ProfessionalDisagreement } from './disagreement/professional-disagreement.entity';
import { professionalDisagreementReference } from './disagreement/professional-disagreement.reference';
import { ProfessionalDisagreementResolver } from './disagreement/professional-disagreement.resolver';
import { EscalationEvent } from './escalation-event/escalation-event.entity';
import { EscalationPolicyResolver } from './escalation-policy/escalation-policy.resolver';
import { EscalationStage } from './escalation-policy/escalation-stage.entity';
import { AgencyEscalationsResolver } from './external/agency.resolver';
import { AgencyStub } from './external/agency.type';
import { PartnershipEscalationsResolver } from './external/partnership.resolver';
import { PartnershipReference } from './external/partnership.type';
import { SchoolEscalationsResolver } from './external/school.resolver';
import { SchoolStub } from './external/school.type';
import { migrations } from './migrations';
import { reconcileEscalationsObligations } from './obligations.reconcile';
import { NationalEscalation } from './national-escalation/national-escalation.entity';
import { nationalEscalationReference } from './national-escalation/national-escalation.reference';
import { NationalEscalationResolver } from './national-escalation/national-escalation.resolver';
import { PartnershipArea, PartnershipFootprintSeen } from './partnership-area/partnership-area.entity';
import { partnershipAreaIntake } from './partnership-area/partnership-area.service';
import { ChildPicturePolicy } from './child-picture-policy/child-picture-policy.entity';
import { ChildPicturePolicyResolver } from './child-picture-policy/child-picture-policy.resolver';
import { childKeyReference } from './child/child.reference';
import { ChildResolver } from './child/child.resolver';
import { Referral } from './referral/referral.entity';
import { referralReference } from './referral/referral.reference';
import { ReferralResolver } from './referral/referral.resolver';
import { EscalationReportResolver } from './reporting/escalation-report.resolver';

export const escalationsSubgraph: SubgraphDefinition = {
  name: 'escalations',
  entities: [
    EscalationStage,
    ProfessionalDisagreement,
    EscalationEvent,
    NationalEscalation,
    Referral,
    PartnershipArea,
    PartnershipFootprintSeen,
    AgencyDirectoryEntry,
    SchoolDirectoryEntry,
    ChildPicturePolicy,
  ],
  migrations,
  resolvers: [
    ProfessionalDisagreementResolver,
    EscalationPolicyResolver,
    NationalEscalationResolver,
    ReferralResolver,
    ChildResolver,
    ChildPicturePolicyResolver,
    PartnershipEscalationsResolver,
    AgencyEscalationsResolver,
    SchoolEscalationsResolver,
    EscalationReportResolver,
  ],
  // Partnership, Agency and School are reached only through _entities, so nothing in Query leads type-graphql to them.
  orphanedTypes: [PartnershipReference, AgencyStub, SchoolStub],
  partnershipType: PartnershipReference,
  references: {
    ProfessionalDisagreement: professionalDisagreementReference,
    NationalEscalation: nationalEscalationReference,
    Referral: referralReference,
    Child: childKeyReference,
  },
  loadDemoData,
  reconcileObligations: reconcileEscalationsObligations,
  // Which partnership covers which local authority, so referral records land in that partnership's
  // trail; and which agencies and schools are registered and open, so a disagreement names one that can answer.
  takeEvents: (runtime) => {
    const handlers = [partnershipAreaIntake(runtime), agencyDirectoryIntake(runtime), schoolDirectoryIntake(runtime)];
    return async (event) => {
      for (const handle of handlers) await handle(event);
    };
  },
  backgroundEntities: [PartnershipArea, PartnershipFootprintSeen, AgencyDirectoryEntry, SchoolDirectoryEntry],
};
