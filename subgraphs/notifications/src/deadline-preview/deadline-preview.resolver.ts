import { Args, Ctx, Query, Resolver } from 'type-graphql';
import { Policy, type SubgraphContext } from '@safeguarding/shared';
import { DeadlinePreviewService } from './deadline-preview.service';
import { DeadlinePreview, DeadlinePreviewArgs } from './deadline-preview.type';

@Resolver()
export class DeadlinePreviewResolver {
  @Policy({ who: 'anyone', why: 'computes a deadline from its statutory rule; reads no record' })
  @Query(() => DeadlinePreview, {
    description:
      'The deadline a statutory clock would give from a start date (bank holidays of England and Wales counted), to test a calendar against',
  })
  deadlinePreview(@Args() args: DeadlinePreviewArgs, @Ctx() ctx: SubgraphContext): DeadlinePreview {
    return new DeadlinePreviewService(ctx).preview(args);
  }
}
