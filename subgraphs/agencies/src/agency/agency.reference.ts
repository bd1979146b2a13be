import type { SubgraphContext } from '@safeguarding/shared';
import type { Agency } from './agency.entity';
import { AgencyService } from './agency.service';

export const agencyReference = {
  __resolveReference: (reference: { id?: unknown }, ctx: SubgraphContext): Promise<Agency | null> =>
    new AgencyService(ctx).byId(String(reference.id)),
};
