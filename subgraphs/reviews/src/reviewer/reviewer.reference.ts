import type { SubgraphContext } from '@safeguarding/shared';
import type { Reviewer } from './reviewer.entity';
import { ReviewerService } from './reviewer.service';

export const reviewerReference = {
  __resolveReference: (reference: { id?: unknown }, ctx: SubgraphContext): Promise<Reviewer | null> =>
    new ReviewerService(ctx).byId(String(reference.id)),
};
