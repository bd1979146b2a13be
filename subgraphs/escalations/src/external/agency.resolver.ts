import { Arg, Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { PageArgs, type Connection, type SubgraphContext, Policy } from '@safeguarding/shared';
import { ProfessionalDisagreementConnection } from '../disagreement/professional-disagreement-connection.type';
import { ReferralConnection } from '../referral/referral-connection.type';
import { ProfessionalDisagreement } from '../disagreement/professional-disagreement.entity';
import { ProfessionalDisagreementService } from '../disagreement/professional-disagreement.service';
import { Referral } from '../referral/referral.entity';
import { ReferralService } from '../referral/referral.service';
import { AgencyStub } from './agency.type';

const accessReasonDescription =
  'Partnership staff: why you need the cases your organisation is not party to; recorded, and raises an alert per case';

@Resolver(() => AgencyStub)
export class AgencyEscalationsResolver {
  @Policy({ who: 'signed-in' })
  @FieldResolver(() => ProfessionalDisagreementConnection, {
    nullable: true,
    description:
      'Disagreements this agency raised that you may see (restricted), most recently raised first, a page at a time',
  })
  escalationsRaised(
    @Root() agency: AgencyStub,
    @Arg('accessReason', () => String, { nullable: true, description: accessReasonDescription })
    accessReason: string | null,
    @Args() args: PageArgs,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Connection<ProfessionalDisagreement>> {
    return new ProfessionalDisagreementService(ctx).ofOrganisation('raised', agency.id, accessReason ?? null, args);
  }

  @Policy({ who: 'signed-in' })
  @FieldResolver(() => ProfessionalDisagreementConnection, {
    nullable: true,
    description:
      'Disagreements raised with this agency that you may see (restricted), most recently raised first, a page at a time',
  })
  escalationsReceived(
    @Root() agency: AgencyStub,
    @Arg('accessReason', () => String, { nullable: true, description: accessReasonDescription })
    accessReason: string | null,
    @Args() args: PageArgs,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Connection<ProfessionalDisagreement>> {
    return new ProfessionalDisagreementService(ctx).ofOrganisation('received', agency.id, accessReason ?? null, args);
  }

  @Policy({ who: 'signed-in' })
  @FieldResolver(() => ReferralConnection, {
    nullable: true,
    description:
      'Referrals this agency made that you may see: its own staff, and the authority each went to (restricted)',
  })
  referralsMade(
    @Root() agency: AgencyStub,
    @Args() args: PageArgs,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Connection<Referral>> {
    return new ReferralService(ctx).ofOrganisation('made', agency.id, args);
  }

  @Policy({ who: 'signed-in' })
  @FieldResolver(() => ReferralConnection, {
    nullable: true,
    description: 'For a local authority: referrals it received, seen by its own staff only (restricted)',
  })
  referralsReceived(
    @Root() agency: AgencyStub,
    @Args() args: PageArgs,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Connection<Referral>> {
    return new ReferralService(ctx).ofOrganisation('received', agency.id, args);
  }
}
