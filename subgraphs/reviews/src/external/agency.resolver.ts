import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { SubgraphContext } from '@safeguarding/shared';
import { OwnerKind } from '../common/organisation-owner';
import { Recommendation, ReviewAction } from '../recommendation/recommendation.entity';
import { RecommendationService } from '../recommendation/recommendation.service';
import { AgencyStub } from './agency.type';

@Resolver(() => AgencyStub)
export class AgencyReviewWorkResolver {
  @FieldResolver(() => [Recommendation], { nullable: true, description: 'Review recommendations this agency owns (its own staff, and the partnership\'s)' })
  recommendations(@Root() agency: AgencyStub, @Ctx() ctx: SubgraphContext): Promise<Recommendation[]> {
    return new RecommendationService(ctx).recommendationsOwnedBy(OwnerKind.AGENCY, agency.id);
  }

  @FieldResolver(() => [ReviewAction], { nullable: true, description: 'Review actions this agency owns (its own staff, and the partnership\'s)' })
  reviewActions(@Root() agency: AgencyStub, @Ctx() ctx: SubgraphContext): Promise<ReviewAction[]> {
    return new RecommendationService(ctx).actionsOwnedBy(OwnerKind.AGENCY, agency.id);
  }
}
