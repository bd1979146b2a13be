import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import {
  DeadlineView,
  ForbiddenError,
  PageArgs,
  type Connection,
  type SubgraphContext,
  Policy,
} from '@safeguarding/shared';
import { EscalationEventConnection } from '../escalation-event/escalation-event-connection.type';
import { EscalationEvent, EscalationHistoryChain } from '../escalation-event/escalation-event.entity';
import { ProfessionalDisagreement } from './professional-disagreement.entity';
import {
  EscalateProfessionalDisagreementInput,
  RaiseProfessionalDisagreementInput,
  ResolveProfessionalDisagreementInput,
} from './professional-disagreement.input';
import { ProfessionalDisagreementService } from './professional-disagreement.service';

/** A change's answer shows the case, so a caller not party to it states why, as a reader would. */
const actingReason = {
  nullable: true,
  description:
    'Why you need a case your organisation is not party to (partnership staff, the scrutineer): the answer shows the case, so it is recorded and raises an alert',
} as const;

@Resolver(() => ProfessionalDisagreement)
export class ProfessionalDisagreementResolver {
  @Policy({ who: 'signed-in' })
  @Query(() => ProfessionalDisagreement, {
    nullable: true,
    description: 'A disagreement, if it exists and you may see it',
  })
  professionalDisagreement(
    @Arg('id', () => ID) id: string,
    @Arg('accessReason', () => String, {
      nullable: true,
      description:
        'Why you need a case your organisation is not party to (partnership staff); recorded, and raises an alert',
    })
    accessReason: string | null,
    @Ctx() ctx: SubgraphContext,
  ): Promise<ProfessionalDisagreement | null> {
    return new ProfessionalDisagreementService(ctx).byId(id, accessReason ?? null);
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: 'Free text that may identify the child: shown only to the organisations party to the disagreement',
  })
  summary(@Root() disagreement: ProfessionalDisagreement, @Ctx() ctx: SubgraphContext): string | null {
    if (!new ProfessionalDisagreementService(ctx).isParty(disagreement)) {
      throw new ForbiddenError('Only the organisations party to this disagreement see its summary');
    }
    return disagreement.summary;
  }

  @FieldResolver(() => DeadlineView, {
    description: 'When the current stage must be resolved, fixed when the stage started',
  })
  stageDeadline(@Root() disagreement: ProfessionalDisagreement, @Ctx() ctx: SubgraphContext): DeadlineView {
    return new ProfessionalDisagreementService(ctx).stageDeadline(disagreement);
  }

  @FieldResolver(() => EscalationEventConnection, {
    description: 'Every event, oldest first: the history is the record (append-only), a page at a time',
  })
  history(
    @Root() disagreement: ProfessionalDisagreement,
    @Args() args: PageArgs,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Connection<EscalationEvent>> {
    return new ProfessionalDisagreementService(ctx).historyPage(disagreement, args);
  }

  @FieldResolver(() => EscalationHistoryChain, {
    description: 'Whether the history is exactly as it was written (each event hashes its predecessor)',
  })
  historyChain(
    @Root() disagreement: ProfessionalDisagreement,
    @Ctx() ctx: SubgraphContext,
  ): Promise<EscalationHistoryChain> {
    return new ProfessionalDisagreementService(ctx).historyChain(disagreement);
  }

  @Policy({ who: 'signed-in' })
  @Mutation(() => ProfessionalDisagreement, {
    description:
      'Raises a disagreement for your organisation; it starts at stage 1, or at the stage that can act now for a child at immediate risk',
  })
  raiseProfessionalDisagreement(
    @Arg('input') input: RaiseProfessionalDisagreementInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<ProfessionalDisagreement> {
    return new ProfessionalDisagreementService(ctx).raise(input);
  }

  @Policy({ who: 'signed-in' })
  @Mutation(() => ProfessionalDisagreement, {
    description: 'Moves an open disagreement to the next stage, whose deadline is fixed now',
  })
  escalateProfessionalDisagreement(
    @Arg('input') input: EscalateProfessionalDisagreementInput,
    @Arg('id', () => ID) id: string,
    @Arg('accessReason', () => String, actingReason) accessReason: string | null,
    @Ctx() ctx: SubgraphContext,
  ): Promise<ProfessionalDisagreement> {
    return new ProfessionalDisagreementService(ctx).escalate(id, input, accessReason ?? null);
  }

  @Policy({ who: 'signed-in' })
  @Mutation(() => ProfessionalDisagreement, {
    description: 'Records the outcome and the agreed actions; a resolved disagreement is closed for good',
  })
  resolveProfessionalDisagreement(
    @Arg('input') input: ResolveProfessionalDisagreementInput,
    @Arg('id', () => ID) id: string,
    @Arg('accessReason', () => String, actingReason) accessReason: string | null,
    @Ctx() ctx: SubgraphContext,
  ): Promise<ProfessionalDisagreement> {
    return new ProfessionalDisagreementService(ctx).resolve(id, input, accessReason ?? null);
  }

  @Policy({ who: 'signed-in' })
  @Mutation(() => ProfessionalDisagreement, {
    description: 'Withdraws an open disagreement (the organisation that raised it)',
  })
  withdrawProfessionalDisagreement(
    @Arg('reason') reason: string,
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<ProfessionalDisagreement> {
    return new ProfessionalDisagreementService(ctx).withdraw(id, reason);
  }

  @Policy({ who: 'signed-in' })
  @Mutation(() => ProfessionalDisagreement, {
    description: "The independent scrutineer's advice, from the partnership stage on (role SCRUTINEER)",
  })
  recordScrutineerAdvice(
    @Arg('advice') advice: string,
    @Arg('id', () => ID) id: string,
    @Arg('accessReason', () => String, actingReason) accessReason: string | null,
    @Ctx() ctx: SubgraphContext,
  ): Promise<ProfessionalDisagreement> {
    return new ProfessionalDisagreementService(ctx).recordScrutineerAdvice(id, advice, accessReason ?? null);
  }

  @Policy({ who: 'signed-in' })
  @Mutation(() => ProfessionalDisagreement, {
    description: "Learning from a disagreement, for the partnership's yearly report (parties or partnership staff)",
  })
  recordEscalationLearning(
    @Arg('note') note: string,
    @Arg('id', () => ID) id: string,
    @Arg('accessReason', () => String, actingReason) accessReason: string | null,
    @Ctx() ctx: SubgraphContext,
  ): Promise<ProfessionalDisagreement> {
    return new ProfessionalDisagreementService(ctx).recordLearning(id, note, accessReason ?? null);
  }
}
