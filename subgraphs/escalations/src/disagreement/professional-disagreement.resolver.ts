import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { DeadlineView, type SubgraphContext } from '@safeguarding/shared';
import { ProfessionalDisagreement } from './professional-disagreement.entity';
import { ProfessionalDisagreementService } from './professional-disagreement.service';

@Resolver(() => ProfessionalDisagreement)
export class ProfessionalDisagreementResolver {
  @Query(() => ProfessionalDisagreement, { nullable: true, description: 'A disagreement, if it exists and you may see it' })
  professionalDisagreement(@Arg('id', () => ID) id: string, @Ctx() ctx: SubgraphContext): Promise<ProfessionalDisagreement | null> {
    return new ProfessionalDisagreementService(ctx).byId(id);
  }

  @FieldResolver(() => DeadlineView, { description: 'When the current stage must be resolved, fixed when the stage started' })
  stageDeadline(@Root() disagreement: ProfessionalDisagreement, @Ctx() ctx: SubgraphContext): DeadlineView {
    return new ProfessionalDisagreementService(ctx).stageDeadline(disagreement);
  }
}
