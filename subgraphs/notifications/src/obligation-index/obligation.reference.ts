import type { SubgraphContext } from '@safeguarding/shared';
import { ObligationIndexService } from './obligation-index.service';
import type { Obligation } from './obligation.type';

/** An obligation by id (e.g. from a webhook payload), batched: one statement per fetch. */
export const obligationReference = {
  __resolveReference: (reference: { id?: unknown }, ctx: SubgraphContext): Promise<Obligation | null> =>
    ctx.loaders
      .get<string, Obligation | null>('Obligation', (ids) => new ObligationIndexService(ctx).byIds(ids))
      .load(String(reference.id)),
};
