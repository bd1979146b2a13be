import type { SubgraphDefinition } from '@safeguarding/shared';
import { loadDemoData } from './demo/demo-data';
import { ProfessionalDisagreement } from './disagreement/professional-disagreement.entity';
import { professionalDisagreementReference } from './disagreement/professional-disagreement.reference';
import { ProfessionalDisagreementResolver } from './disagreement/professional-disagreement.resolver';
import { EscalationPolicyResolver } from './escalation-policy/escalation-policy.resolver';
import { EscalationStage } from './escalation-policy/escalation-stage.entity';
import { PartnershipEscalationsResolver } from './external/partnership.resolver';
import { PartnershipReference } from './external/partnership.type';
import { migrations } from './migrations';

export const escalationsSubgraph: SubgraphDefinition = {
  name: 'escalations',
  entities: [EscalationStage, ProfessionalDisagreement],
  migrations,
  resolvers: [ProfessionalDisagreementResolver, EscalationPolicyResolver, PartnershipEscalationsResolver],
  // Partnership is reached only through _entities, so nothing in Query leads type-graphql to it.
  orphanedTypes: [PartnershipReference],
  partnershipType: PartnershipReference,
  references: { ProfessionalDisagreement: professionalDisagreementReference },
  loadDemoData,
};
