import { subgraphSchema } from '@safeguarding/shared';
import { subgraphs } from '@safeguarding/gateway';
import { isObjectType, type GraphQLSchema } from 'graphql';

/**
 * Issue 16 item 5: every root field declares who may reach it (`@Policy`, shared/src/auth/policy.ts),
 * enforced by the one checker before its resolver runs. Read from type-graphql's own schema, where
 * the declaration sits as an extension (the served schema is rebuilt from SDL and drops them).
 */
interface DeclaredField {
  readonly path: string;
  readonly policy: string | undefined;
}

function rootFields(subgraph: string, schema: GraphQLSchema): DeclaredField[] {
  return [schema.getQueryType(), schema.getMutationType()].flatMap((type) =>
    isObjectType(type)
      ? Object.values(type.getFields()).map((field) => ({
          path: `${subgraph}: ${type.name}.${field.name}`,
          policy: typeof field.extensions['policy'] === 'string' ? field.extensions['policy'] : undefined,
        }))
      : [],
  );
}

/**
 * Open to anyone on purpose; each carries `who: 'anyone'` with its reason in the declaration, and
 * the scoped repositories still decide what an anonymous caller sees. This list is the review point.
 */
const deliberatelyPublic: string[] = [
  'agencies: Query.agencies',
  'agencies: Query.agency',
  'agencies: Query.agencyByCode',
  'agencies: Query.frontDoorFor',
  'agencies: Query.viewer',
  'notifications: Query.deadlinePreview',
  'partnerships: Query.coverage',
  'partnerships: Query.integratedCareBoards',
  'partnerships: Query.localAuthorities',
  'partnerships: Query.localAuthority',
  'partnerships: Query.partnership',
  'partnerships: Query.partnershipFor',
  'partnerships: Query.partnerships',
  'partnerships: Query.policeForceAreas',
  'reviews: Query.childDeathAggregates',
  'reviews: Query.practiceReview',
  'reviews: Query.publishedPracticeReviews',
  'reviews: Query.reviewerPool',
  'schools: Query.school',
  'schools: Query.schoolByCode',
  'schools: Query.schools',
  'schools: Query.trust',
];

let fields: DeclaredField[] = [];
beforeAll(async () => {
  fields = (
    await Promise.all(
      subgraphs.map(async (definition) => rootFields(definition.name, (await subgraphSchema(definition)).source)),
    )
  ).flat();
});

describe('every root field declares its policy', () => {
  it('finds the root fields of every subgraph', () => {
    // A walk that found nothing would pass everything below.
    expect(fields.map((field) => field.path)).toEqual(
      expect.arrayContaining(['partnerships: Query.partnerships', 'escalations: Mutation.submitReferral']),
    );
  });

  it('declares a policy on each', () => {
    expect(fields.filter((field) => field.policy === undefined).map((field) => field.path)).toEqual([]);
  });

  it('opens to anyone only the fields listed as deliberately public', () => {
    const open = fields.filter((field) => field.policy === 'anyone').map((field) => field.path);
    expect(open.sort()).toEqual([...deliberatelyPublic].sort());
  });

  it('declares no mutation open to anyone', () => {
    expect(fields.filter((field) => field.path.includes(': Mutation.') && field.policy === 'anyone')).toEqual([]);
  });
});
