import { alignByKey, type SubgraphContext } from '@safeguarding/shared';
import type { YearlyReport } from './yearly-report.entity';
import { YearlyReportRepository } from './yearly-report.repository';

export const yearlyReportReference = {
  __resolveReference: (reference: { id?: unknown }, ctx: SubgraphContext): Promise<YearlyReport | null> =>
    ctx.loaders
      .get<string, YearlyReport | null>('YearlyReport.byId', async (ids) =>
        alignByKey(
          ids,
          await new YearlyReportRepository(ctx.db.manager, ctx.scope).findByIds(ids),
          (report) => report.id,
        ),
      )
      .load(String(reference.id)),
};
