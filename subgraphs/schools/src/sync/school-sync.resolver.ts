import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { nationalRegisterRoles, type SubgraphContext, Policy } from '@safeguarding/shared';
import { SchoolRowInput } from './school-sync.input';
import { maxSchoolRowsPerRequest, SchoolSyncService } from './school-sync.service';
import { SchoolUpsertResult } from './school-sync.type';

@Resolver()
export class SchoolSyncResolver {
  @Policy({ who: nationalRegisterRoles })
  @Mutation(() => [SchoolUpsertResult], {
    description:
      'Bulk sync, idempotent by URN (at most 1,000 rows): answers per row; a bad row never fails the others. A batch that would change a school outside your partnership (one it designates or whose local authority it covers), or rename a trust you do not hold, is refused whole',
  })
  upsertSchools(
    @Arg('rows', () => [SchoolRowInput], {
      description: `GIAS rows; at most ${maxSchoolRowsPerRequest} a request (a larger file goes in several)`,
    })
    rows: SchoolRowInput[],
    @Ctx() ctx: SubgraphContext,
  ): Promise<SchoolUpsertResult[]> {
    return new SchoolSyncService(ctx).upsert(rows);
  }
}
