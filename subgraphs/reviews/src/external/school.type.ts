import { Directive, Field, ObjectType } from 'type-graphql';
import { Identifying } from '@safeguarding/shared';

/** A school held by the schools subgraph, keyed by its GIAS URN; this subgraph adds its review work. */
@ObjectType('School')
@Directive('@key(fields: "urn")')
export class SchoolStub {
  @Identifying()
  @Field()
  urn!: string;

  static of(urn: string): SchoolStub {
    return Object.assign(new SchoolStub(), { urn });
  }
}
