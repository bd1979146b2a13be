import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { SubgraphContext } from '@safeguarding/shared';
import { PartnershipReference } from '../external/partnership.type';
import { School } from './school.entity';
import { SchoolService } from './school.service';

@Resolver(() => PartnershipReference)
export class PartnershipSchoolsResolver {
  @FieldResolver(() => [School], { description: 'Schools the partnership designates as relevant agencies today, by name' })
  schools(@Root() partnership: PartnershipReference, @Ctx() ctx: SubgraphContext): Promise<School[]> {
    return new SchoolService(ctx).designatedBy(partnership);
  }
}
