import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import {
  nationalRegisterRoles,
  PageArgs,
  type Connection,
  type SubgraphContext,
  Policy,
  publicArrangements,
} from '@safeguarding/shared';
import { PartnershipConnection } from './partnership-connection.type';
import { LocalAuthority } from '../reference-data/local-authority.type';
import { Partnership, PartnershipStatus, StatutoryPartner } from './partnership.entity';
import { CreatePartnershipInput } from './partnership.input';
import { PartnershipService } from './partnership.service';

@Resolver(() => Partnership)
export class PartnershipResolver {
  @Policy(publicArrangements)
  @Query(() => Partnership, { nullable: true, description: 'A partnership, if it exists and you may see it' })
  partnership(@Arg('id', () => ID) id: string, @Ctx() ctx: SubgraphContext): Promise<Partnership | null> {
    return new PartnershipService(ctx).byId(id);
  }

  @Policy(publicArrangements)
  @Query(() => Partnership, {
    nullable: true,
    description:
      'The active partnership whose footprint includes a local authority (Children Act 2004 s16E), by exactly one of its ONS GSS code or DfE 3-digit LA code; a code retired on reorganisation finds its successor',
  })
  partnershipFor(
    @Arg('localAuthorityGssCode', () => String, { nullable: true }) localAuthorityGssCode: string | null,
    @Arg('localAuthorityDfeCode', () => String, { nullable: true }) localAuthorityDfeCode: string | null,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Partnership | null> {
    return new PartnershipService(ctx).coveringLocalAuthority({ localAuthorityGssCode, localAuthorityDfeCode });
  }

  @Policy(publicArrangements)
  @Query(() => PartnershipConnection, {
    description:
      'The partnerships you may see (multi-agency safeguarding arrangements, Children Act 2004 s16E), by name, a page at a time',
  })
  partnerships(
    @Arg('status', () => PartnershipStatus, { nullable: true }) status: PartnershipStatus | null,
    @Args() args: PageArgs,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Connection<Partnership>> {
    return new PartnershipService(ctx).page(status ?? null, args);
  }

  @FieldResolver(() => [LocalAuthority], { description: 'The local authority areas of the footprint' })
  localAuthorities(@Root() partnership: Partnership, @Ctx() ctx: SubgraphContext): Promise<LocalAuthority[]> {
    return new PartnershipService(ctx).localAuthorities(partnership);
  }

  @FieldResolver(() => [StatutoryPartner], { description: 'The local authorities, ICBs and police forces' })
  partners(@Root() partnership: Partnership, @Ctx() ctx: SubgraphContext): Promise<StatutoryPartner[]> {
    return new PartnershipService(ctx).partners(partnership);
  }

  @Policy({ who: nationalRegisterRoles })
  @Mutation(() => Partnership, {
    description:
      'Creates arrangements as DRAFT: by an administrator acting for one of the safeguarding partners it names (Children Act 2004 s16E), or a national administrator',
  })
  createPartnership(@Arg('input') input: CreatePartnershipInput, @Ctx() ctx: SubgraphContext): Promise<Partnership> {
    return new PartnershipService(ctx).create(input);
  }
}
