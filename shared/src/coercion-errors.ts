import type { ApolloServerPlugin } from '@apollo/server';
import {
  coerceInputValue,
  GraphQLError,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isSpecifiedScalarType,
  Kind,
  typeFromAST,
  type DocumentNode,
  type GraphQLInputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
  type VariableDefinitionNode,
} from 'graphql';

/**
 * A variable GraphQL cannot coerce is refused before any resolver runs, and graphql-js writes the
 * refusal for people: the client's variable name, the whole value (an NHS number, a child's
 * reference) and the path as `i.concernCategories[0]`. Integrators switch on `extensions.field`, as
 * for the services' own BAD_USER_INPUT, so the refusal is rebuilt here from structure alone: the
 * variable's definition, its type in the schema and the paths graphql-js's own `coerceInputValue`
 * reports, never from the wording of its messages (which changes between releases).
 */

export interface NamedCoercionError {
  /** `input.concernCategories.0`: the argument the variable is given to, then the path inside it. */
  readonly field: string;
  readonly message: string;
}

/** The argument a variable is given to, so the field is named whatever the client called its variable. */
export function argumentPathOfVariable(document: DocumentNode | undefined, variable: string): string | null {
  if (!document) return null;
  let found: string | null = null;
  const visitValue = (value: ValueNode, path: string): void => {
    if (found) return;
    if (value.kind === Kind.VARIABLE && value.name.value === variable) found = path;
    else if (value.kind === Kind.OBJECT)
      for (const field of value.fields) visitValue(field.value, `${path}.${field.name.value}`);
    else if (value.kind === Kind.LIST) value.values.forEach((item, index) => visitValue(item, `${path}.${index}`));
  };
  const visitSelections = (selectionSet: SelectionSetNode | undefined): void => {
    for (const selection of selectionSet?.selections ?? []) {
      if (found) return;
      if (selection.kind === Kind.FIELD)
        for (const argument of selection.arguments ?? []) visitValue(argument.value, argument.name.value);
      if (selection.kind !== Kind.FRAGMENT_SPREAD) visitSelections(selection.selectionSet);
    }
  };
  for (const definition of document.definitions) {
    if (definition.kind === Kind.OPERATION_DEFINITION || definition.kind === Kind.FRAGMENT_DEFINITION)
      visitSelections(definition.selectionSet);
  }
  return found;
}

type PathSegment = string | number;

/** The input type found at `path` inside `type` (list items by index, input object fields by name). */
function typeAt(type: GraphQLInputType, path: readonly PathSegment[]): GraphQLInputType | null {
  let current: GraphQLInputType = type;
  for (const segment of path) {
    const nullable: GraphQLInputType = isNonNullType(current) ? current.ofType : current;
    if (typeof segment === 'number' && isListType(nullable)) current = nullable.ofType;
    else if (typeof segment === 'string' && isInputObjectType(nullable)) {
      const field = nullable.getFields()[segment];
      if (!field) return null;
      current = field.type;
    } else return null;
  }
  return current;
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * What is wrong at one place, said without the value. An input object is reported once per missing
 * required field (in the type's field order) and then once per unknown key (in the value's order),
 * which is the order `coerceInputValue` reports them in; `seen` counts the reports per object so far.
 */
function problemAt(
  type: GraphQLInputType,
  path: readonly PathSegment[],
  invalid: unknown,
  error: GraphQLError,
  seen: number,
): { readonly path: readonly PathSegment[]; readonly reason: string } {
  const here = typeAt(type, path);
  if (here === null) return { path, reason: 'is not accepted here' };
  if (invalid === null && isNonNullType(here)) return { path, reason: `must not be null (${String(here)})` };
  const nullable = isNonNullType(here) ? here.ofType : here;
  if (isInputObjectType(nullable)) {
    if (!isPlainObject(invalid)) return { path, reason: `must be an object of type ${nullable.name}` };
    const fields = Object.values(nullable.getFields());
    const missing = fields.filter(
      (field) => isNonNullType(field.type) && field.defaultValue === undefined && invalid[field.name] === undefined,
    );
    const unknown = Object.keys(invalid).filter((key) => !(key in nullable.getFields()));
    const problems = [
      ...missing.map((field) => ({
        path: [...path, field.name],
        reason: `is required (${String(field.type)}) and was not provided`,
      })),
      ...unknown.map((key) => ({ path: [...path, key], reason: `is not a field of ${nullable.name}` })),
    ];
    return problems[seen] ?? { path, reason: `is not a valid ${nullable.name}` };
  }
  if (isListType(nullable)) return { path, reason: `must be a list of ${String(nullable.ofType)}` };
  if (isEnumType(nullable)) return { path, reason: `must be one of the values of the ${nullable.name} enum` };
  // Our own scalars word their refusals without the value (the Date scalar: "is not a real calendar date").
  if (!isSpecifiedScalarType(nullable) && error.message) return { path, reason: error.message };
  return { path, reason: `must be a ${nullable.name}` };
}

/** Every refusal of one variable's value, in the order graphql-js reports them. */
export function coercionErrorsOfVariable(
  schema: GraphQLSchema,
  document: DocumentNode | undefined,
  definition: VariableDefinitionNode,
  variables: Readonly<Record<string, unknown>> | undefined,
): NamedCoercionError[] {
  const name = definition.variable.name.value;
  const base = argumentPathOfVariable(document, name) ?? name;
  const named = (path: readonly PathSegment[], reason: string): NamedCoercionError => {
    const field = [base, ...path].join('.');
    return { field, message: `${field}: ${reason}` };
  };
  const type = typeFromAST(schema, definition.type) as GraphQLInputType | undefined;
  if (!type) return [named([], 'is not an input type')];
  const value = variables?.[name];
  if (value === undefined)
    return isNonNullType(type) && !definition.defaultValue
      ? [named([], `is required (${String(type)}) and was not provided`)]
      : [];
  if (value === null) return isNonNullType(type) ? [named([], `must not be null (${String(type)})`)] : [];
  const errors: NamedCoercionError[] = [];
  const seenPerObject = new Map<string, number>();
  coerceInputValue(value, type, (path, invalid, error) => {
    const key = JSON.stringify(path);
    const seen = seenPerObject.get(key) ?? 0;
    seenPerObject.set(key, seen + 1);
    const problem = problemAt(type, path, invalid, error, seen);
    errors.push(named(problem.path, problem.reason));
  });
  return errors;
}

/** The variable a request error is about, when graphql-js raised it while coercing variables (or validating them). */
export function variableDefinitionOf(error: GraphQLError): VariableDefinitionNode | null {
  const [node, ...others] = error.nodes ?? [];
  return node?.kind === Kind.VARIABLE_DEFINITION && others.length === 0 ? node : null;
}

/**
 * Renames the field and drops the echoed value of every coercion error before it is formatted (or
 * logged). Each variable's errors are matched in order to the refusals rebuilt from its structure.
 */
export function renameCoercionErrors(
  errors: readonly GraphQLError[],
  schema: GraphQLSchema,
  document: DocumentNode | undefined,
  operation: OperationDefinitionNode | undefined,
  variables: Readonly<Record<string, unknown>> | undefined,
): void {
  const rebuilt = new Map<string, { readonly list: NamedCoercionError[]; next: number }>();
  for (const error of errors) {
    const definition = variableDefinitionOf(error);
    if (!definition || error.extensions['code'] !== 'BAD_USER_INPUT') continue;
    const name = definition.variable.name.value;
    let entry = rebuilt.get(name);
    if (!entry) {
      const own =
        operation?.variableDefinitions?.find((candidate) => candidate.variable.name.value === name) ?? definition;
      entry = { list: coercionErrorsOfVariable(schema, document, own, variables), next: 0 };
      rebuilt.set(name, entry);
    }
    const base = argumentPathOfVariable(document, name) ?? name;
    const named = entry.list[entry.next] ?? { field: base, message: `${base}: is not a valid value` };
    entry.next += 1;
    error.message = named.message;
    (error.extensions as Record<string, unknown>)['field'] = named.field;
    // Development answers carry the stack, whose first line is the original message.
    if (error.stack) error.stack = error.stack.replace(/^[^\n]*/, `GraphQLError: ${named.message}`);
  }
}

export function coercionErrorPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, schema, document, operation, request }) {
          // Not every error reaching here is a GraphQLError with extensions (a failed subgraph fetch under load is not).
          const graphqlErrors = errors.filter(
            (error): error is GraphQLError => error instanceof GraphQLError && error.extensions !== undefined,
          );
          renameCoercionErrors(graphqlErrors, schema, document, operation, request.variables);
        },
      };
    },
  };
}
