import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { PageArgs, type Connection, type SubgraphContext, Policy } from '@safeguarding/shared';
import { OwnerKind } from '../common/organisation-owner';
import type { Recommendation, ReviewAction } from '../recommendation/recommendation.entity';
import { RecommendationConnection, ReviewActionConnection } from '../recommendation/recommendation-connection.type';
import { RecommendationService } from '../recommendation/recommendation.service';
import { SchoolStub } from './school.type';

@Resolver(() => SchoolStub)
export class SchoolReviewWorkResolver {
  @Policy({ who: 'signed-in' })
  @FieldResolver(() => RecommendationConnection, {
    nullable: true,
    description: "Review recommendations this school owns (its own staff, and the partnership's), a page at a time",
  })
  recommendations(
    @Root() school: SchoolStub,
    @Args() args: PageArgs,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Connection<Recommendation>> {
    return new RecommendationService(ctx).recommendationsOwnedBy(OwnerKind.SCHOOL, school.urn, args);
  }

  @Policy({ who: 'signed-in' })
  @FieldResolver(() => ReviewActionConnection, {
    nullable: true,
    description:
      "Review actions this school owns (its own staff, and the partnership's), soonest due first, a page at a time",
  })
  reviewActions(
    @Root() school: SchoolStub,
    @Args() args: PageArgs,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Connection<ReviewAction>> {
    return new RecommendationService(ctx).actionsOwnedBy(OwnerKind.SCHOOL, school.urn, args);
  }
}
