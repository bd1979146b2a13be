import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { DeadlineView, PageArgs, type Connection, type SubgraphContext, Policy } from '@safeguarding/shared';
import { EscalationEventConnection } from '../escalation-event/escalation-event-connection.type';
import { NationalEscalationConnection } from './national-escalation-connection.type';
import { EscalationEvent, EscalationHistoryChain } from '../escalation-event/escalation-event.entity';
import { NationalEscalation, NationalEscalationStatus } from './national-escalation.entity';
import { RaiseNationalEscalationInput } from './national-escalation.input';
import { NationalEscalationService } from './national-escalation.service';

@Resolver(() => NationalEscalation)
export class NationalEscalationResolver {
  @Policy({ who: 'signed-in' })
  @Query(() => NationalEscalation, {
    nullable: true,
    description: 'A national escalation, if it exists and you may see it',
  })
  nationalEscalation(@Arg('id', () => ID) id: string, @Ctx() ctx: SubgraphContext): Promise<NationalEscalation | null> {
    return new NationalEscalationService(ctx).byId(id);
  }

  @Policy({ who: 'signed-in' })
  @Query(() => NationalEscalationConnection, {
    description:
      "National escalations you may see: every partnership's for the Panel, your own partnerships' for their staff; newest first, a page at a time",
  })
  nationalEscalations(
    @Arg('status', () => NationalEscalationStatus, { nullable: true }) status: NationalEscalationStatus | null,
    @Args() args: PageArgs,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Connection<NationalEscalation>> {
    return new NationalEscalationService(ctx).list(status ?? null, args);
  }

  @FieldResolver(() => EscalationEventConnection, {
    description: 'Every event, oldest first (append-only), a page at a time',
  })
  history(
    @Root() escalation: NationalEscalation,
    @Args() args: PageArgs,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Connection<EscalationEvent>> {
    return new NationalEscalationService(ctx).historyPage(escalation, args);
  }

  @FieldResolver(() => DeadlineView, {
    description:
      "The national recipient's acknowledgement: no statutory timescale; expected within 10 working days of raising (service standard)",
  })
  acknowledgementDeadline(@Root() escalation: NationalEscalation, @Ctx() ctx: SubgraphContext): DeadlineView {
    return new NationalEscalationService(ctx).acknowledgementDeadline(escalation);
  }

  @FieldResolver(() => EscalationHistoryChain, { description: 'Whether the history is exactly as it was written' })
  historyChain(@Root() escalation: NationalEscalation, @Ctx() ctx: SubgraphContext): Promise<EscalationHistoryChain> {
    return new NationalEscalationService(ctx).historyChain(escalation);
  }

  @Policy({ who: 'signed-in' })
  @Mutation(() => NationalEscalation, {
    description: 'Escalates a partnership matter to the Panel or the Secretary of State',
  })
  raiseNationalEscalation(
    @Arg('input') input: RaiseNationalEscalationInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<NationalEscalation> {
    return new NationalEscalationService(ctx).raise(input);
  }

  @Policy({ who: 'signed-in' })
  @Mutation(() => NationalEscalation, { description: 'The Panel acknowledges receipt (role PANEL_MEMBER)' })
  acknowledgeNationalEscalation(
    @Arg('note', () => String, { nullable: true }) note: string | null,
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<NationalEscalation> {
    return new NationalEscalationService(ctx).acknowledge(id, note ?? null);
  }

  @Policy({ who: 'signed-in' })
  @Mutation(() => NationalEscalation, {
    description: 'The Panel records the national response and closes it (role PANEL_MEMBER)',
  })
  closeNationalEscalation(
    @Arg('outcome') outcome: string,
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<NationalEscalation> {
    return new NationalEscalationService(ctx).close(id, outcome);
  }

  @Policy({ who: 'signed-in' })
  @Mutation(() => NationalEscalation, { description: 'The partnership withdraws it' })
  withdrawNationalEscalation(
    @Arg('reason') reason: string,
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<NationalEscalation> {
    return new NationalEscalationService(ctx).withdraw(id, reason);
  }
}
