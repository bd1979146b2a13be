import { Arg, Ctx, ID, Int, Mutation, Resolver } from 'type-graphql';
import { Policy, type SubgraphContext } from '@safeguarding/shared';
import { EscalationStageInput } from './escalation-policy.input';
import { EscalationPolicyService, escalationStagesLimit } from './escalation-policy.service';
import { EscalationPolicy } from './escalation-policy.type';

@Resolver(() => EscalationPolicy)
export class EscalationPolicyResolver {
  @Policy({ who: 'signed-in' })
  @Mutation(() => EscalationPolicy, {
    description:
      "Replaces the partnership's escalation stages; running disagreements keep the deadlines they started with",
  })
  // type-graphql prints arguments in the reverse of their order here: the SDL reads partnershipId, stages.
  configureEscalationPolicy(
    @Arg('partnershipStagePosition', () => Int, {
      nullable: true,
      description: 'The stage at which the independent scrutineer facilitates; default 4, or the last stage',
    })
    partnershipStagePosition: number | null,
    @Arg('immediateRiskStagePosition', () => Int, {
      nullable: true,
      description: 'The stage that can act now, where a child at immediate risk starts; default 2, or the last stage',
    })
    immediateRiskStagePosition: number | null,
    @Arg('stages', () => [EscalationStageInput], {
      description: `The stages in order, first to last; at most ${escalationStagesLimit}`,
    })
    stages: EscalationStageInput[],
    @Arg('partnershipId', () => ID) partnershipId: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<EscalationPolicy> {
    return new EscalationPolicyService(ctx).configure(
      partnershipId,
      stages,
      immediateRiskStagePosition ?? null,
      partnershipStagePosition ?? null,
    );
  }
}
