import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import type { SubgraphContext } from '@safeguarding/shared';
import { EscalationStageInput } from './escalation-policy.input';
import { EscalationPolicyService } from './escalation-policy.service';
import { EscalationPolicy } from './escalation-policy.type';

@Resolver(() => EscalationPolicy)
export class EscalationPolicyResolver {
  @Mutation(() => EscalationPolicy, {
    description: 'Replaces the partnership\'s escalation stages; running disagreements keep the deadlines they started with',
  })
  // type-graphql prints arguments in the reverse of their order here: the SDL reads partnershipId, stages.
  configureEscalationPolicy(
    @Arg('stages', () => [EscalationStageInput]) stages: EscalationStageInput[],
    @Arg('partnershipId', () => ID) partnershipId: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<EscalationPolicy> {
    return new EscalationPolicyService(ctx).configure(partnershipId, stages);
  }
}
