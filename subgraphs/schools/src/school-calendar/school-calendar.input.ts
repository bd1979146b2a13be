import { Field, InputType } from 'type-graphql';
import { DateScalar } from '@safeguarding/shared';

/** More than a year's days: a calendar covers at most a school year and its holidays. */
export const closureDaysLimit = 400;

@InputType()
export class SchoolClosureDayInput {
  @Field(() => DateScalar)
  date!: string;

  @Field({ description: 'e.g. "INSET day", "Summer holiday"' })
  reason!: string;
}

@InputType({ description: "Replaces the school's closure days between from and to (a term or a year at a time)" })
export class SetSchoolCalendarInput {
  @Field()
  urn!: string;

  @Field(() => DateScalar)
  from!: string;

  @Field(() => DateScalar)
  to!: string;

  @Field(() => [SchoolClosureDayInput], {
    description: `The days the school is closed between from and to; at most ${closureDaysLimit}`,
  })
  closureDays!: SchoolClosureDayInput[];
}
