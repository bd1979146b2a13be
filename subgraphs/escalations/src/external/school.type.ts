import { Directive, Field, ObjectType } from 'type-graphql';
import { Identifying } from '@safeguarding/shared';

/** A school held by the schools subgraph, to which this subgraph adds the escalations it raised and received. */
@ObjectType('School')
@Directive('@key(fields: "urn")')
export class SchoolStub {
  @Identifying()
  @Field({ description: 'Unique Reference Number from Get Information About Schools: 6 digits' })
  urn!: string;

  static of(urn: string): SchoolStub {
    return Object.assign(new SchoolStub(), { urn });
  }
}
