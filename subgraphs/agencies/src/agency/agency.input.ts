import { Field, InputType } from 'type-graphql';
import { DateScalar } from '@safeguarding/shared';
import { AgencySector, ScheduleCategory, ScheduleEntry } from './agency.entity';

@InputType({ description: 'An organisation that a partnership may name as a relevant agency' })
export class RegisterRelevantAgencyInput {
  @Field()
  name!: string;

  @Field(() => ScheduleCategory)
  scheduleCategory!: ScheduleCategory;

  @Field(() => ScheduleEntry, {
    nullable: true,
    description: 'Its entry of the Schedule; must be under scheduleCategory',
  })
  scheduleEntry?: ScheduleEntry | null;

  @Field(() => AgencySector, { nullable: true })
  sector?: AgencySector | null;

  @Field({ nullable: true, description: 'NHS ODS code, for NHS organisations: 3 to 5 letters and digits' })
  odsCode?: string;

  @Field(() => String, { nullable: true, description: 'Companies House number: 2 letters and 6 digits, or 8 digits' })
  companiesHouseNumber?: string | null;

  @Field(() => String, { nullable: true, description: 'Charity number (England and Wales): 6 to 8 digits' })
  charityNumber?: string | null;

  @Field(() => String, { nullable: true, description: "Ofsted URN: 'SC' and 6 digits, or 6 to 7 digits" })
  ofstedUrn?: string | null;

  @Field(() => DateScalar, { nullable: true })
  openedOn?: string | null;
}

/**
 * One row of a bulk registration. Every field is a string, as in the CSV the rows usually come
 * from, so one bad value rejects its row rather than failing the whole request at coercion.
 */
@InputType({ description: 'One agency in a bulk registration; blank fields leave a stored value alone' })
export class RelevantAgencyRowInput {
  @Field()
  name!: string;

  @Field(() => String, {
    nullable: true,
    description: 'A ScheduleCategory value; may be left out when scheduleEntry is given',
  })
  scheduleCategory?: string | null;

  @Field(() => String, { nullable: true, description: 'A ScheduleEntry value, under scheduleCategory' })
  scheduleEntry?: string | null;

  @Field(() => String, { nullable: true, description: 'An AgencySector value' })
  sector?: string | null;

  @Field(() => String, { nullable: true })
  odsCode?: string | null;

  @Field(() => String, { nullable: true })
  companiesHouseNumber?: string | null;

  @Field(() => String, { nullable: true })
  charityNumber?: string | null;

  @Field(() => String, { nullable: true })
  ofstedUrn?: string | null;

  @Field(() => String, { nullable: true, description: 'An AgencyStatus value; CLOSED needs closedOn' })
  status?: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' })
  openedOn?: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD, not before openedOn' })
  closedOn?: string | null;
}
