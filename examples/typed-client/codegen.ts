import type { CodegenConfig } from '@graphql-codegen/cli';

// One typed module per kind of integrator, from its own example operations: each folder names its
// first operation `Viewer`, and a client builds against its own operations only. Paths are from
// the repository root, where `npm run codegen` runs; the schema is the one clients see.
export const users = ['agency-case-system', 'mis-vendor', 'portal'] as const;

const config: CodegenConfig = {
  schema: 'schema.graphql',
  ignoreNoDocuments: false,
  generates: Object.fromEntries(
    users.map((user) => [
      `examples/typed-client/generated/${user}/`,
      {
        documents: [`examples/operations/${user}/*.graphql`],
        preset: 'client',
        // The operations are imported by name; no fragments to mask.
        presetConfig: { fragmentMasking: false },
        config: {
          // An unknown custom scalar is `unknown` until a client says what it is, never `any`.
          defaultScalarType: 'unknown',
          scalars: { ID: 'string', Date: 'string' },
          enumsAsTypes: true,
          useTypeImports: true,
        },
      },
    ]),
  ),
};

export default config;
