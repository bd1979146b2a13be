import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { DeadlineView, ForbiddenError, type SubgraphContext } from '@safeguarding/shared';
import { ProfessionalDisagreement } from './professional-disagreement.entity';
import { ProfessionalDisagreementService } from './professional-disagreement.service';

@Resolver(() => ProfessionalDisagreement)
export class ProfessionalDisagreementResolver {
  @Query(() => ProfessionalDisagreement, { nullable: true, description: 'A disagreement, if it exists and you may see it' })
  professionalDisagreement(
    @Arg('id', () => ID) id: string,
    @Arg('accessReason', () => String, {
      nullable: true,
      description: 'Why you need a case your organisation is not party to (partnership staff); recorded, and raises an alert',
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

  @FieldResolver(() => DeadlineView, { description: 'When the current stage must be resolved, fixed when the stage started' })
  stageDeadline(@Root() disagreement: ProfessionalDisagreement, @Ctx() ctx: SubgraphContext): DeadlineView {
    return new ProfessionalDisagreementService(ctx).stageDeadline(disagreement);
  }
}
