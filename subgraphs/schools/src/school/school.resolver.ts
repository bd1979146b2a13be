import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { nationalRegisterRoles, type SubgraphContext, Policy, publicRegister } from '@safeguarding/shared';
import { School } from './school.entity';
import { SchoolConnection, SchoolsArgs } from './school-connection.type';
import { RegisterSchoolInput } from './school.input';
import { Trust } from '../trust/trust.entity';
import { SchoolService } from './school.service';

@Resolver(() => School)
export class SchoolResolver {
  @Policy(publicRegister)
  @Query(() => School, { nullable: true, description: 'A school by its GIAS URN' })
  school(@Arg('urn', () => String) urn: string, @Ctx() ctx: SubgraphContext): Promise<School | null> {
    return new SchoolService(ctx).byUrn(urn);
  }

  @Policy(publicRegister)
  @Query(() => School, {
    nullable: true,
    description:
      'A school by a code an MIS holds, exactly one of: GIAS URN (6 digits), UKPRN (8 digits) or LAESTAB (DfE LA code and establishment number, 7 digits)',
  })
  schoolByCode(
    @Arg('urn', () => String, { nullable: true }) urn: string | null,
    @Arg('ukprn', () => String, { nullable: true }) ukprn: string | null,
    @Arg('laestab', () => String, { nullable: true }) laestab: string | null,
    @Ctx() ctx: SubgraphContext,
  ): Promise<School | null> {
    return new SchoolService(ctx).byCode({ urn, ukprn, laestab });
  }

  @Policy(publicRegister)
  @Query(() => SchoolConnection, {
    description: 'Schools by name then URN, a page at a time, optionally only those in one LA (DfE 3-digit code)',
  })
  schools(@Args() args: SchoolsArgs, @Ctx() ctx: SubgraphContext): Promise<SchoolConnection> {
    return new SchoolService(ctx).page(args);
  }

  @Policy({ who: nationalRegisterRoles })
  @Mutation(() => School, {
    description:
      'Registers a school from its GIAS record: administrators of the partnership covering its local authority, or a national administrator',
  })
  registerSchool(@Arg('input') input: RegisterSchoolInput, @Ctx() ctx: SubgraphContext): Promise<School> {
    return new SchoolService(ctx).register(input);
  }

  @FieldResolver(() => Trust, { nullable: true, description: 'The academy trust the school belongs to, if any' })
  trust(@Root() school: School, @Ctx() ctx: SubgraphContext): Promise<Trust | null> {
    return new SchoolService(ctx).trustOf(school);
  }
}
