import type { SubgraphContext } from '@safeguarding/shared';
import type { NationalEscalation } from './national-escalation.entity';
import { NationalEscalationService } from './national-escalation.service';

export const nationalEscalationReference = {
  __resolveReference: (reference: { id?: unknown }, ctx: SubgraphContext): Promise<NationalEscalation | null> =>
    new NationalEscalationService(ctx).byId(String(reference.id)),
};
