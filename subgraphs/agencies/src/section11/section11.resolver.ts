import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import { DeadlineView, type SubgraphContext } from '@safeguarding/shared';
import { Agency } from '../agency/agency.entity';
import { AgencyService } from '../agency/agency.service';
import { PartnershipReference } from '../external/partnership.type';
import { Section11Overview } from './section11-overview.type';
import { Section11Action, Section11Rating, Section11Return } from './section11-return.entity';
import { Section11ReturnService } from './section11-return.service';
import { Section11Standard } from './section11-standard.entity';
import { Section11StandardService } from './section11-standard.service';
import { CompleteSection11ActionInput, Section11StandardInput, SubmitSection11ReturnInput } from './section11.input';

@Resolver(() => PartnershipReference)
export class PartnershipSection11Resolver {
  @FieldResolver(() => [Section11Standard], { description: 'The section 11 standards its agencies assess themselves against (the default set until configured)' })
  section11Standards(@Root() partnership: PartnershipReference, @Ctx() ctx: SubgraphContext): Promise<Section11Standard[]> {
    return new Section11StandardService(ctx).standardsOf(partnership.id);
  }

  @FieldResolver(() => [Section11Return], { description: 'Section 11 returns you may see: your own agency\'s, or all of them for the partnership\'s staff (restricted)' })
  section11Returns(
    @Root() partnership: PartnershipReference,
    @Arg('financialYear', () => String, { nullable: true, description: 'e.g. 2025-26; every year when left out' }) financialYear: string | null,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Section11Return[]> {
    return new Section11ReturnService(ctx).ofPartnership(partnership.id, financialYear ?? null);
  }

  @FieldResolver(() => Section11Overview, { description: 'Who has not returned, ratings across agencies and overdue actions (partnership staff)' })
  section11Overview(
    @Root() partnership: PartnershipReference,
    @Arg('financialYear', () => String) financialYear: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Section11Overview> {
    return new Section11ReturnService(ctx).overview(partnership.id, financialYear);
  }
}

@Resolver(() => Agency)
export class AgencySection11Resolver {
  @FieldResolver(() => [Section11Return], { description: 'The agency\'s section 11 returns: for the agency itself and the partnerships\' staff (restricted)' })
  section11Returns(@Root() agency: Agency, @Ctx() ctx: SubgraphContext): Promise<Section11Return[]> {
    return new Section11ReturnService(ctx).ofAgency(agency.id);
  }
}

@Resolver(() => Section11Return)
export class Section11ReturnResolver {
  @FieldResolver(() => Agency, { nullable: true })
  agency(@Root() submitted: Section11Return, @Ctx() ctx: SubgraphContext): Promise<Agency | null> {
    return new AgencyService(ctx).byId(submitted.agencyId);
  }

  @FieldResolver(() => PartnershipReference)
  partnership(@Root() submitted: Section11Return): PartnershipReference {
    return PartnershipReference.of(submitted.partnershipId);
  }

  @FieldResolver(() => [Section11Rating])
  standards(@Root() submitted: Section11Return, @Ctx() ctx: SubgraphContext): Promise<Section11Rating[]> {
    return new Section11ReturnService(ctx).ratingsOf(submitted);
  }

  @Mutation(() => Section11Return, { description: 'An agency\'s yearly self-assessment, by its safeguarding lead or manager' })
  submitSection11Return(@Arg('input') input: SubmitSection11ReturnInput, @Ctx() ctx: SubgraphContext): Promise<Section11Return> {
    return new Section11ReturnService(ctx).submit(input);
  }

  @Mutation(() => [Section11Standard], { description: 'Replaces a partnership\'s section 11 standards; returns already made keep theirs' })
  // type-graphql prints arguments in the reverse of their order here: the SDL reads partnershipId, standards.
  configureSection11Standards(
    @Arg('standards', () => [Section11StandardInput]) standards: Section11StandardInput[],
    @Arg('partnershipId', () => ID) partnershipId: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Section11Standard[]> {
    return new Section11StandardService(ctx).configure(partnershipId, standards);
  }

  @Mutation(() => Section11Action, { description: 'Records a section 11 action as done (the agency, or the partnership\'s administrators)' })
  completeSection11Action(@Arg('input') input: CompleteSection11ActionInput, @Ctx() ctx: SubgraphContext): Promise<Section11Action> {
    return new Section11ReturnService(ctx).completeAction(input);
  }
}

@Resolver(() => Section11Rating)
export class Section11RatingResolver {
  @FieldResolver(() => [Section11Action])
  actions(@Root() rating: Section11Rating, @Ctx() ctx: SubgraphContext): Promise<Section11Action[]> {
    return new Section11ReturnService(ctx).actionsOf(rating);
  }
}

@Resolver(() => Section11Action)
export class Section11ActionResolver {
  @FieldResolver(() => DeadlineView)
  deadline(@Root() action: Section11Action, @Ctx() ctx: SubgraphContext): DeadlineView {
    return new Section11ReturnService(ctx).deadlineOf(action);
  }

  @FieldResolver(() => Agency, { nullable: true })
  agency(@Root() action: Section11Action, @Ctx() ctx: SubgraphContext): Promise<Agency | null> {
    return new AgencyService(ctx).byId(action.agencyId);
  }
}
