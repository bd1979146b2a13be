import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { PageArgs, type Connection, type SubgraphContext } from '@safeguarding/shared';
import {
  EscalationOrganisationPairCount,
  EscalationOrganisationPairCountConnection,
  EscalationReport,
} from './escalation-report.type';
import { EscalationReportService } from './escalation-report.service';

@Resolver(() => EscalationReport)
export class EscalationReportResolver {
  @FieldResolver(() => EscalationOrganisationPairCountConnection, {
    description:
      'Disagreements raised by each organisation with each other one, a page at a time, by the raising then the receiving organisation',
  })
  byOrganisationPair(
    @Root() report: EscalationReport,
    @Args() args: PageArgs,
    @Ctx() ctx: SubgraphContext,
  ): Connection<EscalationOrganisationPairCount> {
    return new EscalationReportService(ctx).byOrganisationPair(report, args);
  }
}
