import { Args, Ctx, Directive, Field, FieldResolver, ObjectType, Resolver, Root } from 'type-graphql';
import {
  Capability,
  connection,
  connectionOf,
  PageArgs,
  Policy,
  type Connection,
  type SubgraphContext,
} from '@safeguarding/shared';
import { School } from '../school/school.entity';
import { SchoolService } from '../school/school.service';
import { SchoolDelegation, SchoolDelegationConnection } from './delegation.entity';
import { SchoolDelegationService } from './delegation.service';

@ObjectType({
  description:
    'A school you act for, your own or one whose DSL or headteacher delegated to your system, and what you may do for it',
})
export class SchoolActedFor {
  @Field({ description: "The school's URN" })
  urn!: string;

  @Field(() => [Capability], {
    description:
      "What you may do for this school: a system acting through a delegation may do what the school's staff with the same roles may, except delegate",
  })
  capabilities!: Capability[];
}

export const SchoolActedForConnection = connectionOf<SchoolActedFor>(
  () => SchoolActedFor,
  'SchoolActedFor',
  'A page of the schools you act for, by URN',
);

/** The caller (the agencies subgraph answers `viewer`); here only to add the delegations it holds or gave. */
@ObjectType('Viewer')
@Directive('@key(fields: "subject")')
export class ViewerDelegations {
  @Field()
  subject!: string;
}

/** Resolves only the caller's own subject: no one reads another caller's delegations through a forged reference. */
export const viewerReference = {
  __resolveReference: (reference: { subject?: unknown }, ctx: SubgraphContext): ViewerDelegations | null =>
    ctx.scope.identity && reference.subject === ctx.scope.identity.subject
      ? Object.assign(new ViewerDelegations(), { subject: ctx.scope.identity.subject })
      : null,
};

@Resolver(() => ViewerDelegations)
export class ViewerDelegationsResolver {
  @FieldResolver(() => SchoolDelegationConnection, {
    nullable: true,
    description:
      "A system's delegations from schools (active and revoked, newest first); for a school's staff, the school's own",
  })
  async delegations(
    @Root() _viewer: ViewerDelegations,
    @Args() args: PageArgs,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Connection<SchoolDelegation>> {
    const page = await new SchoolDelegationService(ctx).ofCaller(args);
    return connection(SchoolDelegationConnection, page, page.count);
  }

  @Policy({ who: 'signed-in' })
  @FieldResolver(() => SchoolActedForConnection, {
    nullable: true,
    description:
      'The schools you act for and what you may do for each: your own school, or every school that delegates to your system now (a revoked delegation is gone from the next request on)',
  })
  schoolsActedFor(
    @Root() _viewer: ViewerDelegations,
    @Args() args: PageArgs,
    @Ctx() ctx: SubgraphContext,
  ): Connection<SchoolActedFor> {
    const page = new SchoolDelegationService(ctx).schoolsActedFor(args);
    return connection(SchoolActedForConnection, page, page.count);
  }
}

@Resolver(() => SchoolActedFor)
export class SchoolActedForResolver {
  @Policy({ who: 'signed-in' })
  @FieldResolver(() => School, { nullable: true, description: 'The school as the register holds it' })
  school(@Root() acted: SchoolActedFor, @Ctx() ctx: SubgraphContext): Promise<School | null> {
    return new SchoolService(ctx).byUrn(acted.urn);
  }

  @Policy({ who: 'signed-in' })
  @FieldResolver(() => SchoolDelegation, {
    nullable: true,
    description: "The school's delegation your system acts through; null for your own school",
  })
  delegation(@Root() acted: SchoolActedFor, @Ctx() ctx: SubgraphContext): Promise<SchoolDelegation | null> {
    return new SchoolDelegationService(ctx).actedThrough(acted.urn);
  }
}
