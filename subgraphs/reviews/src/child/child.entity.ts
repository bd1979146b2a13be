import { Directive, Field, ID, ObjectType } from 'type-graphql';

/**
 * A child as the reviews subgraph knows them: through the review of the child's death. The key is the graph's sealed key (see shared/src/child); this subgraph never learns an
 * NHS number from it.
 */
@ObjectType('Child', { description: 'A child, by the graph-wide key that names no one' })
@Directive('@key(fields: "key")')
export class Child {
  @Field(() => ID)
  key!: string;

  static of(key: string): Child {
    return Object.assign(new Child(), { key });
  }
}
