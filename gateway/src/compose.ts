import fs from 'node:fs';
import path from 'node:path';
import { composeServices } from '@theguild/federation-composition';
import { buildASTSchema, lexicographicSortSchema, parse, printSchema } from 'graphql';
import { defaultSubgraphPorts, repositoryRoot, subgraphSchema, type SubgraphDefinition } from '@safeguarding/shared';
import { subgraphs } from './subgraphs';

export const supergraphPath = path.join(repositoryRoot, 'supergraph.graphql');
/** The contract clients build against: the API schema, without federation's join directives. */
export const apiSchemaPath = path.join(repositoryRoot, 'schema.graphql');

export class CompositionError extends Error {
  override name = 'CompositionError';
}

/** Where the gateway finds a subgraph unless told otherwise (`<NAME>_URL`). */
export function defaultSubgraphUrl(definition: SubgraphDefinition): string {
  return `http://localhost:${defaultSubgraphPorts[definition.name]}/graphql`;
}

/**
 * Composes the supergraph from the subgraphs' own schemas: no subgraph needs to run, so composition
 * errors surface at build time rather than when the gateway starts.
 */
export async function composeSupergraph(definitions: readonly SubgraphDefinition[] = subgraphs): Promise<string> {
  return (await composeGraph(definitions)).supergraph;
}

export interface ComposedGraph {
  readonly supergraph: string;
  /** The schema as a client sees it through the gateway, sorted so that a diff shows what changed. */
  readonly api: string;
}

export async function composeGraph(definitions: readonly SubgraphDefinition[] = subgraphs): Promise<ComposedGraph> {
  const services = await Promise.all(
    definitions.map(async (definition) => ({
      name: definition.name,
      url: defaultSubgraphUrl(definition),
      typeDefs: parse((await subgraphSchema(definition)).sdl),
    })),
  );
  // The Guild's composer (MIT) rather than Apollo's (Elastic License 2.0, which restricts offering
  // the software to others as a hosted service); both implement the Federation 2 composition rules.
  const result = composeServices(services);
  if (result.errors) {
    // Rover's format: the stable code, then composition's own message, unedited.
    throw new CompositionError(
      result.errors
        .map((error) => {
          const code = error.extensions['code'];
          return `error[${typeof code === 'string' ? code : 'COMPOSITION'}]: ${error.message}`;
        })
        .join('\n\n'),
    );
  }
  const api = printSchema(lexicographicSortSchema(buildASTSchema(result.publicDocumentNode)));
  return { supergraph: `${result.supergraphSdl.trimEnd()}\n`, api: `${api.trimEnd()}\n` };
}

export function readSupergraph(file = supergraphPath): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    throw new CompositionError(`cannot read the supergraph at ${file}: run \`npm run compose\``);
  }
}
