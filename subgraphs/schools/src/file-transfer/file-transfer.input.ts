import { Field, ID, InputType } from 'type-graphql';
import { DateScalar } from '@safeguarding/shared';

@InputType({ description: 'A child leaving the sending school, recorded by its DSL' })
export class RecordFileTransferInput {
  @Field()
  sendingUrn!: string;

  @Field()
  receivingUrn!: string;

  @Field({
    description: "The sending school's pseudonymous reference for the child (letters, digits, - and /), never a name",
  })
  childReference!: string;

  @Field(() => DateScalar, { description: 'The day the child left' })
  leftOn!: string;
}

@InputType({ description: 'The file has been sent (sending DSL)' })
export class MarkFileTransferSentInput {
  @Field(() => ID)
  transferId!: string;

  @Field(() => DateScalar, { nullable: true, description: 'Today when left out' })
  sentOn?: string | null;
}

@InputType({ description: 'The file has arrived (receiving DSL)' })
export class ConfirmFileTransferReceiptInput {
  @Field(() => ID)
  transferId!: string;

  @Field(() => DateScalar, { nullable: true, description: 'Today when left out' })
  receivedOn?: string | null;
}
