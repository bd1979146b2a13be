import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

const pattern = /^\d{4}-\d{2}-\d{2}$/;

function parseDate(value: unknown): string {
  if (typeof value !== 'string' || !pattern.test(value)) {
    throw new GraphQLError('must be a date written YYYY-MM-DD');
  }
  const parsed = new Date(`${value}T00:00:00Z`);
  if (Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== value) {
    // The value is not repeated: a date of birth is personal data, and the caller has it already.
    throw new GraphQLError('must be a real calendar date');
  }
  return value;
}

/**
 * A calendar date with no time zone. Statutory clocks count days in England, so a date must
 * never shift by a time zone on its way through a client's JSON library.
 */
export const DateScalar = new GraphQLScalarType({
  name: 'Date',
  description: 'A calendar date, YYYY-MM-DD, with no time of day or time zone',
  serialize: (value) => (value instanceof Date ? value.toISOString().slice(0, 10) : parseDate(value)),
  parseValue: parseDate,
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) throw new GraphQLError('must be a date written YYYY-MM-DD');
    return parseDate(ast.value);
  },
});
