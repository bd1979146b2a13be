import { Arg, Args, Ctx, Field, FieldResolver, ID, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import {
  DateScalar,
  PageArgs,
  type Connection,
  type SubgraphContext,
  Policy,
  publicArrangements,
  partnershipAdministratorRoles,
} from '@safeguarding/shared';
import { IntegratedCareBoard, LocalAuthority, PoliceForceArea } from '../reference-data/local-authority.type';
import {
  DelegatedSafeguardingPartner,
  DelegatedSafeguardingPartnerConnection,
  Partnership,
  StatutoryPartner,
} from './partnership.entity';
import { DelegateInput, LeadSafeguardingPartnerInput } from './partnership.input';
import { PartnershipLifecycleService } from './partnership-lifecycle.service';

@ObjectType({ description: 'What no active arrangement covers, though the law says every one must be covered' })
class Coverage {
  @Field(() => [LocalAuthority])
  uncoveredLocalAuthorities!: LocalAuthority[];

  @Field(() => [IntegratedCareBoard])
  uncoveredIntegratedCareBoards!: IntegratedCareBoard[];

  @Field(() => [PoliceForceArea])
  uncoveredPoliceForceAreas!: PoliceForceArea[];
}

@Resolver(() => StatutoryPartner)
export class StatutoryPartnerResolver {
  @FieldResolver(() => DelegatedSafeguardingPartnerConnection, {
    description: 'Those the lead partner delegated functions to (Working Together 2023, chapter 2)',
  })
  delegatedSafeguardingPartners(
    @Root() partner: StatutoryPartner,
    @Args() args: PageArgs,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Connection<DelegatedSafeguardingPartner>> {
    return new PartnershipLifecycleService(ctx).delegates(partner, args);
  }

  @Policy({ who: 'signed-in' })
  @Mutation(() => StatutoryPartner, { description: 'Names the Lead Safeguarding Partner of a statutory partner' })
  nameLeadSafeguardingPartner(
    @Arg('partnerId', () => ID) partnerId: string,
    @Arg('input') input: LeadSafeguardingPartnerInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<StatutoryPartner> {
    return new PartnershipLifecycleService(ctx).nameLead(partnerId, input);
  }

  @Policy({ who: 'signed-in' })
  @Mutation(() => DelegatedSafeguardingPartner)
  addDelegatedSafeguardingPartner(
    @Arg('partnerId', () => ID) partnerId: string,
    @Arg('input') input: DelegateInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<DelegatedSafeguardingPartner> {
    return new PartnershipLifecycleService(ctx).addDelegate(partnerId, input);
  }
}

@Resolver(() => Partnership)
export class PartnershipLifecycleResolver {
  @Policy({ who: partnershipAdministratorRoles, inPartnership: { arg: 'id' } })
  @Mutation(() => Partnership, { description: 'Brings DRAFT arrangements into force, if the statutory rules are met' })
  activatePartnership(
    @Arg('id', () => ID) id: string,
    @Arg('activeFrom', () => DateScalar) activeFrom: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Partnership> {
    return new PartnershipLifecycleService(ctx).activate(id, activeFrom);
  }

  @Policy({ who: partnershipAdministratorRoles, inPartnership: { arg: 'id' } })
  @Mutation(() => Partnership)
  dissolvePartnership(
    @Arg('id', () => ID) id: string,
    @Arg('dissolvedOn', () => DateScalar) dissolvedOn: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Partnership> {
    return new PartnershipLifecycleService(ctx).dissolve(id, dissolvedOn);
  }

  @Policy(publicArrangements)
  @Query(() => Coverage, { description: 'Live LAs, ICBs and English police forces that no active partnership covers' })
  coverage(@Ctx() ctx: SubgraphContext): Promise<Coverage> {
    return new PartnershipLifecycleService(ctx).coverage();
  }
}
