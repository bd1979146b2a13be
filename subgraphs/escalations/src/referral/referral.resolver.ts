import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { DeadlineView, PageArgs, type Connection, type SubgraphContext, Policy } from '@safeguarding/shared';
import { ReferralConnection } from './referral-connection.type';
import { Referral } from './referral.entity';
import { DecideReferralInput, SubmitReferralInput } from './referral.input';
import { referralRoles } from './referral.roles';
import { ReferralService } from './referral.service';

@Resolver(() => Referral)
export class ReferralResolver {
  @Policy({ who: 'signed-in' })
  @Query(() => Referral, {
    nullable: true,
    description: 'A referral your organisation made or received; null for anyone else',
  })
  referral(@Arg('id', () => ID) id: string, @Ctx() ctx: SubgraphContext): Promise<Referral | null> {
    return new ReferralService(ctx).byId(id);
  }

  @Query(() => ReferralConnection, {
    description:
      'Referrals to your local authority not decided by their due date (Working Together 2023 chapter 2: a decision within one working day), longest overdue first, a page at a time',
  })
  @Policy({ who: referralRoles })
  overdueReferrals(@Args() args: PageArgs, @Ctx() ctx: SubgraphContext): Promise<Connection<Referral>> {
    return new ReferralService(ctx).overdue(args);
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: "The child's NHS number: only the referring organisation and the receiving authority see it",
  })
  nhsNumber(@Root() referral: Referral, @Ctx() ctx: SubgraphContext): string | null {
    return new ReferralService(ctx).nhsNumber(referral);
  }

  @FieldResolver(() => DeadlineView, {
    description: 'When the authority must acknowledge it: one working day after receipt, or at once',
  })
  acknowledgementDeadline(@Root() referral: Referral, @Ctx() ctx: SubgraphContext): DeadlineView {
    return new ReferralService(ctx).acknowledgementDeadline(referral);
  }

  @FieldResolver(() => DeadlineView, {
    description: 'When the authority must decide the response: one working day after receipt, or at once',
  })
  decisionDeadline(@Root() referral: Referral, @Ctx() ctx: SubgraphContext): DeadlineView {
    return new ReferralService(ctx).decisionDeadline(referral);
  }

  @FieldResolver(() => String, {
    nullable: true,
    description:
      'Advice with the answer: early help indicators without significant harm suggest an early help assessment',
  })
  suggestion(@Root() referral: Referral, @Ctx() ctx: SubgraphContext): string | null {
    return new ReferralService(ctx).suggestion(referral);
  }

  @FieldResolver(() => Referral, {
    nullable: true,
    description: 'An earlier referral about the same child to the same authority within 30 days, if you may see it',
  })
  possibleDuplicateOf(@Root() referral: Referral, @Ctx() ctx: SubgraphContext): Promise<Referral | null> {
    return new ReferralService(ctx).possibleDuplicateOf(referral);
  }

  @Mutation(() => Referral, {
    description:
      "Refers a concern to the child's home local authority; retrying with the same idempotencyKey returns the first referral",
  })
  @Policy({ who: referralRoles })
  submitReferral(@Arg('input') input: SubmitReferralInput, @Ctx() ctx: SubgraphContext): Promise<Referral> {
    return new ReferralService(ctx).submit(input);
  }

  @Mutation(() => Referral, { description: 'The receiving authority acknowledges a referral' })
  @Policy({ who: referralRoles })
  acknowledgeReferral(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: SubgraphContext,
    @Arg('acknowledgedAt', () => String, {
      nullable: true,
      description:
        'ISO 8601 instant (with offset) it was acknowledged, as your system recorded it; not in the future, not before receipt. Left out: now',
    })
    acknowledgedAt?: string | null,
  ): Promise<Referral> {
    return new ReferralService(ctx).acknowledge(id, acknowledgedAt ?? null);
  }

  @Mutation(() => Referral, {
    description: 'The receiving authority decides the response, with feedback to the referrer (acknowledges it too)',
  })
  @Policy({ who: referralRoles })
  decideReferral(
    @Arg('input') input: DecideReferralInput,
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Referral> {
    return new ReferralService(ctx).decide(id, input);
  }
}
