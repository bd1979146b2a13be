import {
  financialYearContaining,
  financialYearOf,
  financialYearStarting,
  metOn,
  inReconcileLock,
  noLongerOwed,
  Obligation,
  obligationId,
  ObligationLedger,
  reconcileObligationPlans,
  reviewClockRule,
  Role,
  settleObligationPlans,
  stillOpen,
  todayInLondon,
  yearlyReportDeadline,
  type ObligationAudience,
  type ObligationKind,
  type ObligationPlan,
  type SubgraphRuntime,
  type WorkingDayCalendar,
} from '@safeguarding/shared';
import type { EntityManager } from 'typeorm';
import { Partnership } from '../partnership/partnership.entity';
import { YearlyReport } from './yearly-report.entity';

export const partnershipsSource = 'partnerships';
export const yearlyReportObligationKinds: readonly ObligationKind[] = ['YEARLY_REPORT', 'YEARLY_REPORT_SENT'];
const everyRole = Object.values(Role);

/**
 * A year's duty to publish is seen where `Partnership.yearlyReportObligations` and the Panel's
 * compliance list show it: anyone acting in the partnership, and the Panel.
 */
function owedAudience(partnershipId: string): ObligationAudience {
  return {
    organisationIds: [],
    organisationRoles: [],
    partnershipIds: [partnershipId],
    partnershipRoles: everyRole,
    nationalRoles: [Role.PANEL_MEMBER],
  };
}

/** Sending follows publication, and a published report is public: every signed-in caller may see it. */
const publicAudience: ObligationAudience = {
  organisationIds: [],
  organisationRoles: [],
  partnershipIds: [],
  partnershipRoles: [],
  nationalRoles: everyRole,
};

/**
 * One YEARLY_REPORT per financial year the arrangements were in force, about the partnership (a
 * year with no report recorded is owed all the same), from the year it came into force to the
 * current one; a year whose due date falls after dissolution is no longer owed. Once published,
 * YEARLY_REPORT_SENT to the Panel and to Foundations, one each.
 */
export function yearlyReportPlans(
  calendar: WorkingDayCalendar,
  partnership: Partnership,
  reports: readonly YearlyReport[],
  today: string,
): ObligationPlan[] {
  if (!partnership.activeFrom) return [];
  const byYear = new Map(reports.map((report) => [report.financialYearStart, report]));
  const last = partnership.dissolvedOn && partnership.dissolvedOn < today ? partnership.dissolvedOn : today;
  const first = financialYearOf(financialYearContaining(partnership.activeFrom)).start;
  const rule = reviewClockRule('YEARLY_REPORT');
  const sent = reviewClockRule('YEARLY_REPORT_SENT');
  const plans: ObligationPlan[] = [];
  for (let start = first; start <= financialYearOf(financialYearContaining(last)).start; start += 1) {
    const year = financialYearStarting(start);
    const deadline = yearlyReportDeadline(start);
    const report = byYear.get(start) ?? null;
    const dissolvedFirst = partnership.dissolvedOn !== null && partnership.dissolvedOn < deadline.due;
    plans.push({
      draft: {
        kind: 'YEARLY_REPORT',
        about: { type: 'Partnership', id: partnership.id },
        occurrence: year.label,
        owner: { organisationId: null, organisationKind: null, partnershipId: partnership.id },
        owedTo: 'SECRETARY_OF_STATE',
        owedToKind: null,
        deadline,
        basis: rule.basis,
        audience: owedAudience(partnership.id),
      },
      state: report?.publishedOn ? metOn(report.publishedOn) : dissolvedFirst ? noLongerOwed : stillOpen,
    });
  }
  for (const report of reports) {
    if (!report.publishedOn) continue;
    for (const [recipient, sentOn] of [
      ['NATIONAL_PANEL', report.sentToPanelOn],
      ['FOUNDATIONS', report.sentToFoundationsOn],
    ] as const) {
      plans.push({
        draft: {
          kind: 'YEARLY_REPORT_SENT',
          about: { type: 'YearlyReport', id: report.id },
          occurrence: recipient,
          owner: { organisationId: null, organisationKind: null, partnershipId: report.partnershipId },
          owedTo: recipient,
          owedToKind: null,
          deadline: sent.compute(report.publishedOn, calendar),
          basis: sent.basis,
          audience: publicAudience,
        },
        state: sentOn ? metOn(sentOn) : stillOpen,
      });
    }
  }
  return plans;
}

/** Inside the change's transaction: the partnership's yearly-report obligations as its rows now say. */
export async function settleYearlyReportObligations(
  manager: EntityManager,
  calendar: WorkingDayCalendar,
  at: Date,
  partnershipId: string,
): Promise<void> {
  const partnership = await manager.findOneBy(Partnership, { id: partnershipId });
  if (!partnership) return;
  const reports = await manager.findBy(YearlyReport, { partnershipId });
  const ledger = new ObligationLedger(manager, partnershipsSource, at);
  const plans = yearlyReportPlans(calendar, partnership, reports, todayInLondon(at));
  await settleObligationPlans(ledger, plans);
  // A year no longer in range (dissolved before it began) is no longer owed either.
  const planned = new Set(plans.map((plan) => obligationId(partnershipsSource, plan.draft)));
  const open = await manager.findBy(Obligation, {
    kind: 'YEARLY_REPORT',
    entityType: 'Partnership',
    entityId: partnershipId,
    status: 'OPEN',
  });
  for (const row of open.filter((r) => !planned.has(r.id))) {
    await ledger.cancel({
      kind: 'YEARLY_REPORT',
      about: { type: 'Partnership', id: partnershipId },
      occurrence: row.occurrence,
    });
  }
}

/** Every start, batched: one read of partnerships, one of reports, one of the obligations. */
export async function reconcileYearlyReportObligations(runtime: SubgraphRuntime): Promise<void> {
  const at = runtime.now();
  const today = todayInLondon(at);
  const written = await inReconcileLock(runtime.db, partnershipsSource, async (manager) => {
    const partnerships = await manager.find(Partnership);
    const reports = await manager.find(YearlyReport);
    const byPartnership = new Map<string, YearlyReport[]>();
    for (const report of reports)
      byPartnership.set(report.partnershipId, [...(byPartnership.get(report.partnershipId) ?? []), report]);
    const plans = partnerships.flatMap((p) =>
      yearlyReportPlans(runtime.calendar, p, byPartnership.get(p.id) ?? [], today),
    );
    return reconcileObligationPlans(manager, partnershipsSource, at, yearlyReportObligationKinds, plans);
  });
  if (written > 0) runtime.logger.info({ written }, 'yearly report obligations reconciled');
}
