import { Arg, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { SubgraphContext } from '@safeguarding/shared';
import { ProfessionalDisagreement } from '../disagreement/professional-disagreement.entity';
import { ProfessionalDisagreementService } from '../disagreement/professional-disagreement.service';
import { Referral } from '../referral/referral.entity';
import { ReferralService } from '../referral/referral.service';
import { AgencyStub } from './agency.type';

const accessReasonDescription =
  'Partnership staff: why you need the cases your organisation is not party to; recorded, and raises an alert per case';

@Resolver(() => AgencyStub)
export class AgencyEscalationsResolver {
  @FieldResolver(() => [ProfessionalDisagreement], { description: 'Disagreements this agency raised that you may see (restricted)' })
  escalationsRaised(
    @Root() agency: AgencyStub,
    @Arg('accessReason', () => String, { nullable: true, description: accessReasonDescription }) accessReason: string | null,
    @Ctx() ctx: SubgraphContext,
  ): Promise<ProfessionalDisagreement[]> {
    return new ProfessionalDisagreementService(ctx).ofOrganisation('raised', agency.id, accessReason ?? null);
  }

  @FieldResolver(() => [ProfessionalDisagreement], { description: 'Disagreements raised with this agency that you may see (restricted)' })
  escalationsReceived(
    @Root() agency: AgencyStub,
    @Arg('accessReason', () => String, { nullable: true, description: accessReasonDescription }) accessReason: string | null,
    @Ctx() ctx: SubgraphContext,
  ): Promise<ProfessionalDisagreement[]> {
    return new ProfessionalDisagreementService(ctx).ofOrganisation('received', agency.id, accessReason ?? null);
  }

  @FieldResolver(() => [Referral], { description: 'Referrals this agency made that you may see: its own staff, and the authority each went to (restricted)' })
  referralsMade(@Root() agency: AgencyStub, @Ctx() ctx: SubgraphContext): Promise<Referral[]> {
    return new ReferralService(ctx).made(agency.id);
  }

  @FieldResolver(() => [Referral], { description: 'For a local authority: referrals it received, seen by its own staff only (restricted)' })
  referralsReceived(@Root() agency: AgencyStub, @Ctx() ctx: SubgraphContext): Promise<Referral[]> {
    return new ReferralService(ctx).received(agency.id);
  }
}
