import { Field, InputType } from 'type-graphql';

@InputType({ description: 'A school and the system (OAuth client id) it allows, or no longer allows, to act for it' })
export class SchoolDelegationInput {
  @Field({ description: 'The school: its URN (6 digits)' })
  urn!: string;

  @Field({ description: "The system's OAuth 2.0 client id, as its supplier was given it by the identity provider" })
  clientId!: string;
}
