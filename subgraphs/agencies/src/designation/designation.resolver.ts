import { Arg, Args, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import {
  PageArgs,
  partnershipAdministratorRoles,
  type Connection,
  type SubgraphContext,
  Policy,
} from '@safeguarding/shared';
import { DesignationConnection } from './designation-connection.type';
import { AgencyConnection } from '../agency/agency-connection.type';
import { Agency } from '../agency/agency.entity';
import { AgencyService } from '../agency/agency.service';
import { PartnershipReference } from '../external/partnership.type';
import { Designation, DesignationStatus } from './designation.entity';
import { DesignateRelevantAgencyInput, EndDesignationInput } from './designation.input';
import { DesignationService } from './designation.service';

@Resolver(() => PartnershipReference)
export class PartnershipDesignationResolver {
  // Nullable: Partnership belongs to another subgraph, so this subgraph's outage costs only this field.
  @FieldResolver(() => AgencyConnection, {
    nullable: true,
    description:
      'Agencies the partnership currently names as relevant agencies (Children Act 2004 s16E(3); SI 2018/789), by name, a page at a time',
  })
  relevantAgencies(
    @Root() partnership: PartnershipReference,
    @Args() args: PageArgs,
    @Ctx() ctx: SubgraphContext,
  ): Promise<AgencyConnection> {
    return new DesignationService(ctx).relevantAgencies(partnership.id, args);
  }
}

@Resolver(() => Agency)
export class AgencyDesignationResolver {
  @FieldResolver(() => DesignationConnection, {
    description:
      'Partnerships naming this agency: current ones for anyone, the history for the staff of the partnership; the latest first, a page at a time',
  })
  designations(
    @Root() agency: Agency,
    @Args() args: PageArgs,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Connection<Designation>> {
    return new DesignationService(ctx).ofAgency(agency.id, args);
  }
}

@Resolver(() => Designation)
export class DesignationResolver {
  @FieldResolver(() => PartnershipReference, { nullable: true })
  partnership(@Root() designation: Designation): PartnershipReference {
    return PartnershipReference.of(designation.partnershipId);
  }

  @FieldResolver(() => Agency, { nullable: true })
  agency(@Root() designation: Designation, @Ctx() ctx: SubgraphContext): Promise<Agency | null> {
    return new AgencyService(ctx).byId(designation.agencyId);
  }

  @FieldResolver(() => DesignationStatus)
  status(@Root() designation: Designation, @Ctx() ctx: SubgraphContext): DesignationStatus {
    return new DesignationService(ctx).status(designation);
  }

  @Policy({ who: partnershipAdministratorRoles })
  @Mutation(() => Designation, { description: 'Names an agency as a relevant agency of a partnership you act in' })
  designateRelevantAgency(
    @Arg('input') input: DesignateRelevantAgencyInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Designation> {
    return new DesignationService(ctx).designate(input);
  }

  @Policy({ who: partnershipAdministratorRoles })
  @Mutation(() => Designation, { description: 'Ends a designation of a partnership you act in' })
  endRelevantAgencyDesignation(
    @Arg('input') input: EndDesignationInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Designation> {
    return new DesignationService(ctx).end(input);
  }
}
