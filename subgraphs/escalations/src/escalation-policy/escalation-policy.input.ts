import { Field, InputType, Int } from 'type-graphql';

@InputType({ description: 'One stage of an escalation policy; its position is its place in the list' })
export class EscalationStageInput {
  @Field()
  name!: string;

  @Field({ description: 'Who is involved at this stage' })
  participants!: string;

  @Field(() => Int, { description: 'Working days the stage has, 1 to 60' })
  timescaleWorkingDays!: number;
}
