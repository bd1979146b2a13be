import { z } from 'zod';
import {
  boundedList,
  inTransaction,
  financialYearContaining,
  financialYearOf,
  financialYearStarting,
  parseFinancialYear,
  type FinancialYear,
  httpsUrl,
  BadUserInputError,
  DeadlineView,
  connection,
  groupByKey,
  nestedPage,
  pageInMemory,
  pageRequest,
  type Connection,
  type PageArgs,
  type SortKey,
  isoDate,
  newId,
  NotFoundError,
  partnershipAdministratorRoles,
  uuidPattern,
  validateInput,
  type SubgraphContext,
} from '@safeguarding/shared';
import type { EntityManager } from 'typeorm';
import { ContentRequirement, yearlyReportContent, YearlyReportContent } from './yearly-report.content';
import { YearlyReport, YearlyReportCompliance, YearlyReportContentItem } from './yearly-report.entity';
import {
  yearlyReportContentLimit,
  type RecordYearlyReportInput,
  type UpdateYearlyReportInput,
} from './yearly-report.input';
import { settleYearlyReportObligations } from './yearly-report.obligations';
import { yearlyReportOrder, YearlyReportRepository } from './yearly-report.repository';
import { YearlyReportComplianceConnection, YearlyReportConnection } from './yearly-report-connection.type';
import { partnershipOrder } from '../partnership/partnership.repository';
import { Partnership } from '../partnership/partnership.entity';
import { PartnershipService } from '../partnership/partnership.service';
import {
  publicationBasis,
  publicationDeadline,
  sendingBasis,
  sendingDeadline,
  yearlyReportStatus,
  type YearlyReportStatus,
} from './yearly-report.deadlines';

/** Newest year first: the label ("2025-26") sorts as its year. */
const obligationOrder: readonly SortKey<YearlyReportCompliance>[] = [
  { column: 'financialYear', descending: true, value: (o) => o.financialYear },
];

export class YearlyReportService {
  constructor(private readonly ctx: SubgraphContext) {}

  private repository(manager: EntityManager = this.ctx.db.manager): YearlyReportRepository {
    return new YearlyReportRepository(manager, this.ctx.scope);
  }

  /** A page of the partnership's reports, cut in SQL for every partnership asked for at once. */
  async pageOf(partnershipId: string, args: PageArgs): Promise<Connection<YearlyReport>> {
    const page = await nestedPage<YearlyReport>({
      list: 'Partnership.yearlyReports',
      loaders: this.ctx.loaders,
      parent: partnershipId,
      args,
      order: yearlyReportOrder,
      parentOf: (report) => report.partnershipId,
      rows: (ids, after, limit) => this.repository().pagesOf(ids, after, limit),
      count: (ids) => this.repository().countsOf(ids),
    });
    return connection(YearlyReportConnection, page, page.count);
  }

  /** Every report of the partnership (one a year), for its obligations. */
  private allOf(partnershipId: string): Promise<YearlyReport[]> {
    return this.ctx.loaders
      .get<string, YearlyReport[]>('Partnership.yearlyReports:all', async (ids) =>
        groupByKey(ids, await this.repository().ofPartnerships(ids), (r) => r.partnershipId),
      )
      .load(partnershipId);
  }

  year(report: YearlyReport): FinancialYear {
    return financialYearStarting(report.financialYearStart);
  }

  content(report: YearlyReport): YearlyReportContentItem[] {
    return yearlyReportContent.map(({ item, requirement, description }) =>
      Object.assign(new YearlyReportContentItem(), {
        item,
        requirement,
        description,
        required:
          requirement === ContentRequirement.MUST ||
          (requirement === ContentRequirement.WHERE_SECURE_ESTABLISHMENT && report.hasSecureEstablishment),
        present: report.contentPresent.includes(item),
      }),
    );
  }

  missingRequired(report: YearlyReport): YearlyReportContent[] {
    return this.content(report)
      .filter((c) => c.required && !c.present)
      .map((c) => c.item);
  }

  status(report: YearlyReport): { status: YearlyReportStatus; reasons: string[] } {
    return yearlyReportStatus(
      this.year(report),
      { ...report, missingRequired: this.missingRequired(report) },
      this.ctx.today,
      this.ctx.calendar,
    );
  }

  publicationDeadline(report: YearlyReport): DeadlineView {
    return DeadlineView.of(
      publicationDeadline(this.year(report)),
      publicationBasis,
      report.publishedOn,
      this.ctx.today,
    );
  }

  /** Null until published: the 7 days run from publication. */
  sendingDeadline(report: YearlyReport, sentOn: string | null): DeadlineView | null {
    if (!report.publishedOn) return null;
    return DeadlineView.of(
      sendingDeadline(this.ctx.calendar, report.publishedOn),
      sendingBasis,
      sentOn,
      this.ctx.today,
    );
  }

  /** A page of the partnerships owing the year's report (by name, cut in SQL), with their reports for that year only. */
  async compliance(label: string, args: PageArgs): Promise<Connection<YearlyReportCompliance>> {
    const year = parseFinancialYear(label);
    if (!year) throw new BadUserInputError('financialYear', 'must be a financial year written like 2025-26');
    const request = pageRequest('yearlyReportCompliance', args, partnershipOrder);
    const repository = this.repository();
    const due = publicationDeadline(year).due;
    const partnerships = await repository.partnershipsOwing(due, request);
    const reports = await repository.forYear(
      year.start,
      partnerships.nodes.map((partnership) => partnership.id),
    );
    const byPartnership = new Map(reports.map((report) => [report.partnershipId, report]));
    const page = {
      ...partnerships,
      nodes: partnerships.nodes.map((partnership) =>
        this.obligation(partnership, year, byPartnership.get(partnership.id) ?? null),
      ),
    };
    return connection(YearlyReportComplianceConnection, page, () => repository.countOwing(due));
  }

  private obligation(
    partnership: Partnership,
    year: FinancialYear,
    report: YearlyReport | null,
  ): YearlyReportCompliance {
    const facts = report ? { ...report, missingRequired: this.missingRequired(report) } : null;
    const { status, reasons } = yearlyReportStatus(year, facts, this.ctx.today, this.ctx.calendar);
    return Object.assign(new YearlyReportCompliance(), {
      partnership,
      financialYear: year.label,
      report,
      status,
      reasons,
      publicationDeadline: DeadlineView.of(
        publicationDeadline(year),
        publicationBasis,
        report?.publishedOn ?? null,
        this.ctx.today,
      ),
    });
  }

  /**
   * A partnership's own obligations: a report for every financial year its arrangements were in
   * force, owed where they were still in force on its due date, whether or not one is recorded.
   * Shown to those acting in the partnership; others see the reports they may see, not this.
   */
  async obligations(partnershipId: string, args: PageArgs): Promise<Connection<YearlyReportCompliance>> {
    // Validated first, so a bad `first` is refused whoever asks.
    pageRequest('Partnership.yearlyReportObligations', args, obligationOrder);
    const years = await this.owedYears(partnershipId);
    const page = pageInMemory('Partnership.yearlyReportObligations', years, args, obligationOrder);
    return connection(YearlyReportComplianceConnection, page, page.count);
  }

  /** One a year since the arrangements began: computed from the partnership and its reports, then paged in memory. */
  private async owedYears(partnershipId: string): Promise<YearlyReportCompliance[]> {
    if (!this.ctx.scope.actsIn(partnershipId)) return [];
    const partnership = await new PartnershipService(this.ctx).byId(partnershipId);
    if (!partnership?.activeFrom) return [];
    const reports = new Map((await this.allOf(partnershipId)).map((report) => [report.financialYearStart, report]));
    const last =
      partnership.dissolvedOn && partnership.dissolvedOn < this.ctx.today ? partnership.dissolvedOn : this.ctx.today;
    const first = financialYearOf(financialYearContaining(partnership.activeFrom)).start;
    const years: YearlyReportCompliance[] = [];
    for (let start = financialYearOf(financialYearContaining(last)).start; start >= first; start -= 1) {
      const year = financialYearStarting(start);
      const due = publicationDeadline(year).due;
      if (partnership.dissolvedOn && partnership.dissolvedOn < due) continue;
      years.push(this.obligation(partnership, year, reports.get(start) ?? null));
    }
    return years;
  }

  async record(input: RecordYearlyReportInput): Promise<YearlyReport> {
    const valid = validateInput(
      z.object({
        partnershipId: z.string().regex(uuidPattern, 'must be a partnership id'),
        financialYear: z.string().transform((label, context) => {
          const year = parseFinancialYear(label);
          if (!year) context.addIssue({ code: 'custom', message: 'must be a financial year written like 2025-26' });
          return year ?? financialYearStarting(0);
        }),
        hasSecureEstablishment: z.boolean(),
      }),
      input,
    );
    this.ctx.scope.requirePartnershipRole(valid.partnershipId, partnershipAdministratorRoles);
    const report = Object.assign(new YearlyReport(), {
      id: newId(),
      partnershipId: valid.partnershipId,
      financialYearStart: valid.financialYear.start,
      publishedOn: null,
      publicationUrl: null,
      sentToPanelOn: null,
      sentToFoundationsOn: null,
      contentPresent: [],
      hasSecureEstablishment: valid.hasSecureEstablishment,
    });
    await inTransaction(this.ctx.db, async (manager) => {
      const repository = this.repository(manager);
      if (await repository.exists(report.partnershipId, report.financialYearStart)) {
        throw new BadUserInputError(
          'input.financialYear',
          `a yearly report for ${valid.financialYear.label} is already recorded for this partnership`,
        );
      }
      await repository.insert(report);
    });
    return report;
  }

  async update(id: string, input: UpdateYearlyReportInput): Promise<YearlyReport> {
    const given = validateInput(
      z.object({
        publishedOn: isoDate.nullish(),
        publicationUrl: httpsUrl.nullish(),
        sentToPanelOn: isoDate.nullish(),
        sentToFoundationsOn: isoDate.nullish(),
        contentPresent: boundedList(
          yearlyReportContentLimit,
          'content items',
          z.array(z.enum(YearlyReportContent)),
        ).nullish(),
        hasSecureEstablishment: z.boolean().nullish(),
      }),
      input,
    );
    // A field left out (or null) is left as it is.
    const changes = Object.fromEntries(
      Object.entries(given).filter(([, value]) => value !== undefined && value !== null),
    ) as Partial<YearlyReport>;
    return inTransaction(this.ctx.db, async (manager) => {
      const repository = this.repository(manager);
      const report = await repository.findById(id);
      if (!report) throw new NotFoundError('YearlyReport', id);
      this.ctx.scope.requirePartnershipRole(report.partnershipId, partnershipAdministratorRoles);
      this.checkDates({ ...report, ...changes });
      await repository.update(id, changes);
      await settleYearlyReportObligations(manager, this.ctx.calendar, this.ctx.now, report.partnershipId);
      return Object.assign(report, changes);
    });
  }

  // Dates must tell a possible story: the year ends, then the report is published, then sent.
  private checkDates(report: YearlyReport): void {
    const year = this.year(report);
    const today = this.ctx.today;
    if (report.publishedOn) {
      if (report.publishedOn <= year.endsOn)
        throw new BadUserInputError('input.publishedOn', `must be after the year ${year.label} ends on ${year.endsOn}`);
      if (report.publishedOn > today) throw new BadUserInputError('input.publishedOn', 'must not be in the future');
      if (!report.publicationUrl)
        throw new BadUserInputError('input.publicationUrl', 'is needed once the report is published');
    }
    for (const field of ['sentToPanelOn', 'sentToFoundationsOn'] as const) {
      const sentOn = report[field];
      if (!sentOn) continue;
      if (!report.publishedOn) throw new BadUserInputError(`input.${field}`, 'cannot be set before publishedOn');
      if (sentOn < report.publishedOn)
        throw new BadUserInputError(`input.${field}`, `must not be before publication on ${report.publishedOn}`);
      if (sentOn > today) throw new BadUserInputError(`input.${field}`, 'must not be in the future');
    }
  }
}
