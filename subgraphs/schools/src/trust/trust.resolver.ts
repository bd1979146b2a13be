import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { nationalRegisterRoles, PageArgs, type SubgraphContext, Policy, publicRegister } from '@safeguarding/shared';
import { SchoolConnection } from '../school/school-connection.type';
import { Trust } from './trust.entity';
import { RecordTrustInput } from './trust.input';
import { TrustService } from './trust.service';

@Resolver(() => Trust)
export class TrustResolver {
  @Policy(publicRegister)
  @Query(() => Trust, { nullable: true, description: 'A trust by its GIAS group UID' })
  trust(@Arg('uid', () => String) uid: string, @Ctx() ctx: SubgraphContext): Promise<Trust | null> {
    return new TrustService(ctx).byUid(uid);
  }

  @FieldResolver(() => SchoolConnection, {
    description: "The trust's establishments, by name then URN, a page at a time",
  })
  schools(@Root() trust: Trust, @Args() args: PageArgs, @Ctx() ctx: SubgraphContext): Promise<SchoolConnection> {
    return new TrustService(ctx).schoolsOf(trust, args);
  }

  @Policy({ who: nationalRegisterRoles })
  @Mutation(() => Trust, {
    description:
      'Records a trust (GIAS group), or updates the one with that UID: a new one by administrators acting in a partnership; a recorded one by those holding every school it runs, or a national administrator',
  })
  recordTrust(@Arg('input') input: RecordTrustInput, @Ctx() ctx: SubgraphContext): Promise<Trust> {
    return new TrustService(ctx).record(input);
  }
}
