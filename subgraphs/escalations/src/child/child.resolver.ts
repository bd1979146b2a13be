import { Arg, Args, Ctx, Directive, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { PageArgs, type Connection, type SubgraphContext, Policy } from '@safeguarding/shared';
import { ReferralConnection } from '../referral/referral-connection.type';
import type { Referral } from '../referral/referral.entity';
import {
  Child,
  ChildChronologyConnection,
  ChildChronologyEntry,
  type ChildInvolvement,
  ChildInvolvementConnection,
  ChildPictureLook,
  ChildPictureReason,
} from './child.entity';
import { ChildService } from './child.service';

const holdingFields = 'organisationId organisationKind involvement on recordId readable partnershipId';
const everyHolding = `fileTransferHoldings { ${holdingFields} } childDeathReviewHoldings { ${holdingFields} } seriousIncidentHoldings { ${holdingFields} }`;

@Resolver(() => Child)
export class ChildResolver {
  @Policy({ who: 'signed-in' })
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

  @FieldResolver(() => ChildInvolvementConnection, {
    description:
      'The organisations holding records about the child, the kind of each and its dates, without their content, earliest first; NOT_FOUND unless your organisation is one of them',
  })
  @Directive(`@requires(fields: "${everyHolding}")`)
  involvements(
    @Root() child: Child,
    @Args() page: PageArgs,
    @Arg('reason', () => ChildPictureReason, {
      nullable: true,
      description:
        "For an organisation holding no record: why it must look, among the reasons the child's home partnership allows (its childPicturePolicy; the partnership of the child's home local authority). Any other is answered as for a child no one knows. The look is told to the home local authority and every holder",
    })
    reason: ChildPictureReason | null,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Connection<ChildInvolvement>> {
    // An argument left out arrives undefined, and must never count as a reason given.
    return new ChildService(ctx).involvements(child, reason ?? null, page);
  }

  @Policy({ who: 'signed-in' })
  @FieldResolver(() => [ChildPictureLook], {
    description:
      "The latest 25 looks at the picture, newest first (who, when, why): for the child's home local authority only; the audit trail keeps every one",
  })
  @Directive(`@requires(fields: "${everyHolding}")`)
  looks(@Root() child: Child, @Ctx() ctx: SubgraphContext): Promise<ChildPictureLook[]> {
    return new ChildService(ctx).looks(child);
  }

  @FieldResolver(() => ReferralConnection, {
    description:
      "The referrals about the child your organisation made or received (the referral's own rules), newest first",
  })
  referrals(@Root() child: Child, @Args() page: PageArgs, @Ctx() ctx: SubgraphContext): Promise<Connection<Referral>> {
    return new ChildService(ctx).referralsAbout(child, page);
  }

  @FieldResolver(() => ChildChronologyConnection, {
    description:
      'The records about the child across agencies, oldest first, each naming its kind and holders; restricted where you may not read it. NOT_FOUND as for involvements',
  })
  @Directive(`@requires(fields: "${everyHolding}")`)
  chronology(
    @Root() child: Child,
    @Args() page: PageArgs,
    @Arg('reason', () => ChildPictureReason, {
      nullable: true,
      description: 'For an organisation holding no record: why it must look (as for involvements)',
    })
    reason: ChildPictureReason | null,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Connection<ChildChronologyEntry>> {
    return new ChildService(ctx).chronology(child, reason ?? null, page);
  }
}
