import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import {
  getNamedType,
  OperationTypeNode,
  GraphQLError,
  isInterfaceType,
  isObjectType,
  Kind,
  type GraphQLNamedType,
  type GraphQLSchema,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValidationRule,
  type ValueNode,
} from 'graphql';

/**
 * Limits and error text that need the variables or the whole document, kept free of the server
 * framework (plain functions over graphql-js ASTs) so they carry over to another gateway; the
 * Apollo plugins at the end only wire them in.
 */

export interface CostModel {
  readonly objectCost: number;
  readonly scalarCost: number;
  readonly depthCostFactor: number;
}

export const defaultCostModel: CostModel = { objectCost: 2, scalarCost: 1, depthCostFactor: 1.5 };

/** The page-size arguments of a list (connections' `first`/`last`, and any `limit`/`take` of the same kind). */
const pageSizeArguments = new Set(['first', 'last']);

/**
 * The cost of one operation: each field costs one, each object two plus its children (deeper ones
 * dearer), and a field asked for `first: n` (or `last: n`) costs its selection n times — a literal,
 * a variable's value, the variable's default, or (given the schema) the argument's own default when
 * the caller leaves it out, since that is how many the server then answers. Fragments count as what they expand to; a fragment
 * cycle is refused by validation already, so a spread seen again on the same path counts nothing.
 */
export function operationCost(
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Record<string, unknown> | null | undefined,
  model: CostModel = defaultCostModel,
  schema?: GraphQLSchema,
): number {
  const operations = document.definitions.filter(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  );
  const operation = operationName
    ? operations.find((o) => o.name?.value === operationName)
    : operations.length === 1
      ? operations[0]
      : undefined;
  if (!operation) return 0;
  const fragments = new Map(
    document.definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((f) => [f.name.value, f]),
  );
  const defaults = new Map<string, ValueNode>();
  for (const definition of operation.variableDefinitions ?? []) {
    if (definition.defaultValue) defaults.set(definition.variable.name.value, definition.defaultValue);
  }
  const intOf = (value: ValueNode): number | null => {
    if (value.kind === Kind.INT) return Number.parseInt(value.value, 10);
    if (value.kind === Kind.VARIABLE) {
      const given = variables?.[value.name.value];
      if (typeof given === 'number' && Number.isFinite(given)) return Math.trunc(given);
      const fallback = defaults.get(value.name.value);
      return fallback ? intOf(fallback) : null;
    }
    return null;
  };
  const fieldOf = (parent: GraphQLNamedType | undefined, name: string) =>
    parent && (isObjectType(parent) || isInterfaceType(parent)) ? parent.getFields()[name] : undefined;
  const multiplierOf = (field: FieldNode, parent: GraphQLNamedType | undefined): number => {
    let multiplier = 1;
    const given = new Set<string>();
    for (const argument of field.arguments ?? []) {
      if (!pageSizeArguments.has(argument.name.value)) continue;
      given.add(argument.name.value);
      const n = intOf(argument.value);
      if (n !== null && n > multiplier) multiplier = n;
    }
    for (const argument of fieldOf(parent, field.name.value)?.args ?? []) {
      if (!pageSizeArguments.has(argument.name) || given.has(argument.name)) continue;
      const fallback = argument.defaultValue;
      if (typeof fallback === 'number' && fallback > multiplier) multiplier = fallback;
    }
    return multiplier;
  };
  const typeNamed = (name: string | undefined, fallback: GraphQLNamedType | undefined) =>
    name && schema ? (schema.getType(name) ?? undefined) : fallback;
  const selectionCost = (
    selectionSet: SelectionSetNode,
    seen: ReadonlySet<string>,
    parent: GraphQLNamedType | undefined,
  ): number => {
    let total = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        // Introspection is refused outright in production; elsewhere it is the developer's own.
        if (selection.name.value === '__schema' || selection.name.value === '__type') continue;
        if (!selection.selectionSet) {
          total += model.scalarCost;
        } else {
          const definition = fieldOf(parent, selection.name.value);
          const children = selectionCost(
            selection.selectionSet,
            seen,
            definition ? getNamedType(definition.type) : undefined,
          );
          total += (model.objectCost + model.depthCostFactor * children) * multiplierOf(selection, parent);
        }
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        total += selectionCost(selection.selectionSet, seen, typeNamed(selection.typeCondition?.name.value, parent));
      } else {
        const name = selection.name.value;
        const fragment = fragments.get(name);
        if (!fragment || seen.has(name)) continue;
        total += selectionCost(
          fragment.selectionSet,
          new Set([...seen, name]),
          typeNamed(fragment.typeCondition.name.value, parent),
        );
      }
    }
    return total;
  };
  const root = schema
    ? ((operation.operation === OperationTypeNode.QUERY
        ? schema.getQueryType()
        : operation.operation === OperationTypeNode.MUTATION
          ? schema.getMutationType()
          : schema.getSubscriptionType()) ?? undefined)
    : undefined;
  return selectionCost(operation.selectionSet, new Set(), root);
}

/**
 * The same field asked for over and over under one name (`__typename` five hundred times) costs a
 * resolution each yet adds nothing to the answer: more than `max` of one response key in a
 * selection set is refused. Different arguments need aliases, which the alias limit counts.
 */
export function fieldRepetitionRule(max: number): ValidationRule {
  return (context) => ({
    SelectionSet(node) {
      const counts = new Map<string, number>();
      for (const selection of node.selections) {
        if (selection.kind !== Kind.FIELD) continue;
        const key = selection.alias?.value ?? selection.name.value;
        const count = (counts.get(key) ?? 0) + 1;
        counts.set(key, count);
        if (count === max + 1) {
          context.reportError(
            new GraphQLError(`Field "${key}" is asked for more than ${max} times in one selection`, {
              nodes: [selection],
              extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
            }),
          );
        }
      }
    },
  });
}

/** Refuses an operation dearer than `maxCost`, with its variables known (HTTP 400). */
export function costLimitPlugin(
  maxCost: number,
  model: CostModel = defaultCostModel,
  /** Requests whose operation was costed already, upstream (a subgraph's, vouched for by the gateway). */
  costedUpstream: (context: BaseContext) => boolean = () => false,
): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operationName, request, schema, operation, contextValue }) {
          // Apollo lets a request without a resolvable operation reach execution, where the gateway fails with a 500.
          if (!operation) {
            throw new GraphQLError(
              request.operationName
                ? 'The document has no operation of the name given in operationName'
                : 'The document has several operations: say which in operationName',
              { extensions: { code: 'OPERATION_RESOLUTION_FAILURE', http: { status: 400 } } },
            );
          }
          // The gateway costed the client's whole operation with its variables; this is one part of it.
          if (costedUpstream(contextValue)) return;
          const cost = operationCost(document, operationName, request.variables, model, schema);
          if (cost > maxCost) {
            throw new GraphQLError(`Query Cost limit of ${maxCost} exceeded, found ${Math.ceil(cost)}.`, {
              extensions: { code: 'GRAPHQL_VALIDATION_FAILED', http: { status: 400 } },
            });
          }
        },
      };
    },
  };
}

const validationAborted = 'Too many validation errors, error limit reached. Validation aborted.';

// Refusals about the request itself, decided before anything ran.
const callerMistakes = new Set([
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'BAD_REQUEST',
]);

/**
 * Apollo answers an operationName the document lacks with HTTP 500, and an unknown persisted-query
 * hash with 200; both are the caller's mistake: 400, the code telling which (APQ clients switch on
 * PERSISTED_QUERY_NOT_FOUND, not on the status, and resend with the document).
 */
export function callerMistakeStatusPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          const body = response.body;
          if (body.kind !== 'single' || 'data' in body.singleResult || !body.singleResult.errors?.length) return;
          // Validation stops at its first error; graphql-js's line saying so adds nothing for the caller.
          if (body.singleResult.errors.length > 1) {
            body.singleResult.errors = body.singleResult.errors.filter((error) => error.message !== validationAborted);
          }
          const codes = body.singleResult.errors.map((error) => error.extensions?.['code']);
          if (codes.every((code) => typeof code === 'string' && callerMistakes.has(code))) response.http.status = 400;
        },
      };
    },
  };
}
