import { readFileSync } from 'node:fs';

/** A calendar date with no time zone, `YYYY-MM-DD`. */
export type IsoDate = string;

export interface Deadline {
  readonly due: IsoDate;
  /** True when the result relied on years the holiday calendar does not cover. */
  readonly provisional: boolean;
  /** Human-readable statement of how `due` was derived, for display and audit. */
  readonly rule: string;
}

export class CalendarDataError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CalendarDataError';
    Object.setPrototypeOf(this, new.target.prototype); // keeps instanceof working if compiled to ES5
  }
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

// Dates are whole days since 1970-01-01 in UTC, so local time zones and DST can never shift them.
function toDay(value: string): number | undefined {
  const m = ISO_DATE.exec(value);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(0);
  t.setUTCFullYear(y, mo - 1, d); // unlike Date.UTC, does not map years 0-99 to 19xx
  if (t.getUTCFullYear() !== y || t.getUTCMonth() !== mo - 1 || t.getUTCDate() !== d) return undefined;
  return t.getTime() / MS_PER_DAY;
}

function parseDate(value: IsoDate, label = 'date'): number {
  const day = typeof value === 'string' ? toDay(value) : undefined;
  if (day === undefined)
    throw new RangeError(`${label} must be a real calendar date YYYY-MM-DD, got ${JSON.stringify(value)}`);
  return day;
}

const fromDay = (day: number): IsoDate => new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
const yearOf = (day: number): number => new Date(day * MS_PER_DAY).getUTCFullYear();
const isWeekend = (day: number): boolean => {
  const w = (((day + 4) % 7) + 7) % 7;
  return w === 0 || w === 6;
}; // 1970-01-01 was a Thursday
const plural = (n: number, unit: string): string => `${n} ${unit}${n === 1 ? '' : 's'}`;

function checkCount(n: number): void {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`n must be an integer >= 0, got ${String(n)}`);
}

export function isIsoDate(value: unknown): value is IsoDate {
  return typeof value === 'string' && toDay(value) !== undefined;
}

// Building an Intl.DateTimeFormat costs more than the rest of a request's deadline work (profiled).
const londonDateFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

let lastLondonDay: { readonly hour: number; readonly day: IsoDate } | null = null;

/** Due dates are English days: compare against this, not the UTC date, or deadlines flip an hour early in summer. */
export function todayInLondon(now: Date = new Date()): IsoDate {
  const time = now.getTime();
  if (Number.isNaN(time)) throw new RangeError('now must be a valid Date');
  // Every request asks (its context's `today`), and formatToParts showed in its profile. London's
  // offset from UTC has been a whole number of hours since 1847, so within one UTC hour the London
  // date cannot change: the last answer is kept for its hour.
  const hour = Math.floor(time / 3_600_000);
  if (time >= 0 && lastLondonDay?.hour === hour) return lastLondonDay.day;
  const parts = londonDateFormat.formatToParts(now);
  const part = (type: Intl.DateTimeFormatPartTypes): string => parts.find((p) => p.type === type)?.value ?? '';
  const day = `${part('year').padStart(4, '0')}-${part('month')}-${part('day')}`;
  if (time >= 0) lastLondonDay = { hour, day };
  return day;
}

/** True when `today` is after the due date; the due date itself is still in time. */
export function isOverdue(deadline: Pick<Deadline, 'due'>, today: IsoDate): boolean {
  return parseDate(today, 'today') > parseDate(deadline.due, 'deadline.due');
}

export class WorkingDayCalendar {
  readonly firstYear: number;
  readonly lastYear: number;
  private readonly holidays: ReadonlyMap<number, string>;
  private readonly coverFrom: number;
  private readonly coverTo: number;

  private constructor(
    holidays: Map<number, string>,
    coverage?: { firstYear: number; lastYear: number },
    private readonly dayName = 'working day',
  ) {
    const days = [...holidays.keys()];
    this.holidays = holidays;
    this.firstYear = coverage?.firstYear ?? yearOf(Math.min(...days));
    this.lastYear = coverage?.lastYear ?? yearOf(Math.max(...days));
    this.coverFrom = parseDate(`${String(this.firstYear).padStart(4, '0')}-01-01`);
    this.coverTo = parseDate(`${String(this.lastYear).padStart(4, '0')}-12-31`);
  }

  /** Accepts gov.uk's bank-holidays.json (already parsed), so the calendar is data, replaceable without a release. */
  static fromGovUkJson(json: unknown, division = 'england-and-wales'): WorkingDayCalendar {
    const isObject = (v: unknown): v is Record<string, unknown> =>
      typeof v === 'object' && v !== null && !Array.isArray(v);
    if (!isObject(json)) throw new CalendarDataError('calendar data must be a JSON object');
    const div = json[division];
    if (!isObject(div)) throw new CalendarDataError(`calendar data has no "${division}" division object`);
    if (div['division'] !== undefined && div['division'] !== division) {
      throw new CalendarDataError(`${division}.division must be "${division}", got ${JSON.stringify(div['division'])}`);
    }
    const events = div['events'];
    if (!Array.isArray(events)) throw new CalendarDataError(`${division}.events must be an array`);
    if (events.length === 0)
      throw new CalendarDataError(`${division}.events must not be empty (coverage comes from the events' years)`);
    const holidays = new Map<number, string>();
    events.forEach((event: unknown, i) => {
      const at = `${division}.events[${i}]`;
      if (!isObject(event)) throw new CalendarDataError(`${at} must be an object`);
      const { title, date, notes, bunting } = event;
      if (typeof title !== 'string' || title.trim() === '')
        throw new CalendarDataError(`${at}.title must be a non-empty string`);
      const day = typeof date === 'string' ? toDay(date) : undefined;
      if (day === undefined)
        throw new CalendarDataError(
          `${at}.date must be YYYY-MM-DD (a real calendar date), got ${JSON.stringify(date)}`,
        );
      if (notes !== undefined && typeof notes !== 'string')
        throw new CalendarDataError(`${at}.notes must be a string when present`);
      if (bunting !== undefined && typeof bunting !== 'boolean')
        throw new CalendarDataError(`${at}.bunting must be a boolean when present`);
      if (holidays.has(day)) throw new CalendarDataError(`${at}.date ${String(date)} appears more than once`);
      holidays.set(day, title);
    });
    return new WorkingDayCalendar(holidays);
  }

  static fromFile(path: string, division = 'england-and-wales'): WorkingDayCalendar {
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(path, 'utf8'));
    } catch (e) {
      throw new CalendarDataError(`cannot read calendar ${path}: ${e instanceof Error ? e.message : String(e)}`);
    }
    try {
      return WorkingDayCalendar.fromGovUkJson(json, division);
    } catch (e) {
      if (e instanceof CalendarDataError) throw new CalendarDataError(`${path}: ${e.message}`);
      throw e;
    }
  }

  /**
   * This calendar plus days an organisation is closed (a school's INSET days and holidays), counted
   * in its own unit ("5 school days after …"). Coverage stays the bank holidays': a closure far in
   * the future does not make that year's dates any less provisional.
   */
  withClosures(
    closures: ReadonlyArray<{ readonly date: IsoDate; readonly name: string }>,
    dayName: string,
  ): WorkingDayCalendar {
    const holidays = new Map(this.holidays);
    for (const closure of closures) {
      const day = parseDate(closure.date);
      if (!holidays.has(day)) holidays.set(day, closure.name);
    }
    return new WorkingDayCalendar(holidays, { firstYear: this.firstYear, lastYear: this.lastYear }, dayName);
  }

  /** Whether the calendar knows the bank holidays of this date's year. */
  covers(date: IsoDate): boolean {
    const day = parseDate(date);
    return day >= this.coverFrom && day <= this.coverTo;
  }

  isBankHoliday(date: IsoDate): boolean {
    return this.holidays.has(parseDate(date));
  }

  bankHolidayName(date: IsoDate): string | undefined {
    return this.holidays.get(parseDate(date));
  }

  /** Outside the covered years only weekends are known; use `covers` to tell whether the answer is final. */
  isWorkingDay(date: IsoDate): boolean {
    return this.isWorking(parseDate(date));
  }

  /** D is day 0 whatever day it is; the due date is the n-th working day after it. */
  addWorkingDays(date: IsoDate, n: number): Deadline {
    let day = parseDate(date);
    checkCount(n);
    const start = day;
    for (let counted = 0; counted < n;) if (this.isWorking(++day)) counted++;
    // Only days after D are examined, so n = 0 never depends on the holiday data.
    const provisional = n > 0 && (start + 1 < this.coverFrom || day > this.coverTo);
    return { due: fromDay(day), provisional, rule: `${plural(n, this.dayName)} after ${date}` };
  }

  addCalendarDays(date: IsoDate, n: number): Deadline {
    const day = parseDate(date);
    checkCount(n);
    return { due: fromDay(day + n), provisional: false, rule: `${plural(n, 'day')} after ${date}` };
  }

  /** Clamps to the end of a shorter month (31 Aug + 6 months = 28/29 Feb) rather than spilling into the next. */
  addMonths(date: IsoDate, n: number): Deadline {
    const t = new Date(parseDate(date) * MS_PER_DAY);
    checkCount(n);
    const target = new Date(0);
    target.setUTCFullYear(t.getUTCFullYear(), t.getUTCMonth() + n + 1, 0); // day 0 = last day of the target month
    target.setUTCDate(Math.min(t.getUTCDate(), target.getUTCDate()));
    return {
      due: fromDay(target.getTime() / MS_PER_DAY),
      provisional: false,
      rule: `${plural(n, 'month')} after ${date}`,
    };
  }

  /**
   * Working days after `from` up to and including `to`, so that
   * workingDaysBetween(d, addWorkingDays(d, n).due) === n. Zero when to === from;
   * negative (minus the working days after `to` up to and including `from`) when to is earlier.
   */
  workingDaysBetween(from: IsoDate, to: IsoDate): number {
    const a = parseDate(from, 'from');
    const b = parseDate(to, 'to');
    const [lo, hi, sign]: [number, number, number] = a <= b ? [a, b, 1] : [b, a, -1];
    let count = 0;
    for (let day = lo + 1; day <= hi; day++) if (this.isWorking(day)) count++;
    return sign * count;
  }

  isOverdue(deadline: Pick<Deadline, 'due'>, today: IsoDate): boolean {
    return isOverdue(deadline, today);
  }

  private isWorking(day: number): boolean {
    return !isWeekend(day) && !this.holidays.has(day);
  }
}
