import {
  appendAudit,
  AuditAction,
  connection,
  groupByKey,
  pageInMemory,
  partnershipStaffRoles,
  type Connection,
  type PageArgs,
  type SortKey,
  type SubgraphContext,
} from '@safeguarding/shared';
import {
  DisagreementIssueType,
  DisagreementStatus,
  type ProfessionalDisagreement,
} from '../disagreement/professional-disagreement.entity';
import { ProfessionalDisagreementRepository } from '../disagreement/professional-disagreement.repository';
import { validatePeriod } from '../disagreement/professional-disagreement.service';
import { EscalationPolicy } from '../escalation-policy/escalation-policy.type';
import { EscalationPolicyService } from '../escalation-policy/escalation-policy.service';
import {
  EscalationIssueTypeCount,
  EscalationOrganisationPairCount,
  EscalationOrganisationPairCountConnection,
  EscalationReport,
  EscalationStageCount,
  EscalationTimeToResolve,
} from './escalation-report.type';
import { exactCounting, publishedCounting, type Counting } from './suppression';

/** By the raising organisation, then the one raised with: the pair is unique, so the order is total. */
export const organisationPairOrder: readonly SortKey<EscalationOrganisationPairCount>[] = [
  { column: 'raisedByOrganisationId', value: (pair) => pair.raisedByOrganisationId },
  { column: 'raisedWithOrganisationId', value: (pair) => pair.raisedWithOrganisationId },
];

export class EscalationReportService {
  constructor(private readonly ctx: SubgraphContext) {}

  /**
   * A page of the report's organisation pairs. Cut in memory from the report's own pairs: their
   * counts are suppressed against each other (a hidden count must not be worked out from the
   * others), so the whole period is counted before any page is cut; the period's disagreements are
   * read once for the whole report.
   */
  byOrganisationPair(report: EscalationReport, args: PageArgs): Connection<EscalationOrganisationPairCount> {
    const page = pageInMemory(
      'EscalationReport.byOrganisationPair',
      report.organisationPairs,
      args,
      organisationPairOrder,
    );
    return connection(EscalationOrganisationPairCountConnection, page, page.count);
  }

  /** Partnership staff only: aggregates of case-level data, so the look is recorded too. */
  async report(
    partnershipId: string,
    fromInput: string,
    toInput: string,
    published = false,
  ): Promise<EscalationReport> {
    this.ctx.scope.requirePartnershipRole(partnershipId, partnershipStaffRoles);
    const { from, to } = validatePeriod(fromInput, toInput);
    const [rows, policy] = await Promise.all([
      this.ctx.loaders
        .get<string, ProfessionalDisagreement[]>(`EscalationReport:${from}:${to}`, async (ids) => {
          const found = await new ProfessionalDisagreementRepository(this.ctx.db.manager, this.ctx.scope).forReport(
            ids,
            from,
            to,
          );
          await appendAudit(
            this.ctx,
            ids.map((id) => ({
              action: AuditAction.READ,
              entityType: 'EscalationReport',
              entityId: id,
              partnershipId: id,
            })),
          );
          return groupByKey(ids, found, (d) => d.partnershipId);
        })
        .load(partnershipId),
      new EscalationPolicyService(this.ctx).policyOf(partnershipId),
    ]);
    return this.build(
      rows,
      policy ?? EscalationPolicy.defaultFor(partnershipId),
      from,
      to,
      published ? publishedCounting : exactCounting,
    );
  }

  private build(
    rows: readonly ProfessionalDisagreement[],
    policy: EscalationPolicy,
    from: string,
    to: string,
    counting: Counting,
  ): EscalationReport {
    const today = this.ctx.today;
    const open = rows.filter((d) => d.status === DisagreementStatus.OPEN);
    const resolved = rows.filter((d) => d.status === DisagreementStatus.RESOLVED);
    const withdrawn = rows.filter((d) => d.status === DisagreementStatus.WITHDRAWN);
    const overdue = open.filter((d) => d.stageDueOn < today);

    const report = new EscalationReport();
    Object.assign(report, {
      from,
      to,
      asOf: today,
      raised: counting.one(rows.length),
      overdue: counting.one(overdue.length),
    });
    const [openCount, resolvedCount, withdrawnCount] = counting.parts(
      [open.length, resolved.length, withdrawn.length],
      rows.length,
    );
    Object.assign(report, { open: openCount, resolved: resolvedCount, withdrawn: withdrawnCount });

    // Stages of the policy in force, and any stage a running disagreement reached under an older one.
    const stageNames = new Map(policy.stages.map((stage) => [stage.position, stage.name]));
    for (const d of open) if (!stageNames.has(d.stagePosition)) stageNames.set(d.stagePosition, d.stageName);
    const positions = [...stageNames.keys()].sort((a, b) => a - b);
    const openAt = counting.parts(
      positions.map((p) => open.filter((d) => d.stagePosition === p).length),
      open.length,
    );
    const overdueAt = counting.parts(
      positions.map((p) => overdue.filter((d) => d.stagePosition === p).length),
      overdue.length,
    );
    report.openByStage = positions.map((position, index) =>
      Object.assign(new EscalationStageCount(), {
        stagePosition: position,
        stageName: stageNames.get(position) ?? '',
        open: openAt[index],
        overdue: overdueAt[index],
      }),
    );

    const issueTypes = Object.values(DisagreementIssueType);
    const byIssue = counting.parts(
      issueTypes.map((type) => rows.filter((d) => d.issueType === type).length),
      rows.length,
    );
    report.byIssueType = issueTypes.map((issueType, index) =>
      Object.assign(new EscalationIssueTypeCount(), { issueType, raised: byIssue[index] }),
    );

    const pairs = new Map<string, { by: string; with: string; count: number }>();
    for (const d of rows) {
      const key = `${d.raisedByOrganisationId}|${d.raisedWithOrganisationId}`;
      const pair = pairs.get(key) ?? { by: d.raisedByOrganisationId, with: d.raisedWithOrganisationId, count: 0 };
      pair.count += 1;
      pairs.set(key, pair);
    }
    // In the page order, so which of two equal counts is suppressed does not depend on reading order.
    const pairList = [...pairs.values()].sort((a, b) =>
      a.by < b.by ? -1 : a.by > b.by ? 1 : a.with < b.with ? -1 : a.with > b.with ? 1 : 0,
    );
    const byPair = counting.parts(
      pairList.map((p) => p.count),
      rows.length,
    );
    report.organisationPairs = pairList.map((pair, index) =>
      Object.assign(new EscalationOrganisationPairCount(), {
        raisedByOrganisationId: pair.by,
        raisedWithOrganisationId: pair.with,
        raised: byPair[index],
      }),
    );

    const days = resolved
      .map((d) => this.ctx.calendar.workingDaysBetween(d.raisedOn, d.closedOn ?? d.raisedOn))
      .sort((a, b) => a - b);
    const time = new EscalationTimeToResolve();
    time.resolved = report.resolved;
    const shown = !time.resolved.suppressed && days.length > 0;
    time.medianWorkingDays = shown ? median(days) : null;
    time.meanWorkingDays = shown ? Math.round((days.reduce((sum, n) => sum + n, 0) / days.length) * 10) / 10 : null;
    report.timeToResolve = time;
    return report;
  }
}

function median(sorted: readonly number[]): number {
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}
