import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { DeadlineView, PageArgs, Role, type Connection, type SubgraphContext, Policy } from '@safeguarding/shared';
import { Partnership } from '../partnership/partnership.entity';
import { YearlyReportContent } from './yearly-report.content';
import { YearlyReport, YearlyReportCompliance, YearlyReportContentItem } from './yearly-report.entity';
import { RecordYearlyReportInput, UpdateYearlyReportInput } from './yearly-report.input';
import { YearlyReportService } from './yearly-report.service';
import { YearlyReportComplianceConnection, YearlyReportConnection } from './yearly-report-connection.type';
import { YearlyReportStatus } from './yearly-report.deadlines';

@Resolver(() => YearlyReport)
export class YearlyReportResolver {
  @FieldResolver(() => String, { description: 'e.g. "2025-26"' })
  financialYear(@Root() report: YearlyReport, @Ctx() ctx: SubgraphContext): string {
    return new YearlyReportService(ctx).year(report).label;
  }

  @FieldResolver(() => Partnership)
  partnership(@Root() report: YearlyReport): Partnership {
    return Object.assign(new Partnership(), { id: report.partnershipId });
  }

  @FieldResolver(() => DeadlineView, { description: 'Published by 30 September after the year ends' })
  publicationDeadline(@Root() report: YearlyReport, @Ctx() ctx: SubgraphContext): DeadlineView {
    return new YearlyReportService(ctx).publicationDeadline(report);
  }

  @FieldResolver(() => DeadlineView, { nullable: true, description: 'Sent to the Panel within 7 days of publication' })
  panelDeadline(@Root() report: YearlyReport, @Ctx() ctx: SubgraphContext): DeadlineView | null {
    return new YearlyReportService(ctx).sendingDeadline(report, report.sentToPanelOn);
  }

  @FieldResolver(() => DeadlineView, {
    nullable: true,
    description: 'Sent to Foundations within 7 days of publication',
  })
  foundationsDeadline(@Root() report: YearlyReport, @Ctx() ctx: SubgraphContext): DeadlineView | null {
    return new YearlyReportService(ctx).sendingDeadline(report, report.sentToFoundationsOn);
  }

  @FieldResolver(() => [YearlyReportContentItem], {
    description:
      'What the report must contain (Working Together 2023 ch. 2, the yearly report of the safeguarding partners), each item with its requirement',
  })
  content(@Root() report: YearlyReport, @Ctx() ctx: SubgraphContext): YearlyReportContentItem[] {
    return new YearlyReportService(ctx).content(report);
  }

  @FieldResolver(() => [YearlyReportContent], { description: 'Required content not yet present' })
  missingContent(@Root() report: YearlyReport, @Ctx() ctx: SubgraphContext): YearlyReportContent[] {
    return new YearlyReportService(ctx).missingRequired(report);
  }

  @FieldResolver(() => YearlyReportStatus)
  status(@Root() report: YearlyReport, @Ctx() ctx: SubgraphContext): YearlyReportStatus {
    return new YearlyReportService(ctx).status(report).status;
  }

  @FieldResolver(() => [String], { description: 'Why the status is what it is' })
  statusReasons(@Root() report: YearlyReport, @Ctx() ctx: SubgraphContext): string[] {
    return new YearlyReportService(ctx).status(report).reasons;
  }

  @Policy({ who: [Role.PANEL_MEMBER] })
  @Query(() => YearlyReportComplianceConnection, {
    description:
      "Every partnership's yearly report status for a financial year (the Panel), by partnership name, a page at a time",
  })
  yearlyReportCompliance(
    @Arg('financialYear') label: string,
    @Args() args: PageArgs,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Connection<YearlyReportCompliance>> {
    return new YearlyReportService(ctx).compliance(label, args);
  }

  @Policy({ who: 'signed-in' })
  @Mutation(() => YearlyReport, { description: "Starts the record of a partnership's report on a financial year" })
  recordYearlyReport(@Arg('input') input: RecordYearlyReportInput, @Ctx() ctx: SubgraphContext): Promise<YearlyReport> {
    return new YearlyReportService(ctx).record(input);
  }

  @Policy({ who: 'signed-in' })
  @Mutation(() => YearlyReport, { description: 'Records publication, sending and content' })
  updateYearlyReport(
    @Arg('id', () => ID) id: string,
    @Arg('input') input: UpdateYearlyReportInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<YearlyReport> {
    return new YearlyReportService(ctx).update(id, input);
  }
}

@Resolver(() => Partnership)
export class PartnershipYearlyReportsResolver {
  @FieldResolver(() => YearlyReportConnection, {
    description: "Yearly reports, newest year first (unpublished ones to the partnership's staff), a page at a time",
  })
  yearlyReports(
    @Root() partnership: Partnership,
    @Args() args: PageArgs,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Connection<YearlyReport>> {
    return new YearlyReportService(ctx).pageOf(partnership.id, args);
  }

  @FieldResolver(() => YearlyReportComplianceConnection, {
    description:
      "To the partnership's staff: a yearly report owed for every financial year the arrangements were in force on its due date (Working Together 2023 ch. 2), newest first, each with its status and rule, OVERDUE where none was published in time (empty to others), a page at a time",
  })
  yearlyReportObligations(
    @Root() partnership: Partnership,
    @Args() args: PageArgs,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Connection<YearlyReportCompliance>> {
    return new YearlyReportService(ctx).obligations(partnership.id, args);
  }
}
