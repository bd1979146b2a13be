import { Arg, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { SubgraphContext } from '@safeguarding/shared';
import { ProfessionalDisagreement } from '../disagreement/professional-disagreement.entity';
import { ProfessionalDisagreementService } from '../disagreement/professional-disagreement.service';
import { EscalationPolicy } from '../escalation-policy/escalation-policy.type';
import { EscalationPolicyService } from '../escalation-policy/escalation-policy.service';
import { PartnershipReference } from './partnership.type';

@Resolver(() => PartnershipReference)
export class PartnershipEscalationsResolver {
  @FieldResolver(() => EscalationPolicy, {
    nullable: true,
    description: 'The published escalation policy for professional disagreements; null until one is configured',
  })
  escalationPolicy(@Root() partnership: PartnershipReference, @Ctx() ctx: SubgraphContext): Promise<EscalationPolicy | null> {
    return new EscalationPolicyService(ctx).policyOf(partnership.id);
  }

  @FieldResolver(() => [ProfessionalDisagreement], {
    description: 'Professional disagreements in this partnership that you may see (restricted)',
  })
  escalations(
    @Root() partnership: PartnershipReference,
    @Arg('accessReason', () => String, {
      nullable: true,
      description: 'Partnership staff: why you need the cases your organisation is not party to; recorded, and raises an alert per case',
    })
    accessReason: string | null,
    @Ctx() ctx: SubgraphContext,
  ): Promise<ProfessionalDisagreement[]> {
    return new ProfessionalDisagreementService(ctx).ofPartnership(partnership.id, accessReason ?? null);
  }
}
