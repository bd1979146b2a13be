import { Arg, Ctx, Directive, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { SubgraphContext } from '@safeguarding/shared';
import { Referral } from '../referral/referral.entity';
import { Child, ChildInvolvement } from './child.entity';
import { ChildService } from './child.service';

const holdingFields = 'organisationId organisationKind involvement on';

@Resolver(() => Child)
export class ChildResolver {
  @Query(() => Child, {
    nullable: true,
    description:
      'A child by NHS number or by a pseudonymous reference (exactly one). Null with NOT_FOUND, exactly as for a child no one knows, unless your organisation holds a record about the child (Working Together 2023 ch. 2: information sharing)',
  })
  child(
    @Arg('nhsNumber', () => String, { nullable: true }) nhsNumber: string | null,
    @Arg('reference', () => String, { nullable: true }) reference: string | null,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Child | null> {
    return new ChildService(ctx).lookUp(nhsNumber, reference);
  }

  @FieldResolver(() => [ChildInvolvement], {
    description:
      'The organisations holding records about the child, the kind of each and its dates, without their content; NOT_FOUND unless your organisation is one of them',
  })
  @Directive(`@requires(fields: "fileTransferHoldings { ${holdingFields} }")`)
  involvements(@Root() child: Child, @Ctx() ctx: SubgraphContext): Promise<ChildInvolvement[]> {
    return new ChildService(ctx).involvements(child);
  }

  @FieldResolver(() => [Referral], {
    description: "The referrals about the child your organisation made or received (the referral's own rules)",
  })
  referrals(@Root() child: Child, @Ctx() ctx: SubgraphContext): Promise<Referral[]> {
    return new ChildService(ctx).referralsAbout(child);
  }
}
