import type { Deadline, IsoDate, WorkingDayCalendar } from '../../calendar';
import type { ClockRule, ClockRules } from './clock-rule';

/**
 * The reviews and partnerships subgraphs' clocks. Each subgraph computes its entities' `Deadline`
 * fields and its obligations through these rules, so the two can never disagree.
 */

export const seriousIncidentNotificationWorkingDays = 5;
export const rapidReviewWorkingDays = 15;
export const practiceReviewPublicationMonths = 6;
export const reportToPanelWorkingDays = 7;
export const defaultPanelResponseWorkingDays = 15;
export const defaultCdopNotificationHours = 24;
export const defaultChildDeathReviewMeetingMonths = 6;
export const defaultChildDeathPanelReviewMonths = 12;
export const yearlyReportSendingDays = 7;

/** The stages of a child death review that carry a target, as obligation occurrences. */
export const childDeathReviewStages = ['REVIEW_MEETING', 'PANEL_REVIEW'] as const;
export type ChildDeathReviewStageTarget = (typeof childDeathReviewStages)[number];

/**
 * The n-th working day before `date` (the mirror of addWorkingDays: `date` is day 0), for an
 * expectation stated as "N working days before publication"; provisional outside the calendar.
 */
export function workingDaysBefore(calendar: WorkingDayCalendar, date: IsoDate, n: number, what: string): Deadline {
  const day = new Date(`${date}T00:00:00Z`);
  let provisional = false;
  for (let counted = 0; counted < n;) {
    day.setUTCDate(day.getUTCDate() - 1);
    const iso = day.toISOString().slice(0, 10);
    if (!calendar.covers(iso)) provisional = true;
    if (calendar.isWorkingDay(iso)) counted++;
  }
  return { due: day.toISOString().slice(0, 10), provisional, rule: `${n} working days before ${what} ${date}` };
}

/** Hours become whole days after the day of death: 24 hours from a death on D is due by the end of D+1. */
export function cdopNotificationDeadline(calendar: WorkingDayCalendar, dateOfDeath: IsoDate, hours: number): Deadline {
  const due = calendar.addCalendarDays(dateOfDeath, Math.ceil(hours / 24));
  return { ...due, rule: `${hours} hours after death on ${dateOfDeath} (local practice)` };
}

/** Before publication the report is due counted back from the publication deadline; once published, from the publication date. */
export function reportToPanelDeadline(
  calendar: WorkingDayCalendar,
  decisionDate: IsoDate,
  publishedOn: IsoDate | null,
): Deadline {
  return publishedOn
    ? workingDaysBefore(calendar, publishedOn, reportToPanelWorkingDays, 'publication on')
    : workingDaysBefore(
        calendar,
        practiceReviewPublicationDeadline(calendar, decisionDate).due,
        reportToPanelWorkingDays,
        'the publication deadline',
      );
}

export function practiceReviewPublicationDeadline(calendar: WorkingDayCalendar, decisionDate: IsoDate): Deadline {
  return calendar.addMonths(decisionDate, practiceReviewPublicationMonths);
}

/** The financial year starting 1 April of `start` is reported on by 30 September of the next calendar year. */
export function yearlyReportDeadline(financialYearStart: number): Deadline {
  const label = `${financialYearStart}-${String((financialYearStart + 1) % 100).padStart(2, '0')}`;
  return {
    due: `${financialYearStart + 1}-09-30`,
    rule: `30 September after the financial year ${label} ends`,
    provisional: false,
  };
}

export function childDeathReviewStageDeadline(
  calendar: WorkingDayCalendar,
  dateOfDeath: IsoDate,
  stage: ChildDeathReviewStageTarget,
): Deadline {
  const months = stage === 'REVIEW_MEETING' ? defaultChildDeathReviewMeetingMonths : defaultChildDeathPanelReviewMonths;
  const due = calendar.addMonths(dateOfDeath, months);
  return {
    ...due,
    rule: `${due.rule} (${stage === 'REVIEW_MEETING' ? 'child death review meeting' : 'child death overview panel review'}; local practice)`,
  };
}

const rule = (value: ClockRule): ClockRule => value;

export const reviewClockRules: ClockRules = {
  SERIOUS_INCIDENT_NOTIFICATION: rule({
    kind: 'SERIOUS_INCIDENT_NOTIFICATION',
    basis:
      'Children Act 2004 s16C; gov.uk "Report a serious child safeguarding incident": the local authority notifies within 5 working days of becoming aware',
    compute: (from, calendar) => calendar.addWorkingDays(from, seriousIncidentNotificationWorkingDays),
  }),
  PARTNERS_TOLD_OF_INCIDENT: rule({
    kind: 'PARTNERS_TOLD_OF_INCIDENT',
    basis:
      'Working Together 2023: the local authority also tells its safeguarding partners within 5 working days of becoming aware',
    compute: (from, calendar) => calendar.addWorkingDays(from, seriousIncidentNotificationWorkingDays),
  }),
  RAPID_REVIEW: rule({
    kind: 'RAPID_REVIEW',
    basis:
      'Panel guidance (non-statutory expectation): the rapid review is completed and sent to the Panel within 15 working days of the notification being sent',
    compute: (from, calendar) => calendar.addWorkingDays(from, rapidReviewWorkingDays),
  }),
  PANEL_RESPONSE: rule({
    kind: 'PANEL_RESPONSE',
    basis:
      'Child Safeguarding Practice Review Panel practice (no statutory timescale): the Panel responds to the partnership on its rapid review',
    localSetting: `the Panel's service standard; default ${defaultPanelResponseWorkingDays} working days from receiving the rapid review`,
    compute: (from, calendar) => calendar.addWorkingDays(from, defaultPanelResponseWorkingDays),
  }),
  PRACTICE_REVIEW_PUBLICATION: rule({
    kind: 'PRACTICE_REVIEW_PUBLICATION',
    basis:
      'Working Together 2023: a local child safeguarding practice review is published within 6 months of the decision to undertake it',
    compute: (from, calendar) => practiceReviewPublicationDeadline(calendar, from),
  }),
  PRACTICE_REVIEW_TO_PANEL: rule({
    kind: 'PRACTICE_REVIEW_TO_PANEL',
    basis:
      'Working Together 2023: the Panel and the Secretary of State are sent the report before publication; the 7-working-day expectation of current guidance is unconfirmed',
    // From the publication date (or, before publication, the publication deadline), counted back.
    compute: (from, calendar) => workingDaysBefore(calendar, from, reportToPanelWorkingDays, 'publication on'),
  }),
  REVIEW_ACTION: rule({
    kind: 'REVIEW_ACTION',
    basis: "The partnership's action plan for the review's recommendations (local): the due date agreed for the action",
    localSetting: 'the due date the partnership agrees for each action',
    compute: (from) => ({ due: from, provisional: false, rule: `due date ${from} agreed for the action` }),
  }),
  CHILD_DEATH_NOTIFICATION: rule({
    kind: 'CHILD_DEATH_NOTIFICATION',
    basis:
      "Local practice (e.g. West Sussex): the CDOP (eCDOP / National Child Mortality Database) is notified within the partnership's configured hours of the death",
    localSetting: `the partnership's CDOP notification hours; default ${defaultCdopNotificationHours}`,
    compute: (from, calendar) => cdopNotificationDeadline(calendar, from, defaultCdopNotificationHours),
  }),
  CHILD_DEATH_REVIEW_STAGE: rule({
    kind: 'CHILD_DEATH_REVIEW_STAGE',
    basis:
      "Child Death Review Statutory and Operational Guidance 2018 (Children Act 2004 s16M-s16Q) sets no national timescale for the stages; the partnership's targets are local practice",
    localSetting: `targets from the death: review meeting within ${defaultChildDeathReviewMeetingMonths} months (the rule given here), CDOP review within ${defaultChildDeathPanelReviewMonths} months`,
    compute: (from, calendar) => childDeathReviewStageDeadline(calendar, from, 'REVIEW_MEETING'),
  }),
  YEARLY_REPORT: rule({
    kind: 'YEARLY_REPORT',
    basis:
      'Children Act 2004 s16G; Working Together 2023: published by the end of September after the financial year it covers',
    // From any day of the financial year: its report is due 30 September after it ends.
    compute: (from) => {
      const year = Number(from.slice(0, 4));
      return yearlyReportDeadline(from.slice(5) >= '04-01' ? year : year - 1);
    },
  }),
  YEARLY_REPORT_SENT: rule({
    kind: 'YEARLY_REPORT_SENT',
    basis:
      'Working Together 2023: the yearly report is sent to the Panel and to Foundations within 7 days of publication',
    compute: (from, calendar) => calendar.addCalendarDays(from, yearlyReportSendingDays),
  }),
};

/** The rule of a kind this file defines; throws for another, which is a programming error. */
export function reviewClockRule(kind: keyof typeof reviewClockRules): ClockRule {
  const found = reviewClockRules[kind];
  if (!found) throw new Error(`no review clock rule for ${kind}`);
  return found;
}
