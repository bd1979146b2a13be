import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import { partnershipAdministratorRoles, type SubgraphContext } from '@safeguarding/shared';
import { DesignateSchoolsInput, EndSchoolDesignationInput } from './school-designation.input';
import { SchoolDesignationService } from './school-designation.service';
import { School } from './school.entity';

@Resolver()
export class SchoolDesignationResolver {
  @Authorized(partnershipAdministratorRoles)
  @Mutation(() => [School], { description: 'Names schools of the partnership\'s area as relevant agencies (administrators acting in the partnership; a local authority not yet in the area as designations show it, by that authority\'s own staff); answers the schools now designated by this call' })
  designateSchools(@Arg('input') input: DesignateSchoolsInput, @Ctx() ctx: SubgraphContext): Promise<School[]> {
    return new SchoolDesignationService(ctx).designate(input);
  }

  @Authorized(partnershipAdministratorRoles)
  @Mutation(() => Boolean, { description: 'Ends a school\'s designation after the given day' })
  endSchoolDesignation(@Arg('input') input: EndSchoolDesignationInput, @Ctx() ctx: SubgraphContext): Promise<boolean> {
    return new SchoolDesignationService(ctx).end(input);
  }
}
