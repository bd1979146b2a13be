import { Field, Int, ObjectType } from 'type-graphql';
import { Agency } from '../agency/agency.entity';
import { Section11Action } from './section11-return.entity';

@ObjectType({ description: 'How many agencies rated one standard RED, AMBER and GREEN in a year' })
export class Section11StandardSummary {
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

@ObjectType({ description: 'A partnership\'s view of its section 11 self-assessments for one year (partnership staff)' })
export class Section11Overview {
  @Field()
  financialYear!: string;

  @Field(() => [Agency], { description: 'Agencies designated during the year that have not returned' })
  notReturned!: Agency[];

  @Field(() => [Section11StandardSummary], { description: 'Ratings across the agencies that returned, per standard' })
  ratings!: Section11StandardSummary[];

  @Field(() => [Section11Action], { description: 'Actions of any year past their due date and not completed' })
  overdueActions!: Section11Action[];
}
