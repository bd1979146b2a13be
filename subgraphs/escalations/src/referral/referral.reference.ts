import type { SubgraphContext } from '@safeguarding/shared';
import type { Referral } from './referral.entity';
import { ReferralService } from './referral.service';

export const referralReference = {
  __resolveReference: (reference: { id?: unknown }, ctx: SubgraphContext): Promise<Referral | null> =>
    new ReferralService(ctx).byId(String(reference.id)),
};
