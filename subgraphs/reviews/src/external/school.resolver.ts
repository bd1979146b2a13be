import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { SubgraphContext } from '@safeguarding/shared';
import { OwnerKind } from '../common/organisation-owner';
import { Recommendation, ReviewAction } from '../recommendation/recommendation.entity';
import { RecommendationService } from '../recommendation/recommendation.service';
import { SchoolStub } from './school.type';

@Resolver(() => SchoolStub)
export class SchoolReviewWorkResolver {
  @FieldResolver(() => [Recommendation], { nullable: true, description: 'Review recommendations this school owns (its own staff, and the partnership\'s)' })
  recommendations(@Root() school: SchoolStub, @Ctx() ctx: SubgraphContext): Promise<Recommendation[]> {
    return new RecommendationService(ctx).recommendationsOwnedBy(OwnerKind.SCHOOL, school.urn);
  }

  @FieldResolver(() => [ReviewAction], { nullable: true, description: 'Review actions this school owns (its own staff, and the partnership\'s)' })
  reviewActions(@Root() school: SchoolStub, @Ctx() ctx: SubgraphContext): Promise<ReviewAction[]> {
    return new RecommendationService(ctx).actionsOwnedBy(OwnerKind.SCHOOL, school.urn);
  }
}
