import { Ctx, Directive, FieldResolver, Resolver, Root } from 'type-graphql';
import { ChildRecordHolding, type SubgraphContext } from '@safeguarding/shared';
import { Child } from './child.entity';
import { ChildService } from './child.service';

@Resolver(() => Child)
export class ChildFileTransfersResolver {
  // Inaccessible: only the picture (escalations' Child.involvements) reads it, and decides who sees what.
  @FieldResolver(() => [ChildRecordHolding], {
    nullable: true,
    description: 'The schools holding a child-protection file about the child',
  })
  @Directive('@inaccessible')
  fileTransferHoldings(@Root() child: Child, @Ctx() ctx: SubgraphContext): Promise<ChildRecordHolding[]> {
    return new ChildService(ctx).fileTransferHoldings(child);
  }
}
