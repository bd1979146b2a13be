import type { SubgraphContext } from '@safeguarding/shared';
import type { Partnership } from './partnership.entity';
import { PartnershipService } from './partnership.service';

export const partnershipReference = {
  __resolveReference: (reference: { id?: unknown }, ctx: SubgraphContext): Promise<Partnership | null> =>
    new PartnershipService(ctx).byId(String(reference.id)),
};
