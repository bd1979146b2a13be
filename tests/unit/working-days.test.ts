import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CalendarDataError, WorkingDayCalendar, isOverdue, todayInLondon } from '../../shared/src/calendar';
import { defaultReferenceDataDir } from '../../shared/src/paths';

// The reference data ships in the repository (data/reference).
const CALENDAR_FILE = path.join(defaultReferenceDataDir, 'bank-holidays-england-and-wales.json');

const custom = (events: unknown[]): unknown => ({
  'england-and-wales': { division: 'england-and-wales', events },
});

describe('WorkingDayCalendar (England and Wales, gov.uk data 2018-2027)', () => {
  const cal = WorkingDayCalendar.fromFile(CALENDAR_FILE);

  it('knows the years it covers and the holidays in them', () => {
    expect(cal.firstYear).toBe(2018);
    expect(cal.lastYear).toBe(2027);
    expect(cal.covers('2027-12-31')).toBe(true);
    expect(cal.covers('2028-01-01')).toBe(false);
    expect(cal.isBankHoliday('2026-08-31')).toBe(true);
    expect(cal.bankHolidayName('2026-04-03')).toBe('Good Friday');
    expect(cal.bankHolidayName('2026-04-07')).toBeUndefined();
    expect(cal.isWorkingDay('2026-08-31')).toBe(false); // Summer bank holiday (Monday)
    expect(cal.isWorkingDay('2026-09-01')).toBe(true);
    expect(cal.isWorkingDay('2026-03-07')).toBe(false); // Saturday
  });

  it('follows the DOMAIN.md example: aware Wed 2026-12-23, 5 working days -> 2027-01-04', () => {
    expect(cal.addWorkingDays('2026-12-23', 5)).toEqual({
      due: '2027-01-04',
      provisional: false,
      rule: '5 working days after 2026-12-23',
    });
  });

  it('skips Christmas, Boxing Day and New Year 2025/26', () => {
    // 24 Dec (1), 25-28 holidays/weekend, 29 (2), 30 (3), 31 (4), 1 Jan holiday, Fri 2 Jan (5)
    expect(cal.addWorkingDays('2025-12-23', 5).due).toBe('2026-01-02');
  });

  it('skips Good Friday (2026-04-03) and Easter Monday (2026-04-06)', () => {
    expect(cal.addWorkingDays('2026-04-02', 1).due).toBe('2026-04-07');
    expect(cal.addWorkingDays('2026-03-31', 5).due).toBe('2026-04-09');
    // a rapid review: 15 working days from Wed 2026-04-01
    expect(cal.addWorkingDays('2026-04-01', 15).due).toBe('2026-04-24');
  });

  it('respects substitute bank holidays', () => {
    expect(cal.bankHolidayName('2022-12-27')).toBe('Christmas Day (substitute day)');
    expect(cal.addWorkingDays('2022-12-23', 1).due).toBe('2022-12-28'); // Boxing Day 26th, substitute 27th
    expect(cal.addWorkingDays('2022-12-23', 3).due).toBe('2022-12-30');
    expect(cal.addWorkingDays('2021-12-24', 1).due).toBe('2021-12-29'); // substitutes 27th and 28th
  });

  it('counts from a Saturday notification: day 1 is the next working day', () => {
    expect(cal.addWorkingDays('2026-03-07', 1).due).toBe('2026-03-09');
    expect(cal.addWorkingDays('2026-03-07', 5).due).toBe('2026-03-13');
    expect(cal.addWorkingDays('2026-05-02', 1).due).toBe('2026-05-05'); // Monday 4 May is a bank holiday
  });

  it('1 working day after the Friday before a bank-holiday Monday is the Tuesday', () => {
    expect(cal.addWorkingDays('2026-08-28', 1)).toEqual({
      due: '2026-09-01',
      provisional: false,
      rule: '1 working day after 2026-08-28',
    });
  });

  it('beyond the calendar uses weekends alone and marks the result provisional', () => {
    expect(cal.addWorkingDays('2028-04-13', 1)).toEqual({
      due: '2028-04-14', // Good Friday 2028, but the calendar does not know it yet
      provisional: true,
      rule: '1 working day after 2028-04-13',
    });
    // Crossing the boundary: known holidays on 27-28 Dec 2027 apply, 2028 is weekends only.
    expect(cal.addWorkingDays('2027-12-23', 5)).toEqual(
      expect.objectContaining({ due: '2028-01-03', provisional: true }),
    );
    expect(cal.addWorkingDays('2027-12-20', 5)).toEqual(
      expect.objectContaining({ due: '2027-12-29', provisional: false }),
    );
    expect(cal.addWorkingDays('2017-12-22', 1)).toEqual(
      expect.objectContaining({ due: '2017-12-25', provisional: true }),
    );
  });

  it('n = 0 returns D itself, whatever day it is', () => {
    expect(cal.addWorkingDays('2026-12-25', 0)).toEqual({
      due: '2026-12-25',
      provisional: false,
      rule: '0 working days after 2026-12-25',
    });
    expect(cal.addWorkingDays('2026-03-07', 0).due).toBe('2026-03-07');
  });

  it('rejects invalid dates and counts', () => {
    expect(() => cal.addWorkingDays('2026-02-30', 1)).toThrow(RangeError);
    expect(() => cal.addWorkingDays('2026-02-30', 1)).toThrow(/2026-02-30/);
    expect(() => cal.isWorkingDay('2026-2-3')).toThrow(RangeError);
    expect(() => cal.isWorkingDay('2026-02-03T00:00:00Z')).toThrow(RangeError);
    expect(() => cal.addWorkingDays('2026-01-05', -1)).toThrow(RangeError);
    expect(() => cal.addWorkingDays('2026-01-05', 1.5)).toThrow(RangeError);
    expect(() => cal.addWorkingDays('2026-01-05', Number.NaN)).toThrow(RangeError);
    expect(() => cal.addCalendarDays('2026-01-05', -7)).toThrow(RangeError);
    expect(() => cal.addMonths('2026-01-05', -1)).toThrow(RangeError);
  });

  it('counts working days between two dates', () => {
    expect(cal.workingDaysBetween('2026-12-23', '2027-01-04')).toBe(5);
    expect(cal.workingDaysBetween('2027-01-04', '2026-12-23')).toBe(-5);
    expect(cal.workingDaysBetween('2026-12-23', '2026-12-23')).toBe(0);
    expect(cal.workingDaysBetween('2026-08-28', '2026-09-01')).toBe(1);
    expect(cal.workingDaysBetween('2026-03-07', '2026-03-08')).toBe(0); // a weekend
  });

  it('adds calendar days and months, clamping to the end of the month', () => {
    expect(cal.addCalendarDays('2026-09-30', 7)).toEqual({
      due: '2026-10-07',
      provisional: false,
      rule: '7 days after 2026-09-30',
    });
    expect(cal.addCalendarDays('2026-09-30', 1).rule).toBe('1 day after 2026-09-30');
    expect(cal.addMonths('2026-03-31', 6)).toEqual({
      due: '2026-09-30',
      provisional: false,
      rule: '6 months after 2026-03-31',
    });
    expect(cal.addMonths('2026-08-31', 6).due).toBe('2027-02-28');
    expect(cal.addMonths('2027-08-31', 6).due).toBe('2028-02-29'); // leap year
    expect(cal.addMonths('2028-02-29', 12).due).toBe('2029-02-28');
    expect(cal.addMonths('2026-01-15', 1)).toEqual({
      due: '2026-02-15',
      provisional: false,
      rule: '1 month after 2026-01-15',
    });
    expect(cal.addMonths('2026-11-30', 3).due).toBe('2027-02-28');
  });

  it('is overdue only after the due date', () => {
    const deadline = cal.addWorkingDays('2026-12-23', 5);
    expect(isOverdue(deadline, '2027-01-04')).toBe(false);
    expect(isOverdue(deadline, '2027-01-05')).toBe(true);
    expect(cal.isOverdue(deadline, '2026-12-31')).toBe(false);
  });
});

describe('replacing the calendar by configuration', () => {
  it('respects a custom holiday and forgets the gov.uk ones', () => {
    const local = WorkingDayCalendar.fromGovUkJson(custom([{ title: 'Local holiday', date: '2026-03-10' }]));
    const real = WorkingDayCalendar.fromFile(CALENDAR_FILE);
    expect(real.addWorkingDays('2026-03-09', 1).due).toBe('2026-03-10');
    expect(local.addWorkingDays('2026-03-09', 1).due).toBe('2026-03-11');
    expect(local.bankHolidayName('2026-03-10')).toBe('Local holiday');
    expect(local.firstYear).toBe(2026);
    expect(local.lastYear).toBe(2026);
    expect(local.addWorkingDays('2026-04-02', 1).due).toBe('2026-04-03'); // no Good Friday in this data
    expect(local.addWorkingDays('2027-01-01', 1)).toEqual(
      expect.objectContaining({ due: '2027-01-04', provisional: true }),
    );
  });

  it('reads another division of the same file', () => {
    const json = {
      scotland: { division: 'scotland', events: [{ title: 'St Andrew’s Day', date: '2026-11-30', bunting: true }] },
    };
    expect(WorkingDayCalendar.fromGovUkJson(json, 'scotland').isBankHoliday('2026-11-30')).toBe(true);
  });

  it('rejects malformed data with a clear CalendarDataError', () => {
    const bad =
      (json: unknown): (() => WorkingDayCalendar) =>
      () =>
        WorkingDayCalendar.fromGovUkJson(json);
    expect(bad(null)).toThrow(CalendarDataError);
    expect(bad([])).toThrow('calendar data must be a JSON object');
    expect(bad({ scotland: { events: [] } })).toThrow('no "england-and-wales" division');
    expect(bad(custom(undefined as unknown as unknown[]))).toThrow('england-and-wales.events must be an array');
    expect(bad(custom([]))).toThrow('events must not be empty');
    expect(
      bad(
        custom([
          { title: 'A', date: '2026-01-01' },
          { title: 'B', date: '2026-13-01' },
        ]),
      ),
    ).toThrow('events[1].date must be YYYY-MM-DD');
    expect(bad(custom([{ title: 'A', date: '2026-02-30' }]))).toThrow('events[0].date must be YYYY-MM-DD');
    expect(bad(custom([{ date: '2026-01-01' }]))).toThrow('events[0].title must be a non-empty string');
    expect(bad(custom([{ title: 'A', date: '2026-01-01', bunting: 'yes' }]))).toThrow(
      'events[0].bunting must be a boolean',
    );
    expect(
      bad(
        custom([
          { title: 'A', date: '2026-01-01' },
          { title: 'A', date: '2026-01-01' },
        ]),
      ),
    ).toThrow('appears more than once');
  });

  it('names the file when a calendar file is missing or malformed', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'calendar-'));
    try {
      const missing = path.join(dir, 'missing.json');
      expect(() => WorkingDayCalendar.fromFile(missing)).toThrow(CalendarDataError);
      expect(() => WorkingDayCalendar.fromFile(missing)).toThrow(missing);
      const broken = path.join(dir, 'broken.json');
      fs.writeFileSync(broken, JSON.stringify(custom([{ title: 'A', date: '2026/01/01' }])));
      expect(() => WorkingDayCalendar.fromFile(broken)).toThrow(
        `${broken}: england-and-wales.events[0].date must be YYYY-MM-DD`,
      );
      const notJson = path.join(dir, 'not.json');
      fs.writeFileSync(notJson, '{ nope');
      expect(() => WorkingDayCalendar.fromFile(notJson)).toThrow(notJson);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('todayInLondon', () => {
  it('uses the London date during BST (UTC+1)', () => {
    expect(todayInLondon(new Date('2026-06-30T23:30:00Z'))).toBe('2026-07-01');
    expect(todayInLondon(new Date('2026-03-31T23:30:00Z'))).toBe('2026-04-01');
    expect(todayInLondon(new Date('2026-06-30T22:59:59Z'))).toBe('2026-06-30');
  });

  it('uses the London date during GMT and across the clock changes', () => {
    expect(todayInLondon(new Date('2026-12-31T23:30:00Z'))).toBe('2026-12-31');
    expect(todayInLondon(new Date('2027-01-01T00:00:00Z'))).toBe('2027-01-01');
    expect(todayInLondon(new Date('2026-03-29T00:30:00Z'))).toBe('2026-03-29'); // before 01:00 UTC switch to BST
    expect(todayInLondon(new Date('2026-10-24T23:30:00Z'))).toBe('2026-10-25'); // still BST
    expect(todayInLondon(new Date('2026-10-25T23:30:00Z'))).toBe('2026-10-25'); // back on GMT
  });

  it('answers the same when asked again and again within an hour, London midnight included', () => {
    // Asked in this order, each answer may come from the one before it: it must still be right.
    const instants = [
      '2026-06-30T22:00:00Z',
      '2026-06-30T22:59:59.999Z',
      '2026-06-30T23:00:00Z',
      '2026-06-30T23:59:59Z',
      '2026-10-25T00:59:59Z',
      '2026-10-25T01:00:00Z',
      '2026-10-25T23:59:59Z',
      '2026-10-26T00:00:00Z',
    ];
    expect(instants.map((instant) => todayInLondon(new Date(instant)))).toEqual([
      '2026-06-30',
      '2026-06-30',
      '2026-07-01',
      '2026-07-01',
      '2026-10-25',
      '2026-10-25',
      '2026-10-25',
      '2026-10-26',
    ]);
    expect(todayInLondon(new Date('1840-06-30T23:59:00Z'))).toBe('1840-06-30');
  });

  it('rejects an invalid Date', () => {
    expect(() => todayInLondon(new Date('not a date'))).toThrow(RangeError);
  });
});
