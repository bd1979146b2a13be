import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Resolver, Root, type ClassType } from 'type-graphql';
import { Policy } from '../auth/policy';
import { PageArgs, type Connection } from '../connection';
import type { SubgraphContext } from '../context';
import { DeadlineView } from '../deadline';
import { SelfAssessmentEngine, type SelfAssessmentModule } from './self-assessment.engine';
import {
  selfAssessmentLimits,
  type CompleteSelfAssessmentActionInput,
  type OfMember,
  type SelfAssessmentAction,
  type SelfAssessmentOverview,
  type SelfAssessmentRating,
  type SelfAssessmentReturn,
  type SelfAssessmentStandard,
  type SelfAssessmentStandardDefinition,
  type SubmitSelfAssessmentInput,
} from './self-assessment.types';

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/**
 * The thin resolvers of one module's self-assessment: every field and mutation named after the
 * module's prefix, each handing straight to the engine.
 */
export function selfAssessmentResolvers<K extends string, M extends { name: string }>(
  module: SelfAssessmentModule<K, M>,
  /** The subgraph's stub of the partnerships subgraph's Partnership entity. */
  partnershipType: ClassType<{ id: string }>,
): ClassType[] {
  const { types } = module;
  const { prefix, describe, member: column } = types.naming;
  const memberType = types.memberType() as ClassType<M>;
  const places = {
    partnership: partnershipType,
    reference: (id: string) => Object.assign(new partnershipType(), { id }),
    member: memberType,
    memberField: column.field,
    memberReturnsField: column.returnsField,
    memberIdOf: (member: M) => {
      const id = (member as unknown as Partial<Record<string, string>>)[column.entityKey];
      if (id === undefined) throw new Error(`${memberType.name} has no ${column.entityKey}`);
      return id;
    },
  };
  const field = lowerFirst(prefix);
  const engine = (ctx: SubgraphContext) => new SelfAssessmentEngine(ctx, module);
  type Partnership = { id: string };

  @Resolver(() => places.partnership)
  class PartnershipSelfAssessmentResolver {
    @FieldResolver(() => [types.Standard], {
      nullable: true,
      name: `${field}Standards`,
      description: describe.standardsField,
    })
    standards(@Root() partnership: Partnership, @Ctx() ctx: SubgraphContext): Promise<SelfAssessmentStandard[]> {
      return engine(ctx).standardsOf(partnership.id);
    }

    @FieldResolver(() => types.ReturnConnection, {
      nullable: true,
      name: `${field}Returns`,
      description: describe.returnsField,
    })
    returns(
      @Root() partnership: Partnership,
      @Arg('financialYear', () => String, { nullable: true, description: 'e.g. 2025-26; every year when left out' })
      financialYear: string | null,
      @Args() args: PageArgs,
      @Ctx() ctx: SubgraphContext,
    ): Promise<Connection<OfMember<SelfAssessmentReturn, K>>> {
      return engine(ctx).pageOfPartnership(partnership.id, financialYear ?? null, args);
    }

    @FieldResolver(() => types.Overview, {
      nullable: true,
      name: `${field}Overview`,
      description: describe.overviewField,
    })
    overview(
      @Root() partnership: Partnership,
      @Arg('financialYear', () => String) financialYear: string,
      @Ctx() ctx: SubgraphContext,
    ): Promise<SelfAssessmentOverview> {
      return engine(ctx).overview(partnership.id, financialYear);
    }
  }

  @Resolver(() => types.Overview)
  class OverviewResolver {
    @FieldResolver(() => types.MemberConnection, { description: describe.notReturned })
    notReturned(
      @Root() overview: SelfAssessmentOverview,
      @Args() args: PageArgs,
      @Ctx() ctx: SubgraphContext,
    ): Promise<Connection<M>> {
      return engine(ctx).notReturnedOf(overview.partnershipId, overview.financialYear, args);
    }

    @FieldResolver(() => types.ActionConnection, {
      description: 'Actions of any year past their due date and not completed, the longest overdue first',
    })
    overdueActions(
      @Root() overview: SelfAssessmentOverview,
      @Args() args: PageArgs,
      @Ctx() ctx: SubgraphContext,
    ): Promise<Connection<OfMember<SelfAssessmentAction, K>>> {
      return engine(ctx).overdueActionsOf(overview.partnershipId, args);
    }
  }

  const returnDue = `The day each year's return is due, as MM-DD: local practice under ${module.duties.returnBasis}; 03-31, the last day of the year assessed, until the partnership sets another`;

  @Resolver(() => places.partnership)
  class PartnershipReturnDueResolver {
    @FieldResolver(() => String, { nullable: true, name: `${field}ReturnDue`, description: returnDue })
    returnDue(@Root() partnership: Partnership, @Ctx() ctx: SubgraphContext): Promise<string> {
      return engine(ctx).returnDueOf(partnership.id);
    }

    @Policy({ who: 'signed-in' })
    @Mutation(() => String, {
      name: `set${prefix}ReturnDue`,
      description: `Sets the day each year's return is due (the partnership's administrators); this year's open returns move to it`,
    })
    setReturnDue(
      @Arg('returnDue', () => String, { description: 'MM-DD, e.g. 06-30' }) day: string,
      @Arg('partnershipId', () => ID) partnershipId: string,
      @Ctx() ctx: SubgraphContext,
    ): Promise<string> {
      return engine(ctx).setReturnDue(partnershipId, day);
    }
  }

  @Resolver(() => places.member)
  class MemberSelfAssessmentResolver {
    @FieldResolver(() => types.ReturnConnection, {
      name: places.memberReturnsField,
      description: describe.memberReturnsField,
    })
    returns(
      @Root() member: M,
      @Args() args: PageArgs,
      @Ctx() ctx: SubgraphContext,
    ): Promise<Connection<OfMember<SelfAssessmentReturn, K>>> {
      return engine(ctx).pageOfMember(places.memberIdOf(member), args);
    }
  }

  @Resolver(() => types.Return)
  class ReturnResolver {
    @FieldResolver(() => places.member, { name: places.memberField, nullable: true })
    member(@Root() submitted: OfMember<SelfAssessmentReturn, K>, @Ctx() ctx: SubgraphContext): Promise<M | null> {
      return module.member(ctx, submitted[types.naming.member.key]);
    }

    @FieldResolver(() => places.partnership, { nullable: true })
    partnership(@Root() submitted: SelfAssessmentReturn): Partnership {
      return places.reference(submitted.partnershipId);
    }

    @FieldResolver(() => [types.Rating])
    standards(
      @Root() submitted: SelfAssessmentReturn,
      @Ctx() ctx: SubgraphContext,
    ): Promise<Array<OfMember<SelfAssessmentRating, K>>> {
      return engine(ctx).ratingsOf(submitted);
    }

    @Policy({ who: 'signed-in' })
    @Mutation(() => types.Return, { name: `submit${prefix}Return`, description: describe.submitMutation })
    submit(
      @Arg('input', () => types.SubmitInput) input: SubmitSelfAssessmentInput,
      @Ctx() ctx: SubgraphContext,
    ): Promise<OfMember<SelfAssessmentReturn, K>> {
      return engine(ctx).submit(input);
    }

    @Policy({ who: 'signed-in' })
    @Mutation(() => [types.Standard], { name: `configure${prefix}Standards`, description: describe.configureMutation })
    // type-graphql prints arguments in the reverse of their order here: the SDL reads partnershipId, standards.
    configure(
      @Arg('standards', () => [types.StandardInput], {
        description: `Every standard, replacing those configured before; at most ${selfAssessmentLimits.standards}`,
      })
      standards: SelfAssessmentStandardDefinition[],
      @Arg('partnershipId', () => ID) partnershipId: string,
      @Ctx() ctx: SubgraphContext,
    ): Promise<SelfAssessmentStandard[]> {
      return engine(ctx).configureStandards(partnershipId, standards);
    }

    @Policy({ who: 'signed-in' })
    @Mutation(() => types.Action, { name: `complete${prefix}Action`, description: describe.completeMutation })
    complete(
      @Arg('input', () => types.CompleteInput) input: CompleteSelfAssessmentActionInput,
      @Ctx() ctx: SubgraphContext,
    ): Promise<OfMember<SelfAssessmentAction, K>> {
      return engine(ctx).completeAction(input);
    }
  }

  @Resolver(() => types.Rating)
  class RatingResolver {
    @FieldResolver(() => [types.Action])
    actions(
      @Root() rating: SelfAssessmentRating,
      @Ctx() ctx: SubgraphContext,
    ): Promise<Array<OfMember<SelfAssessmentAction, K>>> {
      return engine(ctx).actionsOf(rating);
    }
  }

  @Resolver(() => types.Action)
  class ActionResolver {
    @FieldResolver(() => DeadlineView)
    deadline(@Root() action: SelfAssessmentAction, @Ctx() ctx: SubgraphContext): DeadlineView {
      return engine(ctx).deadlineOf(action);
    }

    @FieldResolver(() => places.member, { name: places.memberField, nullable: true })
    member(@Root() action: OfMember<SelfAssessmentAction, K>, @Ctx() ctx: SubgraphContext): Promise<M | null> {
      return module.member(ctx, action[types.naming.member.key]);
    }
  }

  return [
    PartnershipSelfAssessmentResolver,
    OverviewResolver,
    PartnershipReturnDueResolver,
    MemberSelfAssessmentResolver,
    ReturnResolver,
    RatingResolver,
    ActionResolver,
  ];
}
