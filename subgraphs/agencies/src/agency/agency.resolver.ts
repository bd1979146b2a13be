import { Authorized, Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { partnershipAdministratorRoles, type SubgraphContext } from '@safeguarding/shared';
import { Agency, AgencyKind } from './agency.entity';
import { AgencyRegistrationResult } from './agency-registration.type';
import { RegisterRelevantAgencyInput, RelevantAgencyRowInput } from './agency.input';
import { AgencyService } from './agency.service';

@Resolver(() => Agency)
export class AgencyResolver {
  @Query(() => Agency, { nullable: true })
  agency(@Arg('id', () => ID) id: string, @Ctx() ctx: SubgraphContext): Promise<Agency | null> {
    return new AgencyService(ctx).byId(id);
  }

  @Query(() => [Agency])
  agencies(
    @Arg('kind', () => AgencyKind, { nullable: true }) kind: AgencyKind | null,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Agency[]> {
    return new AgencyService(ctx).list(kind ?? null);
  }

  @Authorized(partnershipAdministratorRoles)
  @Mutation(() => Agency, { description: 'Adds an organisation that partnerships may name as a relevant agency' })
  registerRelevantAgency(
    @Arg('input') input: RegisterRelevantAgencyInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Agency> {
    return new AgencyService(ctx).registerRelevantAgency(input);
  }

  @Authorized(partnershipAdministratorRoles)
  @Mutation(() => [AgencyRegistrationResult], {
    description:
      'Registers or updates relevant agencies in bulk (at most 500 rows), idempotent by identifier: ODS code, else Companies House number, else charity number, else exact name and heading. Each row is accepted or rejected on its own.',
  })
  registerRelevantAgencies(
    @Arg('rows', () => [RelevantAgencyRowInput]) rows: RelevantAgencyRowInput[],
    @Ctx() ctx: SubgraphContext,
  ): Promise<AgencyRegistrationResult[]> {
    return new AgencyService(ctx).registerRows(rows);
  }
}
