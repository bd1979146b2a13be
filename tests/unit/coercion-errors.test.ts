import { buildSchema, parse, type OperationDefinitionNode } from 'graphql';
import { coercionErrorsOfVariable, DateScalar } from '@safeguarding/shared';
import { at, present } from '../support/narrow';

const schema = buildSchema(`
  scalar Date
  enum Kind { LOCAL NATIONAL }
  input Part { kind: Kind! on: Date tags: [String!] }
  input Whole { name: String! parts: [Part!]! note: String }
  type Query { ok: Boolean }
  type Mutation { record(input: Whole!): Boolean }
`);
Object.assign(present(schema.getType('Date'), 'the Date scalar'), { parseValue: DateScalar.parseValue });

const document = parse('mutation ($w: Whole!) { record(input: $w) }');
const operation = document.definitions[0] as OperationDefinitionNode;
const refusals = (value: unknown) =>
  coercionErrorsOfVariable(schema, document, at(operation.variableDefinitions, 0), { w: value });

describe('coercion refusals rebuilt from the schema, never from graphql-js wording', () => {
  it('names each place under the argument, in the order graphql-js reports them, without the values', () => {
    const errors = refusals({
      name: 'Secret Person',
      parts: [{ kind: 'REGIONAL', on: '2026-02-30' }, { tags: [7] }],
      extra: 'Secret',
    });
    expect(errors).toEqual([
      { field: 'input.parts.0.kind', message: 'input.parts.0.kind: must be one of the values of the Kind enum' },
      { field: 'input.parts.0.on', message: 'input.parts.0.on: must be a real calendar date' },
      { field: 'input.parts.1.kind', message: 'input.parts.1.kind: is required (Kind!) and was not provided' },
      { field: 'input.parts.1.tags.0', message: 'input.parts.1.tags.0: must be a String' },
      { field: 'input.extra', message: 'input.extra: is not a field of Whole' },
    ]);
    expect(JSON.stringify(errors)).not.toMatch(/Secret|REGIONAL|2026-02-30/);
  });

  it('names a missing or null variable by its argument', () => {
    expect(refusals(undefined)).toEqual([
      { field: 'input', message: 'input: is required (Whole!) and was not provided' },
    ]);
    expect(refusals(null)).toEqual([{ field: 'input', message: 'input: must not be null (Whole!)' }]);
    expect(refusals('a string')).toEqual([{ field: 'input', message: 'input: must be an object of type Whole' }]);
    expect(refusals({ name: 'x', parts: [null] })).toEqual([
      { field: 'input.parts.0', message: 'input.parts.0: must not be null (Part!)' },
    ]);
  });

  it('accepts a good value', () => {
    expect(refusals({ name: 'x', parts: [{ kind: 'LOCAL', on: '2026-02-28', tags: ['a'] }] })).toEqual([]);
  });
});
