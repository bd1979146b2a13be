import { Args, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { SubgraphContext } from '@safeguarding/shared';
import { PartnershipReference } from '../external/partnership.type';
import { PartnershipSchoolsArgs, SchoolConnection } from './school-connection.type';
import { SchoolService } from './school.service';

@Resolver(() => PartnershipReference)
export class PartnershipSchoolsResolver {
  @FieldResolver(() => SchoolConnection, {
    nullable: true,
    description: 'Schools the partnership designates as relevant agencies today, by name; paginated and filterable',
  })
  schools(
    @Root() partnership: PartnershipReference,
    @Args() args: PartnershipSchoolsArgs,
    @Ctx() ctx: SubgraphContext,
  ): Promise<SchoolConnection> {
    return new SchoolService(ctx).designatedBy(partnership, args);
  }
}

@Resolver(() => SchoolConnection)
export class SchoolConnectionResolver {
  @FieldResolver(() => Int, { description: 'Schools matching the filters, over all pages' })
  totalCount(@Root() connection: SchoolConnection): Promise<number> {
    return connection.count();
  }
}
