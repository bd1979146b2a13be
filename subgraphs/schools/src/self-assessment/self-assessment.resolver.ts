import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import { DeadlineView, type SubgraphContext } from '@safeguarding/shared';
import { PartnershipReference } from '../external/partnership.type';
import { School } from '../school/school.entity';
import { SchoolService } from '../school/school.service';
import { SchoolSafeguardingOverview } from './school-safeguarding-overview.type';
import { SchoolSafeguardingAction, SchoolSafeguardingRating, SchoolSafeguardingReturn } from './school-safeguarding-return.entity';
import { SchoolSafeguardingReturnService } from './school-safeguarding-return.service';
import { SchoolSafeguardingStandard } from './school-safeguarding-standard.entity';
import { SchoolSafeguardingStandardService } from './school-safeguarding-standard.service';
import { CompleteSchoolSafeguardingActionInput, SchoolSafeguardingStandardInput, SubmitSchoolSafeguardingReturnInput } from './self-assessment.input';

@Resolver(() => PartnershipReference)
export class PartnershipSchoolSafeguardingResolver {
  @FieldResolver(() => [SchoolSafeguardingStandard], { description: 'The standards its schools rate themselves against in their section 175/157 return (the default set until configured)' })
  schoolSafeguardingStandards(@Root() partnership: PartnershipReference, @Ctx() ctx: SubgraphContext): Promise<SchoolSafeguardingStandard[]> {
    return new SchoolSafeguardingStandardService(ctx).standardsOf(partnership.id);
  }

  @FieldResolver(() => [SchoolSafeguardingReturn], { description: 'Section 175/157 returns you may see: your own school\'s, or all of them for the partnership\'s staff (restricted)' })
  schoolSafeguardingReturns(
    @Root() partnership: PartnershipReference,
    @Arg('financialYear', () => String, { nullable: true, description: 'e.g. 2025-26; every year when left out' }) financialYear: string | null,
    @Ctx() ctx: SubgraphContext,
  ): Promise<SchoolSafeguardingReturn[]> {
    return new SchoolSafeguardingReturnService(ctx).ofPartnership(partnership.id, financialYear ?? null);
  }

  @FieldResolver(() => SchoolSafeguardingOverview, { description: 'Schools that have not returned, ratings across schools and overdue actions (partnership staff)' })
  schoolSafeguardingOverview(
    @Root() partnership: PartnershipReference,
    @Arg('financialYear', () => String) financialYear: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<SchoolSafeguardingOverview> {
    return new SchoolSafeguardingReturnService(ctx).overview(partnership.id, financialYear);
  }
}

@Resolver(() => School)
export class SchoolSafeguardingReturnsResolver {
  @FieldResolver(() => [SchoolSafeguardingReturn], { description: 'The school\'s section 175/157 returns: for the school itself and the partnerships\' staff (restricted)' })
  safeguardingReturns(@Root() school: School, @Ctx() ctx: SubgraphContext): Promise<SchoolSafeguardingReturn[]> {
    return new SchoolSafeguardingReturnService(ctx).ofSchool(school.urn);
  }
}

@Resolver(() => SchoolSafeguardingReturn)
export class SchoolSafeguardingReturnResolver {
  @FieldResolver(() => School, { nullable: true })
  school(@Root() submitted: SchoolSafeguardingReturn, @Ctx() ctx: SubgraphContext): Promise<School | null> {
    return new SchoolService(ctx).byUrn(submitted.urn);
  }

  @FieldResolver(() => PartnershipReference)
  partnership(@Root() submitted: SchoolSafeguardingReturn): PartnershipReference {
    return PartnershipReference.of(submitted.partnershipId);
  }

  @FieldResolver(() => [SchoolSafeguardingRating])
  standards(@Root() submitted: SchoolSafeguardingReturn, @Ctx() ctx: SubgraphContext): Promise<SchoolSafeguardingRating[]> {
    return new SchoolSafeguardingReturnService(ctx).ratingsOf(submitted);
  }

  @Mutation(() => SchoolSafeguardingReturn, { description: 'A school\'s yearly section 175/157 self-assessment, by its designated safeguarding lead' })
  submitSchoolSafeguardingReturn(@Arg('input') input: SubmitSchoolSafeguardingReturnInput, @Ctx() ctx: SubgraphContext): Promise<SchoolSafeguardingReturn> {
    return new SchoolSafeguardingReturnService(ctx).submit(input);
  }

  @Mutation(() => [SchoolSafeguardingStandard], { description: 'Replaces a partnership\'s school safeguarding standards (administrators acting in it); returns already made keep theirs' })
  // type-graphql prints arguments in the reverse of their order here: the SDL reads partnershipId, standards.
  configureSchoolSafeguardingStandards(
    @Arg('standards', () => [SchoolSafeguardingStandardInput]) standards: SchoolSafeguardingStandardInput[],
    @Arg('partnershipId', () => ID) partnershipId: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<SchoolSafeguardingStandard[]> {
    return new SchoolSafeguardingStandardService(ctx).configure(partnershipId, standards);
  }

  @Mutation(() => SchoolSafeguardingAction, { description: 'Records a school safeguarding action as done (the school, or the partnership\'s administrators)' })
  completeSchoolSafeguardingAction(@Arg('input') input: CompleteSchoolSafeguardingActionInput, @Ctx() ctx: SubgraphContext): Promise<SchoolSafeguardingAction> {
    return new SchoolSafeguardingReturnService(ctx).completeAction(input);
  }
}

@Resolver(() => SchoolSafeguardingRating)
export class SchoolSafeguardingRatingResolver {
  @FieldResolver(() => [SchoolSafeguardingAction])
  actions(@Root() rating: SchoolSafeguardingRating, @Ctx() ctx: SubgraphContext): Promise<SchoolSafeguardingAction[]> {
    return new SchoolSafeguardingReturnService(ctx).actionsOf(rating);
  }
}

@Resolver(() => SchoolSafeguardingAction)
export class SchoolSafeguardingActionResolver {
  @FieldResolver(() => DeadlineView)
  deadline(@Root() action: SchoolSafeguardingAction, @Ctx() ctx: SubgraphContext): DeadlineView {
    return new SchoolSafeguardingReturnService(ctx).deadlineOf(action);
  }

  @FieldResolver(() => School, { nullable: true })
  school(@Root() action: SchoolSafeguardingAction, @Ctx() ctx: SubgraphContext): Promise<School | null> {
    return new SchoolService(ctx).byUrn(action.urn);
  }
}
