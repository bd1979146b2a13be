import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { partnershipAdministratorRoles, type SubgraphContext, Policy } from '@safeguarding/shared';
import { PartnershipReference } from '../external/partnership.type';
import { EducationRepresentative } from './education-representative.entity';
import { SetEducationRepresentationInput } from './education-representative.input';
import { EducationRepresentativeService } from './education-representative.service';

@Resolver(() => PartnershipReference)
export class EducationRepresentativeResolver {
  @FieldResolver(() => [EducationRepresentative], {
    nullable: true,
    description: 'Who represents education in the partnership, strategic level first',
  })
  educationRepresentatives(
    @Root() partnership: PartnershipReference,
    @Ctx() ctx: SubgraphContext,
  ): Promise<EducationRepresentative[]> {
    return new EducationRepresentativeService(ctx).ofPartnership(partnership.id);
  }

  @Policy({ who: partnershipAdministratorRoles })
  @Mutation(() => [EducationRepresentative], {
    description: 'Replaces how education is represented (administrators acting in the partnership)',
  })
  setEducationRepresentation(
    @Arg('input') input: SetEducationRepresentationInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<EducationRepresentative[]> {
    return new EducationRepresentativeService(ctx).set(input);
  }
}
