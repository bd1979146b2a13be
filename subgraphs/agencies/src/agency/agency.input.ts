import { Field, InputType } from 'type-graphql';
import { ScheduleCategory } from './agency.entity';

@InputType({ description: 'An organisation that a partnership may name as a relevant agency' })
export class RegisterRelevantAgencyInput {
  @Field()
  name!: string;

  @Field(() => ScheduleCategory)
  scheduleCategory!: ScheduleCategory;

  @Field({ nullable: true, description: 'NHS ODS code, for NHS organisations' })
  odsCode?: string;
}
