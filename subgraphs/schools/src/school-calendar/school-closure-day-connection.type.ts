import { connectionOf } from '@safeguarding/shared';
import { SchoolClosureDay } from './school-closure-day.entity';

export const SchoolClosureDayConnection = connectionOf<SchoolClosureDay>(
  () => SchoolClosureDay,
  'SchoolClosureDay',
  "A page of a school's closure days in date order; totalCount is counted only when asked for",
);
