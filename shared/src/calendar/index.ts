export { CalendarDataError, WorkingDayCalendar, isIsoDate, isOverdue, todayInLondon } from './working-days';
export type { Deadline, IsoDate } from './working-days';
