import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** An organisation held by the agencies subgraph; this subgraph only knows its id. */
@ObjectType('Agency')
@Directive('@key(fields: "id", resolvable: false)')
export class AgencyReference {
  @Field(() => ID)
  id!: string;

  static of(id: string): AgencyReference {
    const reference = new AgencyReference();
    reference.id = id;
    return reference;
  }
}
