import type { Deadline, WorkingDayCalendar } from '@safeguarding/shared';

/**
 * The n-th working day before `date` (the mirror of addWorkingDays: `date` is day 0). Used for an
 * expectation stated as "N working days before publication"; provisional outside the calendar.
 */
export function workingDaysBefore(calendar: WorkingDayCalendar, date: string, n: number, what: string): Deadline {
  const day = new Date(`${date}T00:00:00Z`);
  let provisional = false;
  for (let counted = 0; counted < n; ) {
    day.setUTCDate(day.getUTCDate() - 1);
    const iso = day.toISOString().slice(0, 10);
    if (!calendar.covers(iso)) provisional = true;
    if (calendar.isWorkingDay(iso)) counted++;
  }
  return { due: day.toISOString().slice(0, 10), provisional, rule: `${n} working days before ${what} ${date}` };
}
