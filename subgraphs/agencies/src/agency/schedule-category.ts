import { registerEnumType } from 'type-graphql';

/** The headings of the Schedule to SI 2018/789 (relevant agencies). */
export enum ScheduleCategory {
  EDUCATION_AND_CHILDCARE = 'EDUCATION_AND_CHILDCARE',
  HEALTH_AND_SOCIAL_CARE = 'HEALTH_AND_SOCIAL_CARE',
  CRIMINAL_JUSTICE = 'CRIMINAL_JUSTICE',
  POLICE_AND_IMMIGRATION = 'POLICE_AND_IMMIGRATION',
  MISCELLANEOUS = 'MISCELLANEOUS',
}
registerEnumType(ScheduleCategory, { name: 'ScheduleCategory', description: 'Schedule to SI 2018/789' });
