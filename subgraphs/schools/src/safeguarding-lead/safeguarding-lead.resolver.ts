import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { Policy } from '@safeguarding/shared';
import type { SubgraphContext } from '@safeguarding/shared';
import { School } from '../school/school.entity';
import { SafeguardingLead, SchoolSafeguardingFlag } from './safeguarding-lead.entity';
import { SetSafeguardingLeadsInput } from './safeguarding-lead.input';
import { SafeguardingLeadService } from './safeguarding-lead.service';

@Resolver(() => School)
export class SchoolSafeguardingLeadsResolver {
  @Policy({ who: 'signed-in' })
  @FieldResolver(() => [SafeguardingLead], {
    description: 'The designated safeguarding lead and deputies (signed-in callers)',
  })
  safeguardingLeads(@Root() school: School, @Ctx() ctx: SubgraphContext): Promise<SafeguardingLead[]> {
    return new SafeguardingLeadService(ctx).ofSchool(school.urn);
  }

  @Policy({ who: 'signed-in' })
  @FieldResolver(() => [SchoolSafeguardingFlag], {
    description: 'No DSL, or a DSL or deputy whose training is over two years old (signed-in callers)',
  })
  safeguardingFlags(@Root() school: School, @Ctx() ctx: SubgraphContext): Promise<SchoolSafeguardingFlag[]> {
    return new SafeguardingLeadService(ctx).flagsOf(school.urn);
  }

  @Policy({ who: 'signed-in' })
  @Mutation(() => [SafeguardingLead], {
    description:
      "Replaces a school's DSL and deputies (KCSIE): the school's DSL or safeguarding manager, or administrators of a partnership that designates it or covers its local authority",
  })
  setSafeguardingLeads(
    @Arg('input') input: SetSafeguardingLeadsInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<SafeguardingLead[]> {
    return new SafeguardingLeadService(ctx).set(input);
  }
}
