import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { Identifying } from './auth/scopes';

/**
 * An organisation held by the agencies subgraph, as any other subgraph points at it: by id only.
 * Not resolvable here, so the gateway always fetches its fields from the agencies subgraph.
 */
@ObjectType('Agency')
@Directive('@key(fields: "id", resolvable: false)')
export class AgencyReference {
  @Identifying()
  @Field(() => ID)
  id!: string;

  static of(id: string): AgencyReference {
    const reference = new AgencyReference();
    reference.id = id;
    return reference;
  }
}
