import fs from 'node:fs';
import path from 'node:path';
import { buildSchema, parse, validate, type GraphQLSchema } from 'graphql';
import { apiSchemaPath, composeGraph } from '@safeguarding/gateway';
import { repositoryRoot } from '@safeguarding/shared';

// Issue 15: the contract integrators build against, and the example operations of each kind of user.
const examplesRoot = path.join(repositoryRoot, 'examples', 'operations');
const users = ['agency-case-system', 'mis-vendor', 'portal'] as const;

let committed: string;
let schema: GraphQLSchema;
beforeAll(() => {
  committed = fs.readFileSync(apiSchemaPath, 'utf8');
  schema = buildSchema(committed);
});

describe('schema.graphql', () => {
  it('matches the composed API schema (run `npm run compose` when this fails)', async () => {
    const { api } = await composeGraph();
    expect(committed).toBe(api);
  });

  it('carries no federation machinery a client cannot use', () => {
    expect(committed).not.toMatch(/@join__|join__Graph|link__|@link|_entities|_service|_Any\b/);
    expect(schema.getQueryType()?.getFields()['viewer']).toBeDefined();
  });

  it('cites the law and guidance, never our own files or their section numbers', () => {
    expect(committed).not.toMatch(/DOMAIN\.md|README|NOTES-|\.md\b|\.ts\b|§\s*\d/);
  });
});

describe.each(users)('example operations of the %s', (user) => {
  const directory = path.join(examplesRoot, user);
  const files = fs.readdirSync(directory).filter((file) => file.endsWith('.graphql'));

  it('exist, starting with Viewer', () => {
    expect(files).toContain('Viewer.graphql');
  });

  it.each(files)('%s is valid against schema.graphql and names its operation', (file) => {
    const document = parse(fs.readFileSync(path.join(directory, file), 'utf8'));
    expect(validate(schema, document).map((error) => error.message)).toEqual([]);
    const names = document.definitions.flatMap((definition) =>
      definition.kind === 'OperationDefinition' ? [definition.name?.value] : [],
    );
    expect(names).toEqual([file.replace(/\.graphql$/, '')]);
  });
});
