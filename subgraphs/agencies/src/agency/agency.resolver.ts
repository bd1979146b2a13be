import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { nationalRegisterRoles, type SubgraphContext, Policy, publicRegister } from '@safeguarding/shared';
import { Agency } from './agency.entity';
import { AgenciesArgs, AgencyConnection } from './agency-connection.type';
import { AgencyRegistrationResult } from './agency-registration.type';
import { RegisterRelevantAgencyInput, RelevantAgencyRowInput } from './agency.input';
import { AgencyService, maxRowsPerRequest } from './agency.service';

@Resolver(() => Agency)
export class AgencyResolver {
  @Policy(publicRegister)
  @Query(() => Agency, { nullable: true })
  agency(@Arg('id', () => ID) id: string, @Ctx() ctx: SubgraphContext): Promise<Agency | null> {
    return new AgencyService(ctx).byId(id);
  }

  @Policy(publicRegister)
  @Query(() => Agency, {
    nullable: true,
    description:
      'An agency by a code you hold, exactly one of: NHS ODS code (ICBs, NHS trusts), ONS GSS code (local authorities, police force areas, e.g. E23000033 for Sussex Police) or DfE 3-digit LA code; the live record first when a code was reused',
  })
  agencyByCode(
    @Arg('odsCode', () => String, { nullable: true }) odsCode: string | null,
    @Arg('gssCode', () => String, { nullable: true }) gssCode: string | null,
    @Arg('dfeCode', () => String, { nullable: true }) dfeCode: string | null,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Agency | null> {
    return new AgencyService(ctx).byCode({ odsCode, gssCode, dfeCode });
  }

  @Policy(publicRegister)
  @Query(() => AgencyConnection, {
    description: 'The organisation register by name, a page at a time, optionally of one kind',
  })
  agencies(@Args() args: AgenciesArgs, @Ctx() ctx: SubgraphContext): Promise<AgencyConnection> {
    return new AgencyService(ctx).page(args);
  }

  @Policy({ who: nationalRegisterRoles })
  @Mutation(() => Agency, {
    description:
      'Adds an organisation that partnerships may name as a relevant agency (administrators acting in a partnership, or a national administrator)',
  })
  registerRelevantAgency(
    @Arg('input') input: RegisterRelevantAgencyInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Agency> {
    return new AgencyService(ctx).registerRelevantAgency(input);
  }

  @Policy({ who: nationalRegisterRoles })
  @Mutation(() => [AgencyRegistrationResult], {
    description:
      'Registers or updates relevant agencies in bulk (at most 500 rows), idempotent by identifier: ODS code, else Companies House number, else charity number, else exact name and heading. Each row is accepted or rejected on its own; a batch that would change an agency no partnership of yours names (SI 2018/789) is refused whole.',
  })
  registerRelevantAgencies(
    @Arg('rows', () => [RelevantAgencyRowInput], {
      description: `Agencies to register or update; at most ${maxRowsPerRequest} a request (a larger file goes in several)`,
    })
    rows: RelevantAgencyRowInput[],
    @Ctx() ctx: SubgraphContext,
  ): Promise<AgencyRegistrationResult[]> {
    return new AgencyService(ctx).registerRows(rows);
  }
}

@Resolver(() => AgencyConnection)
export class AgencyConnectionResolver {
  @FieldResolver(() => Int, { description: 'Agencies matching the filters, over all pages' })
  totalCount(@Root() connection: AgencyConnection): Promise<number> {
    return connection.count();
  }
}
