import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { Identifying } from '@safeguarding/shared';

/**
 * An organisation held by the agencies subgraph. Resolvable here because this subgraph adds the
 * recommendations and review actions it owns; `{ id }` is the whole root those fields need. The
 * shared non-resolvable AgencyReference is not used in this subgraph: two classes named Agency
 * cannot live in one schema.
 */
@ObjectType('Agency')
@Directive('@key(fields: "id")')
export class AgencyStub {
  @Identifying()
  @Field(() => ID)
  id!: string;

  static of(id: string): AgencyStub {
    return Object.assign(new AgencyStub(), { id });
  }
}
