import {
  DeadlineStatus,
  DeadlineView,
  dslTrainingBasis as trainingBasis,
  dslTrainingDeadline,
  dslTrainingRefreshMonths as trainingRefreshMonths,
  type WorkingDayCalendar,
} from '@safeguarding/shared';

export { trainingBasis, trainingRefreshMonths };

export function trainingDeadline(
  calendar: WorkingDayCalendar,
  lastTrainedOn: string | null,
  today: string,
): DeadlineView | null {
  if (lastTrainedOn === null) return null;
  return DeadlineView.of(dslTrainingDeadline(lastTrainedOn, calendar), trainingBasis, null, today);
}

export function isTrainingOverdue(deadline: DeadlineView | null): boolean {
  return deadline === null || deadline.status === DeadlineStatus.OVERDUE;
}

/**
 * The earliest training date still in time today: training on an earlier day fell due before
 * today. Lets SQL filter by a date compare; it agrees with addMonths' end-of-month clamping
 * (trained 29 Feb 2024 is due 28 Feb 2026, overdue from 1 Mar 2026, when the cutoff is 1 Mar 2024).
 */
export function trainingCutoff(today: string): string {
  const [year, month, day] = today.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(year - trainingRefreshMonths / 12, month - 1, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return target.toISOString().slice(0, 10);
}
