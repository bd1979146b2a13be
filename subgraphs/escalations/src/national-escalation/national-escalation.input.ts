import { Field, ID, InputType } from 'type-graphql';
import { NationalEscalationMatter, NationalEscalationRecipient } from './national-escalation.entity';

@InputType({ description: 'A partnership matter to escalate nationally' })
export class RaiseNationalEscalationInput {
  @Field(() => ID, {
    description: 'A partnership you act in as business manager, lead or delegated partner, or scrutineer',
  })
  partnershipId!: string;

  @Field(() => NationalEscalationRecipient)
  escalatedTo!: NationalEscalationRecipient;

  @Field(() => NationalEscalationMatter)
  matter!: NationalEscalationMatter;

  @Field({ description: "The matter; about the arrangements, never a child's name" })
  summary!: string;
}
