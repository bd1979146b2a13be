import type { SubgraphContext } from '@safeguarding/shared';
import type { School } from './school.entity';
import { SchoolService } from './school.service';

export const schoolReference = {
  __resolveReference: (reference: { urn?: unknown }, ctx: SubgraphContext): Promise<School | null> =>
    new SchoolService(ctx).byUrn(String(reference.urn)),
};
