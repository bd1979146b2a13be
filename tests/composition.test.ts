import fs from 'node:fs';
import { Directive, Field, ID, Int, ObjectType, Query, Resolver } from 'type-graphql';
import { composeSupergraph, CompositionError, supergraphPath } from '@safeguarding/gateway';
import { partnershipsSubgraph } from '@safeguarding/partnerships';
import { subgraphNames, type SubgraphDefinition } from '@safeguarding/shared';

describe('static composition', () => {
  let composed: string;
  beforeAll(async () => {
    composed = await composeSupergraph();
  });

  it('composes the six subgraphs without running any of them', () => {
    for (const name of subgraphNames) {
      expect(composed).toContain(`@join__graph(name: "${name}", url: "http://localhost:`);
    }
  });

  it('matches the committed supergraph.graphql (run `npm run compose` when this fails)', () => {
    expect(fs.readFileSync(supergraphPath, 'utf8')).toBe(composed);
  });

  it('joins the shared entities across the subgraphs that contribute to them', () => {
    const partnership = composed.slice(composed.indexOf('type Partnership'), composed.indexOf('}', composed.indexOf('type Partnership')));
    for (const name of subgraphNames) expect(partnership).toContain(`@join__type(graph: ${name.toUpperCase()}, key: "id")`);
  });
});

describe('a composition error', () => {
  // A subgraph that disagrees with partnerships about the type of Partnership.name.
  @ObjectType('Partnership')
  @Directive('@key(fields: "id")')
  class ConflictingPartnership {
    @Field(() => ID)
    id!: string;

    @Field(() => Int)
    name!: number;
  }

  @Resolver()
  class ConflictingResolver {
    @Query(() => ConflictingPartnership, { nullable: true })
    conflictingPartnership(): ConflictingPartnership | null {
      return null;
    }
  }

  const conflicting: SubgraphDefinition = {
    name: 'reviews',
    entities: [],
    migrations: { mysql: [], sqlite: [] },
    resolvers: [ConflictingResolver],
    references: {},
    partnershipType: ConflictingPartnership as unknown as SubgraphDefinition['partnershipType'],
  };

  it('is reported with composition\'s own words, naming the type and field at fault', async () => {
    const failure = composeSupergraph([partnershipsSubgraph, conflicting]);
    await expect(failure).rejects.toBeInstanceOf(CompositionError);
    await expect(failure).rejects.toThrow(/Partnership\.name/);
    await expect(failure).rejects.toThrow(/INVALID_FIELD_SHARING|FIELD_TYPE_MISMATCH/);
  });
});
