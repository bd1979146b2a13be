import { Arg, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { SubgraphContext } from '@safeguarding/shared';
import { ProfessionalDisagreement } from '../disagreement/professional-disagreement.entity';
import { ProfessionalDisagreementService } from '../disagreement/professional-disagreement.service';
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
}
