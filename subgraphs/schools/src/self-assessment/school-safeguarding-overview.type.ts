import { Field, Int, ObjectType } from 'type-graphql';
import { School } from '../school/school.entity';
import { SchoolSafeguardingAction } from './school-safeguarding-return.entity';

@ObjectType({ description: 'How many schools rated one standard RED, AMBER and GREEN in a year' })
export class SchoolSafeguardingStandardSummary {
  @Field()
  standardKey!: string;

  @Field()
  title!: string;

  @Field(() => Int)
  red!: number;

  @Field(() => Int)
  amber!: number;

  @Field(() => Int)
  green!: number;
}

@ObjectType({ description: 'A partnership\'s view of its schools\' section 175/157 self-assessments for one year (partnership staff)' })
export class SchoolSafeguardingOverview {
  @Field()
  financialYear!: string;

  @Field(() => [School], { description: 'Schools designated during the year that have not returned, by name' })
  notReturned!: School[];

  @Field(() => [SchoolSafeguardingStandardSummary], { description: 'Ratings across the schools that returned, per standard' })
  ratings!: SchoolSafeguardingStandardSummary[];

  @Field(() => [SchoolSafeguardingAction], { description: 'Actions of any year past their due date and not completed' })
  overdueActions!: SchoolSafeguardingAction[];
}
