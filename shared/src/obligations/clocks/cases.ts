import type { Deadline, IsoDate, WorkingDayCalendar } from '../../calendar';
import type { ClockRule, ClockRules } from './clock-rule';

/**
 * The clocks of case work: referrals, professional disagreements and national escalations (the
 * escalations subgraph) and child-protection files and DSL training (the schools subgraph). Each
 * subgraph computes its deadlines with these functions, so the deadline it records, the
 * obligation it opens and `deadlinePreview` can never disagree.
 */

export const referralResponseBasis =
  'Working Together to Safeguard Children (statutory guidance): acknowledge and decide within one working day of receipt';
export const referralImmediateBasis =
  'Working Together to Safeguard Children (statutory guidance): significant harm, act immediately';

/**
 * One working day after the London date of receipt (the day itself is day 0, whatever the hour:
 * received at 17:40 on a Friday is due on Monday); on the day of receipt where the child is
 * suffering or likely to suffer significant harm.
 */
export function referralResponseDeadline(
  receivedOn: IsoDate,
  immediate: boolean,
  calendar: WorkingDayCalendar,
): Deadline {
  return immediate
    ? { due: receivedOn, rule: `immediately: on the day of receipt, ${receivedOn}`, provisional: false }
    : calendar.addWorkingDays(receivedOn, 1);
}

export const escalationStageBasis = 'Partnership escalation policy (local practice)';
/** Stage 1's timescale when a partnership has configured none (London CP procedures 11.1.4: "within a working week"). */
export const defaultEscalationStageWorkingDays = 5;

/** A stage runs for the partnership's timescale in working days from the day it started. */
export function escalationStageDeadline(
  startedOn: IsoDate,
  timescaleWorkingDays: number,
  calendar: WorkingDayCalendar,
): Deadline {
  return calendar.addWorkingDays(startedOn, timescaleWorkingDays);
}

export const nationalEscalationBasis =
  "Working Together to Safeguard Children 2023 (the Child Safeguarding Practice Review Panel's national role): no statutory timescale; acknowledgement expected within 10 working days (service standard)";
export const nationalEscalationAcknowledgementWorkingDays = 10;

export function nationalEscalationDeadline(raisedOn: IsoDate, calendar: WorkingDayCalendar): Deadline {
  return calendar.addWorkingDays(raisedOn, nationalEscalationAcknowledgementWorkingDays);
}

export const fileTransferSchoolDays = 5;
export const fileTransferBasis =
  'KCSIE: the child protection file is transferred within 5 school days of an in-year move (school days counted as working days)';
export const fileTransferBasisWithCalendar =
  "KCSIE: the child protection file is transferred within 5 school days of an in-year move (the sending school's calendar)";

/** 5 school days from the day the child left (day 0); the calendar is the sending school's where it set one. */
export function fileTransferDeadline(leftOn: IsoDate, schoolCalendar: WorkingDayCalendar): Deadline {
  return schoolCalendar.addWorkingDays(leftOn, fileTransferSchoolDays);
}

export const dslTrainingBasis = 'KCSIE: DSL training refreshed at least every two years';
export const dslTrainingRefreshMonths = 24;

export function dslTrainingDeadline(lastTrainedOn: IsoDate, calendar: WorkingDayCalendar): Deadline {
  return calendar.addMonths(lastTrainedOn, dslTrainingRefreshMonths);
}

const referralAcknowledgement: ClockRule = {
  kind: 'REFERRAL_ACKNOWLEDGEMENT',
  basis: referralResponseBasis,
  compute: (from, calendar) => referralResponseDeadline(from, false, calendar),
};

const referralDecision: ClockRule = {
  kind: 'REFERRAL_DECISION',
  basis: referralResponseBasis,
  compute: (from, calendar) => referralResponseDeadline(from, false, calendar),
};

export const caseClockRules: ClockRules = {
  REFERRAL_ACKNOWLEDGEMENT: referralAcknowledgement,
  REFERRAL_DECISION: referralDecision,
  ESCALATION_STAGE: {
    kind: 'ESCALATION_STAGE',
    basis: escalationStageBasis,
    localSetting: `each stage's timescale in working days, set in the partnership's escalation policy; ${defaultEscalationStageWorkingDays} working days for stage 1 where none is set`,
    compute: (from, calendar) => escalationStageDeadline(from, defaultEscalationStageWorkingDays, calendar),
  },
  NATIONAL_ESCALATION: {
    kind: 'NATIONAL_ESCALATION',
    basis: nationalEscalationBasis,
    compute: nationalEscalationDeadline,
  },
  FILE_TRANSFER: {
    kind: 'FILE_TRANSFER',
    basis: fileTransferBasis,
    localSetting: "the sending school's own closure days, where it has set a calendar, are not school days",
    compute: fileTransferDeadline,
  },
  DSL_TRAINING: {
    kind: 'DSL_TRAINING',
    basis: dslTrainingBasis,
    compute: dslTrainingDeadline,
  },
};
