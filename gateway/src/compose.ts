import fs from 'node:fs';
import path from 'node:path';
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { defaultSubgraphPorts, repositoryRoot, subgraphSchema, type SubgraphDefinition } from '@safeguarding/shared';
import { subgraphs } from './subgraphs';

export const supergraphPath = path.join(repositoryRoot, 'supergraph.graphql');

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
  const services = await Promise.all(
    definitions.map(async (definition) => ({
      name: definition.name,
      url: defaultSubgraphUrl(definition),
      typeDefs: parse((await subgraphSchema(definition)).sdl),
    })),
  );
  const result = composeServices(services);
  if (result.errors) {
    // Rover's format: the stable code, then composition's own message, unedited.
    throw new CompositionError(
      result.errors.map((error) => `error[${String(error.extensions['code'] ?? 'COMPOSITION')}]: ${error.message}`).join('\n\n'),
    );
  }
  return `${result.supergraphSdl.trimEnd()}\n`;
}

export function readSupergraph(file = supergraphPath): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    throw new CompositionError(`cannot read the supergraph at ${file}: run \`npm run compose\``);
  }
}
