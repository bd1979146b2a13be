import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { partnershipAdministratorRoles, type SubgraphContext, Policy } from '@safeguarding/shared';
import { DesignateSchoolsInput, EndSchoolDesignationInput } from './school-designation.input';
import { SchoolDesignationService } from './school-designation.service';
import { SchoolsDesignated } from './school-designation.type';

@Resolver()
export class SchoolDesignationResolver {
  @Policy({ who: partnershipAdministratorRoles })
  @Mutation(() => SchoolsDesignated, {
    description:
      "Names schools of the partnership's area as relevant agencies (administrators acting in the partnership; a local authority not yet in the area as designations show it, by that authority's own staff); answers how many schools the call designated and the first of them",
  })
  designateSchools(
    @Arg('input') input: DesignateSchoolsInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<SchoolsDesignated> {
    return new SchoolDesignationService(ctx).designate(input);
  }

  @Policy({ who: partnershipAdministratorRoles })
  @Mutation(() => Boolean, { description: "Ends a school's designation after the given day" })
  endSchoolDesignation(@Arg('input') input: EndSchoolDesignationInput, @Ctx() ctx: SubgraphContext): Promise<boolean> {
    return new SchoolDesignationService(ctx).end(input);
  }
}
