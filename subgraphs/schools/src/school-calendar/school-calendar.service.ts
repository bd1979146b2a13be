import { z } from 'zod';
import {
  boundedList,
  inTransaction,
  BadUserInputError,
  connection,
  ForbiddenError,
  groupByKey,
  isoDate,
  nestedPage,
  NotFoundError,
  requiredText,
  validateInput,
  type Connection,
  type PageArgs,
  type SubgraphContext,
  type WorkingDayCalendar,
} from '@safeguarding/shared';
import type { EntityManager } from 'typeorm';
import { mayChangeSchoolSafeguardingRecord, schoolSafeguardingRefusal } from '../school/school-record.policy';
import { fileTransferObligation, settleFileTransferObligations } from '../file-transfer/file-transfer.obligations';
import { FileTransferRepository } from '../file-transfer/file-transfer.repository';
import { SchoolRepository } from '../school/school.repository';
import { closureDaysLimit, type SetSchoolCalendarInput } from './school-calendar.input';
import { closureDayOrder, SchoolCalendarRepository } from './school-calendar.repository';
import { SchoolClosureDay } from './school-closure-day.entity';
import { SchoolClosureDayConnection } from './school-closure-day-connection.type';

const setCalendarSchema = z
  .object({
    urn: z.string().regex(/^\d{6}$/, 'must be a 6-digit URN'),
    from: isoDate,
    to: isoDate,
    closureDays: boundedList(
      closureDaysLimit,
      'closure days',
      z.array(z.object({ date: isoDate, reason: requiredText(200) })),
    ),
  })
  .superRefine((value, context) => {
    if (value.to < value.from)
      context.addIssue({ code: 'custom', path: ['to'], message: `must not be before from (${value.from})` });
    const seen = new Set<string>();
    value.closureDays.forEach((day, index) => {
      const at = ['closureDays', index, 'date'];
      if (day.date < value.from || day.date > value.to)
        context.addIssue({ code: 'custom', path: at, message: `must be between ${value.from} and ${value.to}` });
      const weekday = new Date(`${day.date}T00:00:00Z`).getUTCDay();
      if (weekday === 0 || weekday === 6)
        context.addIssue({
          code: 'custom',
          path: at,
          message: `${day.date} is a weekend, which is never a school day`,
        });
      if (seen.has(day.date)) context.addIssue({ code: 'custom', path: at, message: `${day.date} is listed twice` });
      seen.add(day.date);
    });
  });

/** A school's clock from its closure days: the national calendar where it has set none. */
export function schoolClock(
  national: WorkingDayCalendar,
  closures: readonly SchoolClosureDay[],
): { calendar: WorkingDayCalendar; ownCalendar: boolean } {
  if (closures.length === 0) return { calendar: national, ownCalendar: false };
  return {
    calendar: national.withClosures(
      closures.map((c) => ({ date: c.date, name: c.reason })),
      'school day',
    ),
    ownCalendar: true,
  };
}

export class SchoolCalendarService {
  constructor(private readonly ctx: SubgraphContext) {}

  private repository(manager: EntityManager = this.ctx.db.manager): SchoolCalendarRepository {
    return new SchoolCalendarRepository(manager, this.ctx.scope);
  }

  closures(urn: string): Promise<SchoolClosureDay[]> {
    return this.ctx.loaders
      .get<string, SchoolClosureDay[]>('School.closureDays', async (urns) =>
        groupByKey(urns, await this.repository().closuresOf(urns), (day) => day.urn),
      )
      .load(urn);
  }

  /** A page of the school's closure days in date order, cut in SQL for every school asked for at once (public, as the calendar is). */
  async pageOf(urn: string, args: PageArgs): Promise<Connection<SchoolClosureDay>> {
    const page = await nestedPage<SchoolClosureDay>({
      list: 'School.closureDays',
      loaders: this.ctx.loaders,
      parent: urn,
      args,
      order: closureDayOrder,
      parentOf: (day) => day.urn,
      rows: (urns, after, limit) => this.repository().pagesOf(urns, after, limit),
      count: (urns) => this.repository().countsOf(urns),
    });
    return connection(SchoolClosureDayConnection, page, page.count);
  }

  /** The calendar a school's own clock runs on: bank holidays plus its closures, if it has any. */
  async calendarOf(
    urn: string,
    manager?: EntityManager,
  ): Promise<{ calendar: WorkingDayCalendar; ownCalendar: boolean }> {
    // Inside a write, read in its transaction (and not through the request's cache, which a calendar change would leave stale).
    const closures = manager ? await this.repository(manager).closuresOf([urn]) : await this.closures(urn);
    return schoolClock(this.ctx.calendar, closures);
  }

  /**
   * The school's own calendar moves its file-transfer deadlines, so it is the school's record:
   * set by its DSL or safeguarding manager, or its partnership's administrators.
   */
  async set(input: SetSchoolCalendarInput): Promise<SchoolClosureDay[]> {
    const valid = validateInput(setCalendarSchema, input);
    return inTransaction(this.ctx.db, async (manager) => {
      const schools = new SchoolRepository(manager, this.ctx.scope);
      const [school] = await schools.findByUrns([valid.urn]);
      if (!school) throw new NotFoundError('School', valid.urn);
      if (
        !mayChangeSchoolSafeguardingRecord(
          this.ctx.scope,
          school.urn,
          await schools.holdersOfSchool(school, this.ctx.today),
        )
      ) {
        throw new ForbiddenError(schoolSafeguardingRefusal);
      }
      if (valid.closureDays.length > 0 && valid.closureDays.every((day) => this.ctx.calendar.isBankHoliday(day.date))) {
        throw new BadUserInputError('input.closureDays', 'lists only bank holidays, which are skipped already');
      }
      const days = valid.closureDays.map((day) => Object.assign(new SchoolClosureDay(), { urn: valid.urn, ...day }));
      await this.repository(manager).replace(valid.urn, valid.from, valid.to, days);
      const closures = await this.repository(manager).closuresOf([valid.urn]);
      // The school's open transfers run on this calendar: their obligations move with it, in this transaction.
      const open = await new FileTransferRepository(manager, this.ctx.scope, this.ctx.reference).unconfirmedSentBy(
        valid.urn,
      );
      const clock = schoolClock(this.ctx.calendar, closures);
      await settleFileTransferObligations(
        manager,
        this.ctx.now,
        open.map((transfer) => fileTransferObligation(transfer, clock, this.ctx.reference)),
      );
      // The answer is what this call set (at most 400 days by validation), not every year's closures: those are School.closureDays, a page at a time.
      return closures.filter((day) => day.date >= valid.from && day.date <= valid.to);
    });
  }
}
