import { Directive, Field, ID, ObjectType } from 'type-graphql';

/**
 * A partnership held by the partnerships subgraph. This subgraph adds its escalation policy and
 * its disagreements; the reference `{ id }` is the whole root, so no lookup is needed.
 */
@ObjectType('Partnership')
@Directive('@key(fields: "id")')
export class PartnershipReference {
  @Field(() => ID)
  id!: string;
}
