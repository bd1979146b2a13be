import type { SubgraphContext } from '@safeguarding/shared';
import type { ProfessionalDisagreement } from './professional-disagreement.entity';
import { ProfessionalDisagreementService } from './professional-disagreement.service';

export const professionalDisagreementReference = {
  __resolveReference: (reference: { id?: unknown }, ctx: SubgraphContext): Promise<ProfessionalDisagreement | null> =>
    new ProfessionalDisagreementService(ctx).byId(String(reference.id)),
};
