import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** A partnership held by the partnerships subgraph; resolvable here because this service adds `whatIsDue` to it. */
@ObjectType('Partnership')
@Directive('@key(fields: "id")')
export class PartnershipReference {
  @Field(() => ID)
  id!: string;

  static of(id: string): PartnershipReference {
    return Object.assign(new PartnershipReference(), { id });
  }
}
