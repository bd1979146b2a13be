import { Args, Ctx, Directive, Field, FieldResolver, ObjectType, Resolver, Root } from 'type-graphql';
import { connection, PageArgs, type Connection, type SubgraphContext } from '@safeguarding/shared';
import { SchoolDelegation, SchoolDelegationConnection } from './delegation.entity';
import { SchoolDelegationService } from './delegation.service';

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
}
