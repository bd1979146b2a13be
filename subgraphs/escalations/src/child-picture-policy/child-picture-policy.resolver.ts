import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import { Policy, type SubgraphContext } from '@safeguarding/shared';
import { ChildPictureReason } from '../child/child.entity';
import { ChildPicturePolicy } from './child-picture-policy.entity';
import { ChildPicturePolicyService, childPictureReasonsLimit } from './child-picture-policy.service';

@Resolver(() => ChildPicturePolicy)
export class ChildPicturePolicyResolver {
  @Policy({ who: 'signed-in' })
  @Mutation(() => ChildPicturePolicy, {
    description:
      "Sets the reasons the partnership's practitioners may state to see a child's picture without holding a record (local practice); replaces those set before",
  })
  configureChildPictureReasons(
    @Arg('partnershipId', () => ID) partnershipId: string,
    @Arg('reasons', () => [ChildPictureReason], {
      description: `Every reason allowed, replacing those configured before; at most ${String(childPictureReasonsLimit)}`,
    })
    reasons: ChildPictureReason[],
    @Ctx() ctx: SubgraphContext,
  ): Promise<ChildPicturePolicy> {
    return new ChildPicturePolicyService(ctx).configure(partnershipId, reasons);
  }
}
