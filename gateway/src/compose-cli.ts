import 'reflect-metadata';
import fs from 'node:fs';
import { apiSchemaPath, composeGraph, CompositionError, supergraphPath } from './compose';

composeGraph().then(
  ({ supergraph, api }) => {
    fs.writeFileSync(supergraphPath, supergraph);
    fs.writeFileSync(apiSchemaPath, api);
    process.stdout.write(`supergraph written to ${supergraphPath}, API schema to ${apiSchemaPath}\n`);
  },
  (error: unknown) => {
    // Composition errors are printed verbatim: they name the subgraph, type and field at fault.
    process.stderr.write(
      error instanceof CompositionError ? `composition failed:\n${error.message}\n` : `${String(error)}\n`,
    );
    process.exit(1);
  },
);
