import { registerEnumType } from 'type-graphql';
import {
  reviewClockRule,
  yearlyReportDeadline,
  type Deadline,
  type FinancialYear,
  type WorkingDayCalendar,
} from '@safeguarding/shared';

// The obligations' own rules (YEARLY_REPORT, YEARLY_REPORT_SENT), so the two never disagree.
export const publicationBasis = reviewClockRule('YEARLY_REPORT').basis;
export const sendingBasis = reviewClockRule('YEARLY_REPORT_SENT').basis;

export function publicationDeadline(year: FinancialYear): Deadline {
  return yearlyReportDeadline(year.start);
}

export function sendingDeadline(calendar: WorkingDayCalendar, publishedOn: string): Deadline {
  return reviewClockRule('YEARLY_REPORT_SENT').compute(publishedOn, calendar);
}

export enum YearlyReportStatus {
  NOT_YET_DUE = 'NOT_YET_DUE',
  DUE = 'DUE',
  OVERDUE = 'OVERDUE',
  PUBLISHED = 'PUBLISHED',
  PUBLISHED_LATE = 'PUBLISHED_LATE',
  SENT_LATE = 'SENT_LATE',
  COMPLETE = 'COMPLETE',
}
registerEnumType(YearlyReportStatus, {
  name: 'YearlyReportStatus',
  description:
    'NOT_YET_DUE until the year ends; DUE until 30 September; OVERDUE after; once published: PUBLISHED_LATE, SENT_LATE, PUBLISHED (sending or content outstanding) or COMPLETE',
});

export interface ReportFacts {
  readonly publishedOn: string | null;
  readonly sentToPanelOn: string | null;
  readonly sentToFoundationsOn: string | null;
  readonly missingRequired: readonly string[];
}

/** The status and every reason for it, so a portal can say what is wrong, not just that something is. */
export function yearlyReportStatus(
  year: FinancialYear,
  facts: ReportFacts | null,
  today: string,
  calendar: WorkingDayCalendar,
): { status: YearlyReportStatus; reasons: string[] } {
  const due = publicationDeadline(year).due;
  if (!facts?.publishedOn) {
    if (today <= year.endsOn)
      return { status: YearlyReportStatus.NOT_YET_DUE, reasons: [`the year ${year.label} ends on ${year.endsOn}`] };
    if (today <= due) return { status: YearlyReportStatus.DUE, reasons: [`to be published by ${due}`] };
    return { status: YearlyReportStatus.OVERDUE, reasons: [`not published by ${due}`] };
  }
  const reasons: string[] = [];
  const publishedLate = facts.publishedOn > due;
  if (publishedLate) reasons.push(`published ${facts.publishedOn}, after ${due}`);
  const sendBy = sendingDeadline(calendar, facts.publishedOn).due;
  let sentLate = false;
  let sendingOutstanding = false;
  for (const [recipient, sentOn] of [
    ['the Panel', facts.sentToPanelOn],
    ['Foundations', facts.sentToFoundationsOn],
  ] as const) {
    if (sentOn && sentOn > sendBy) {
      sentLate = true;
      reasons.push(`sent to ${recipient} ${sentOn}, after ${sendBy}`);
    } else if (!sentOn && today > sendBy) {
      sentLate = true;
      reasons.push(`not sent to ${recipient} by ${sendBy}`);
    } else if (!sentOn) {
      sendingOutstanding = true;
      reasons.push(`to be sent to ${recipient} by ${sendBy}`);
    }
  }
  if (facts.missingRequired.length > 0) reasons.push(`missing required content: ${facts.missingRequired.join(', ')}`);
  if (publishedLate) return { status: YearlyReportStatus.PUBLISHED_LATE, reasons };
  if (sentLate) return { status: YearlyReportStatus.SENT_LATE, reasons };
  if (sendingOutstanding || facts.missingRequired.length > 0) return { status: YearlyReportStatus.PUBLISHED, reasons };
  return {
    status: YearlyReportStatus.COMPLETE,
    reasons: [`published ${facts.publishedOn} and sent on time with the required content`],
  };
}
