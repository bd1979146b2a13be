import type { CodegenConfig } from '@graphql-codegen/cli';

// One typed module per kind of integrator, from its own example operations: each folder names its
// first operation `Viewer`, and a client builds against its own operations only. The reference
// portal (`portal/`) is one more client of the same kind, built the same way from its own
// operations. Paths are from the repository root, where `npm run codegen` runs; the schema is the
// one clients see.
export const users = ['agency-case-system', 'mis-vendor', 'portal'] as const;

/** Where each client's operations are read from and its typed documents written to. */
export const clients: readonly { readonly operations: string; readonly generated: string }[] = [
  ...users.map((user) => ({
    operations: `examples/operations/${user}/*.graphql`,
    generated: `examples/typed-client/generated/${user}/`,
  })),
  { operations: 'portal/src/operations/*.graphql', generated: 'portal/src/generated/' },
];

const config: CodegenConfig = {
  schema: 'schema.graphql',
  ignoreNoDocuments: false,
  generates: Object.fromEntries(
    clients.map(({ operations, generated }) => [
      generated,
      {
        documents: [operations],
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
