import fs from 'node:fs';
import { Kind, parse, print, type DirectiveNode, type ObjectTypeDefinitionNode, type TypeNode } from 'graphql';
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
    const partnership = composed.slice(
      composed.indexOf('type Partnership'),
      composed.indexOf('}', composed.indexOf('type Partnership')),
    );
    for (const name of subgraphNames)
      expect(partnership).toContain(`@join__type(graph: ${name.toUpperCase()}, key: "id")`);
  });
});

/** The graph each directive of `name` on a node names, with its other arguments printed. */
function joins(directives: readonly DirectiveNode[] | undefined, name: string): Array<Record<string, string>> {
  return (directives ?? [])
    .filter((directive) => directive.name.value === name)
    .map((directive) =>
      Object.fromEntries((directive.arguments ?? []).map((argument) => [argument.name.value, print(argument.value)])),
    );
}

function namedType(type: TypeNode): string {
  return type.kind === Kind.NAMED_TYPE ? type.name.value : namedType(type.type);
}

interface CrossingField {
  coordinate: string;
  graph: string;
  nonNull: boolean;
}

/**
 * Read from the committed supergraph: every field a subgraph adds to an entity another subgraph owns,
 * and every field through which a subgraph returns an entity another subgraph owns. The owner is the
 * graph whose root fields look the entity up. The planner reaches such a field's data through a fetch
 * from another subgraph, so when that subgraph is down the field is null, and were it non-null GraphQL
 * would null its parent too (GraphQL spec §6.4.4), costing the data of subgraphs that are up.
 */
function crossingFields(supergraph: string): { contributed: CrossingField[]; references: CrossingField[] } {
  const objects = parse(supergraph).definitions.filter(
    (definition): definition is ObjectTypeDefinitionNode => definition.kind === Kind.OBJECT_TYPE_DEFINITION,
  );
  const query = objects.find((definition) => definition.name.value === 'Query')!;
  const lookedUpBy = new Map<string, Set<string>>();
  for (const field of query.fields ?? []) {
    for (const join of joins(field.directives, 'join__field')) {
      const type = namedType(field.type);
      lookedUpBy.set(type, new Set([...(lookedUpBy.get(type) ?? []), join.graph!]));
    }
  }
  const owners = new Map<string, Set<string>>();
  for (const type of objects) {
    const keyed = joins(type.directives, 'join__type').filter((join) => join.key !== undefined);
    if (keyed.length < 2) continue;
    const resolvable = keyed.filter((join) => join.resolvable !== 'false').map((join) => join.graph!);
    const owner = lookedUpBy.get(type.name.value) ?? new Set(resolvable.length === 1 ? resolvable : []);
    if (owner.size !== 1) throw new Error(`cannot tell which subgraph owns ${type.name.value}`);
    owners.set(type.name.value, owner);
  }
  const contributed: CrossingField[] = [];
  const references: CrossingField[] = [];
  for (const type of objects) {
    if (type.name.value === 'Query' || type.name.value === 'Mutation') continue;
    const typeGraphs = joins(type.directives, 'join__type').map((join) => join.graph!);
    for (const field of type.fields ?? []) {
      const joined = joins(field.directives, 'join__field')
        .filter((join) => join.external !== 'true')
        .map((join) => join.graph!);
      const graphs = joined.length > 0 ? joined : typeGraphs;
      const found = {
        coordinate: `${type.name.value}.${field.name.value}`,
        graph: graphs.join(','),
        nonNull: field.type.kind === Kind.NON_NULL_TYPE,
      };
      const parentOwner = owners.get(type.name.value);
      if (parentOwner && joined.length > 0 && !joined.some((graph) => parentOwner.has(graph))) contributed.push(found);
      const returnedOwner = owners.get(namedType(field.type));
      if (returnedOwner && !graphs.some((graph) => returnedOwner.has(graph))) references.push(found);
    }
  }
  return { contributed, references };
}

describe('fields that cross into another subgraph', () => {
  const { contributed, references } = crossingFields(fs.readFileSync(supergraphPath, 'utf8'));

  it("are found in the supergraph: fields added to another subgraph's entity, from every contributing subgraph", () => {
    const coordinates = contributed.map((field) => field.coordinate);
    expect(coordinates).toEqual(
      expect.arrayContaining([
        'Partnership.practiceReviews',
        'Partnership.whatIsDue',
        'Agency.referralsMade',
        'School.recommendations',
        'Partnership.section11Overview',
      ]),
    );
    expect(new Set(contributed.map((field) => field.graph))).toEqual(
      new Set(['AGENCIES', 'ESCALATIONS', 'NOTIFICATIONS', 'REVIEWS', 'SCHOOLS']),
    );
    // The owner's own fields are not among them.
    expect(coordinates).not.toContain('Partnership.name');
    expect(coordinates).not.toContain('Agency.name');
  });

  it("are found in the supergraph: references to another subgraph's entity", () => {
    const coordinates = references.map((field) => field.coordinate);
    expect(coordinates).toEqual(
      expect.arrayContaining([
        'School.localAuthority',
        'StatutoryPartner.organisation',
        'PracticeReview.partnership',
        'Viewer.partnerships',
      ]),
    );
    // A subgraph returning its own entity is not crossing.
    expect(coordinates).not.toContain('YearlyReport.partnership');
  });

  it('are all nullable, so one subgraph down costs only its own fields', () => {
    const nonNull = [...contributed, ...references]
      .filter((field) => field.nonNull)
      .map((field) => `${field.coordinate} (${field.graph})`);
    expect(nonNull).toEqual([]);
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

  it("is reported with composition's own words, naming the type and field at fault", async () => {
    const failure = composeSupergraph([partnershipsSubgraph, conflicting]);
    await expect(failure).rejects.toBeInstanceOf(CompositionError);
    await expect(failure).rejects.toThrow(/Partnership\.name/);
    await expect(failure).rejects.toThrow(/INVALID_FIELD_SHARING|FIELD_TYPE_MISMATCH/);
  });
});
