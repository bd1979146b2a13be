import { Directive, Field, ID, ObjectType } from 'type-graphql';

/**
 * A partnership held by the partnerships subgraph. This subgraph adds the schools it has
 * designated as relevant agencies; the reference `{ id }` itself is the root of those fields.
 */
@ObjectType('Partnership')
@Directive('@key(fields: "id")')
export class PartnershipReference {
  @Field(() => ID)
  id!: string;

  static of(id: string): PartnershipReference {
    return Object.assign(new PartnershipReference(), { id });
  }
}
