import type { SubgraphContext } from '@safeguarding/shared';
import type { Trust } from './trust.entity';
import { TrustService } from './trust.service';

export const trustReference = {
  __resolveReference: (reference: { uid?: unknown }, ctx: SubgraphContext): Promise<Trust | null> =>
    new TrustService(ctx).byUid(String(reference.uid)),
};
