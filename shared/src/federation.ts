import { buildSubgraphSchema, type GraphQLResolverMap } from '@apollo/subgraph';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { parse, type GraphQLSchema } from 'graphql';
import { buildSchema, createResolversMap, type BuildSchemaOptions } from 'type-graphql';

export const federationVersion = 'v2.9';

const federationLink =
  `extend schema @link(url: "https://specs.apollo.dev/federation/${federationVersion}", ` +
  'import: ["@key", "@shareable", "@external", "@requires", "@provides", "@inaccessible", "@tag"])';

/** `__resolveReference` per entity type name: how another subgraph's reference becomes a row. */
export type ReferenceResolvers<TContext> = Record<
  string,
  { __resolveReference: (reference: Record<string, unknown>, context: TContext) => unknown }
>;

export interface FederatedSchema {
  readonly schema: GraphQLSchema;
  /** The subgraph's SDL with its federation header, as composition reads it. */
  readonly sdl: string;
  /** type-graphql's own schema, before the rebuild from SDL: the only one that keeps field extensions. */
  readonly source: GraphQLSchema;
}

/**
 * type-graphql knows nothing of federation, so its schema is printed with the directives the
 * classes declare, given the federation header, and rebuilt by @apollo/subgraph, which adds
 * `_entities` and `_service`. Reference resolvers must sit in the resolver map for that.
 */
export async function buildFederatedSchema<TContext>(
  options: Omit<BuildSchemaOptions, 'skipCheck'>,
  references: ReferenceResolvers<TContext>,
): Promise<FederatedSchema> {
  const typeGraphqlSchema = await buildSchema({ ...options, skipCheck: true });
  const sdl = `${federationLink}\n\n${printSchemaWithDirectives(typeGraphqlSchema)}`;
  const resolvers = createResolversMap(typeGraphqlSchema) as GraphQLResolverMap<unknown>;
  for (const [typeName, reference] of Object.entries(references)) {
    const existing = resolvers[typeName];
    if (existing === undefined)
      throw new Error(`reference resolver for ${typeName}, which this subgraph does not define`);
    resolvers[typeName] = { ...(existing as object), ...reference };
  }
  const schema = buildSubgraphSchema([{ typeDefs: parse(sdl), resolvers }]);
  return { schema, sdl, source: typeGraphqlSchema };
}
