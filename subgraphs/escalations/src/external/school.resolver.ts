import { Arg, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { SubgraphContext } from '@safeguarding/shared';
import { ProfessionalDisagreement } from '../disagreement/professional-disagreement.entity';
import { ProfessionalDisagreementService } from '../disagreement/professional-disagreement.service';
import { Referral } from '../referral/referral.entity';
import { ReferralService } from '../referral/referral.service';
import { SchoolStub } from './school.type';

const accessReasonDescription =
  'Partnership staff: why you need the cases your organisation is not party to; recorded, and raises an alert per case';

@Resolver(() => SchoolStub)
export class SchoolEscalationsResolver {
  @FieldResolver(() => [ProfessionalDisagreement], { description: 'Disagreements this school raised that you may see (restricted)' })
  escalationsRaised(
    @Root() school: SchoolStub,
    @Arg('accessReason', () => String, { nullable: true, description: accessReasonDescription }) accessReason: string | null,
    @Ctx() ctx: SubgraphContext,
  ): Promise<ProfessionalDisagreement[]> {
    return new ProfessionalDisagreementService(ctx).ofOrganisation('raised', school.urn, accessReason ?? null);
  }

  @FieldResolver(() => [ProfessionalDisagreement], { description: 'Disagreements raised with this school that you may see (restricted)' })
  escalationsReceived(
    @Root() school: SchoolStub,
    @Arg('accessReason', () => String, { nullable: true, description: accessReasonDescription }) accessReason: string | null,
    @Ctx() ctx: SubgraphContext,
  ): Promise<ProfessionalDisagreement[]> {
    return new ProfessionalDisagreementService(ctx).ofOrganisation('received', school.urn, accessReason ?? null);
  }

  @FieldResolver(() => [Referral], { description: 'Referrals this school made that you may see: its own staff, and the authority each went to (restricted)' })
  referralsMade(@Root() school: SchoolStub, @Ctx() ctx: SubgraphContext): Promise<Referral[]> {
    return new ReferralService(ctx).made(school.urn);
  }
}
