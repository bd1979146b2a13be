import { registerEnumType } from 'type-graphql';
import { ScheduleCategory } from './schedule-category';

/**
 * The entries of the Schedule to SI 2018/789 (reg 18) a partnership may name as relevant agencies,
 * as DOMAIN.md §1 lists them, each under its heading. Held in code rather than a table: the
 * Schedule changes only by statutory instrument, which is a release anyway.
 */
export enum ScheduleEntry {
  ACADEMY_PROPRIETOR = 'ACADEMY_PROPRIETOR',
  MAINTAINED_SCHOOL_GOVERNING_BODY = 'MAINTAINED_SCHOOL_GOVERNING_BODY',
  NURSERY_SCHOOL = 'NURSERY_SCHOOL',
  PUPIL_REFERRAL_UNIT = 'PUPIL_REFERRAL_UNIT',
  INDEPENDENT_EDUCATIONAL_INSTITUTION = 'INDEPENDENT_EDUCATIONAL_INSTITUTION',
  NON_MAINTAINED_SPECIAL_SCHOOL = 'NON_MAINTAINED_SPECIAL_SCHOOL',
  SPECIAL_POST_16_INSTITUTION = 'SPECIAL_POST_16_INSTITUTION',
  FURTHER_EDUCATION_COLLEGE = 'FURTHER_EDUCATION_COLLEGE',
  HIGHER_EDUCATION_PROVIDER = 'HIGHER_EDUCATION_PROVIDER',
  REGISTERED_CHILDCARE_PROVIDER = 'REGISTERED_CHILDCARE_PROVIDER',
  CHILDMINDER_AGENCY = 'CHILDMINDER_AGENCY',
  CHILDRENS_CENTRE = 'CHILDRENS_CENTRE',
  NHS_TRUST = 'NHS_TRUST',
  NHS_FOUNDATION_TRUST = 'NHS_FOUNDATION_TRUST',
  NHS_ENGLAND = 'NHS_ENGLAND',
  CHILDRENS_HOME = 'CHILDRENS_HOME',
  YOUTH_OFFENDING_TEAM = 'YOUTH_OFFENDING_TEAM',
  PROBATION = 'PROBATION',
  PRISON_OR_SECURE_ESTABLISHMENT = 'PRISON_OR_SECURE_ESTABLISHMENT',
  BRITISH_TRANSPORT_POLICE = 'BRITISH_TRANSPORT_POLICE',
  IMMIGRATION_FUNCTIONS = 'IMMIGRATION_FUNCTIONS',
  CAFCASS = 'CAFCASS',
  /** An organisation the partners name under Miscellaneous that none of the entries above describes. */
  OTHER_MISCELLANEOUS = 'OTHER_MISCELLANEOUS',
}
registerEnumType(ScheduleEntry, {
  name: 'ScheduleEntry',
  description: 'An entry of the Schedule to SI 2018/789, each under one ScheduleCategory heading',
});

/** Each entry's heading: an entry given with another heading is refused. */
export const scheduleHeadingOf: Readonly<Record<ScheduleEntry, ScheduleCategory>> = {
  [ScheduleEntry.ACADEMY_PROPRIETOR]: ScheduleCategory.EDUCATION_AND_CHILDCARE,
  [ScheduleEntry.MAINTAINED_SCHOOL_GOVERNING_BODY]: ScheduleCategory.EDUCATION_AND_CHILDCARE,
  [ScheduleEntry.NURSERY_SCHOOL]: ScheduleCategory.EDUCATION_AND_CHILDCARE,
  [ScheduleEntry.PUPIL_REFERRAL_UNIT]: ScheduleCategory.EDUCATION_AND_CHILDCARE,
  [ScheduleEntry.INDEPENDENT_EDUCATIONAL_INSTITUTION]: ScheduleCategory.EDUCATION_AND_CHILDCARE,
  [ScheduleEntry.NON_MAINTAINED_SPECIAL_SCHOOL]: ScheduleCategory.EDUCATION_AND_CHILDCARE,
  [ScheduleEntry.SPECIAL_POST_16_INSTITUTION]: ScheduleCategory.EDUCATION_AND_CHILDCARE,
  [ScheduleEntry.FURTHER_EDUCATION_COLLEGE]: ScheduleCategory.EDUCATION_AND_CHILDCARE,
  [ScheduleEntry.HIGHER_EDUCATION_PROVIDER]: ScheduleCategory.EDUCATION_AND_CHILDCARE,
  [ScheduleEntry.REGISTERED_CHILDCARE_PROVIDER]: ScheduleCategory.EDUCATION_AND_CHILDCARE,
  [ScheduleEntry.CHILDMINDER_AGENCY]: ScheduleCategory.EDUCATION_AND_CHILDCARE,
  [ScheduleEntry.CHILDRENS_CENTRE]: ScheduleCategory.EDUCATION_AND_CHILDCARE,
  [ScheduleEntry.NHS_TRUST]: ScheduleCategory.HEALTH_AND_SOCIAL_CARE,
  [ScheduleEntry.NHS_FOUNDATION_TRUST]: ScheduleCategory.HEALTH_AND_SOCIAL_CARE,
  [ScheduleEntry.NHS_ENGLAND]: ScheduleCategory.HEALTH_AND_SOCIAL_CARE,
  [ScheduleEntry.CHILDRENS_HOME]: ScheduleCategory.HEALTH_AND_SOCIAL_CARE,
  [ScheduleEntry.YOUTH_OFFENDING_TEAM]: ScheduleCategory.CRIMINAL_JUSTICE,
  [ScheduleEntry.PROBATION]: ScheduleCategory.CRIMINAL_JUSTICE,
  [ScheduleEntry.PRISON_OR_SECURE_ESTABLISHMENT]: ScheduleCategory.CRIMINAL_JUSTICE,
  [ScheduleEntry.BRITISH_TRANSPORT_POLICE]: ScheduleCategory.POLICE_AND_IMMIGRATION,
  [ScheduleEntry.IMMIGRATION_FUNCTIONS]: ScheduleCategory.POLICE_AND_IMMIGRATION,
  [ScheduleEntry.CAFCASS]: ScheduleCategory.MISCELLANEOUS,
  [ScheduleEntry.OTHER_MISCELLANEOUS]: ScheduleCategory.MISCELLANEOUS,
};
