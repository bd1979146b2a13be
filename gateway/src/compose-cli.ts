import 'reflect-metadata';
import fs from 'node:fs';
import { composeSupergraph, CompositionError, supergraphPath } from './compose';

composeSupergraph().then(
  (supergraph) => {
    fs.writeFileSync(supergraphPath, supergraph);
    process.stdout.write(`supergraph written to ${supergraphPath}\n`);
  },
  (error: unknown) => {
    // Composition errors are printed verbatim: they name the subgraph, type and field at fault.
    process.stderr.write(error instanceof CompositionError ? `composition failed:\n${error.message}\n` : `${String(error)}\n`);
    process.exit(1);
  },
);
