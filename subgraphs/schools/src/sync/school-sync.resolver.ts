import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import { partnershipAdministratorRoles, type SubgraphContext } from '@safeguarding/shared';
import { SchoolRowInput } from './school-sync.input';
import { SchoolSyncService } from './school-sync.service';
import { SchoolUpsertResult } from './school-sync.type';

@Resolver()
export class SchoolSyncResolver {
  @Authorized(partnershipAdministratorRoles)
  @Mutation(() => [SchoolUpsertResult], {
    description: 'Bulk sync for MIS vendors, idempotent by URN (at most 1,000 rows): answers per row; a bad row never fails the others',
  })
  upsertSchools(@Arg('rows', () => [SchoolRowInput]) rows: SchoolRowInput[], @Ctx() ctx: SubgraphContext): Promise<SchoolUpsertResult[]> {
    return new SchoolSyncService(ctx).upsert(rows);
  }
}
