import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { Identifying } from '@safeguarding/shared';

/**
 * An agency held by the agencies subgraph, to which this subgraph adds the escalations it raised
 * and received. Resolvable here (the reference `{ id }` is the whole root), so this subgraph
 * does not also use the shared, non-resolvable AgencyReference: one schema, one class named Agency.
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
