import { Directive, Field, ID, ObjectType } from 'type-graphql';

/**
 * A partnership held by the partnerships subgraph. Resolvable here because this subgraph adds
 * `practiceReviews` to it; the reference `{ id }` is all the root those fields need.
 */
@ObjectType('Partnership')
@Directive('@key(fields: "id")')
export class PartnershipReference {
  @Field(() => ID)
  id!: string;

  static of(id: string): PartnershipReference {
    const reference = new PartnershipReference();
    reference.id = id;
    return reference;
  }
}
