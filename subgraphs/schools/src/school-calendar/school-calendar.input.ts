import { Field, InputType } from 'type-graphql';
import { DateScalar } from '@safeguarding/shared';

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

  @Field(() => [SchoolClosureDayInput])
  closureDays!: SchoolClosureDayInput[];
}
