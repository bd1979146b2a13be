import { Arg, Args, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { connection, PageArgs, type Connection, type SubgraphContext, Policy } from '@safeguarding/shared';
import { School } from '../school/school.entity';
import { SchoolDelegation, SchoolDelegationConnection } from './delegation.entity';
import { SchoolDelegationInput } from './delegation.input';
import { SchoolDelegationService } from './delegation.service';

@Resolver(() => School)
export class SchoolDelegationResolver {
  @Policy({ who: 'signed-in' })
  @FieldResolver(() => SchoolDelegationConnection, {
    description:
      "Systems the school allows to act for it, newest first: all of them to the school's own staff, its own to a system, none to anyone else",
  })
  async delegations(
    @Root() school: School,
    @Args() args: PageArgs,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Connection<SchoolDelegation>> {
    const page = await new SchoolDelegationService(ctx).ofSchool(school.urn, args);
    return connection(SchoolDelegationConnection, page, page.count);
  }

  @Policy({ who: 'signed-in' })
  @Mutation(() => SchoolDelegation, {
    description:
      "Allows a system (an MIS supplier's OAuth client) to act for the school with the roles and scopes its token carries (the school's DSL or headteacher); granting an active one again returns it",
  })
  grantSchoolDelegation(
    @Arg('input') input: SchoolDelegationInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<SchoolDelegation> {
    return new SchoolDelegationService(ctx).grant(input);
  }

  @Policy({ who: 'signed-in' })
  @Mutation(() => SchoolDelegation, {
    description: "Ends a system's delegation from the next request on (the school's DSL or headteacher)",
  })
  revokeSchoolDelegation(
    @Arg('input') input: SchoolDelegationInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<SchoolDelegation> {
    return new SchoolDelegationService(ctx).revoke(input);
  }
}
