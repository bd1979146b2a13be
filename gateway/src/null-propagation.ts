import {
  getDirectiveValues,
  getNamedType,
  getOperationAST,
  GraphQLError,
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  isAbstractType,
  isListType,
  isNonNullType,
  isObjectType,
  Kind,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLOutputType,
  type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';
import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import type { Logger } from '@safeguarding/shared';

/** A null the result held where the schema says non-null, as it was before propagation. */
export interface NullAtNonNull {
  readonly path: ReadonlyArray<string | number>;
  /** `Type.field` (with `[]` for a list item), for the operator's log: names the schema, never the data. */
  readonly position: string;
}

export interface Propagated<Data> {
  /** The data with every null at a non-null position carried up to its nearest nullable ancestor. */
  readonly data: Data | null;
  /** Each such null the walk met first in its branch (a nulled ancestor ends the walk of its other branches). */
  readonly nulls: readonly NullAtNonNull[];
}

/** A branch that must be null where null is not allowed: its nearest nullable ancestor takes it. */
const bubble = Symbol('null at a non-null position');

interface Selections {
  readonly selectionSet: SelectionSetNode;
  /** The type the selection set is written on (a field's named type, or a fragment's condition). */
  readonly parentType: GraphQLCompositeType;
}

interface CollectedField {
  readonly node: FieldNode;
  readonly definition: GraphQLField<unknown, unknown>;
  readonly parentType: GraphQLCompositeType;
}

/**
 * Null propagation as the GraphQL specification states it (Errors and Non-Null, "Handling Field
 * Errors"): a null at a non-null field or list item makes its nearest nullable parent null, up to
 * `data` itself. A federated executor that merges entity answers after the fact can leave the null
 * in place; this completes the rule over the finished result, against the operation and the API
 * schema.
 *
 * When a value's runtime type is not known (an abstract type whose `__typename` was not asked for),
 * every fragment that could apply is walked and only the response keys present are looked at: the
 * validation rule "overlapping fields can be merged" gives fields of one response key the same
 * nullability and list shape whichever fragment they come from.
 */
export function propagateNulls<Data>(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Record<string, unknown> | null | undefined,
  data: Data | null | undefined,
): Propagated<Data> {
  const nulls: NullAtNonNull[] = [];
  const operation = getOperationAST(document, operationName);
  const rootType = operation ? schema.getRootType(operation.operation) : undefined;
  if (!operation || !rootType || data === null || data === undefined || typeof data !== 'object')
    return { data: data ?? null, nulls };
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions)
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  const values = variables ?? {};

  const included = (node: FieldNode | SelectionSetNode['selections'][number]): boolean =>
    !getDirectiveValues(GraphQLSkipDirective, node, values)?.['if'] &&
    getDirectiveValues(GraphQLIncludeDirective, node, values)?.['if'] !== false;

  /** Whether a fragment on `condition` applies to a value of `runtime` (unknown: it may). */
  const applies = (condition: string | undefined, runtime: GraphQLObjectType | undefined): boolean => {
    if (!condition || !runtime) return true;
    const type = schema.getType(condition);
    if (!type) return false;
    if (isObjectType(type)) return type === runtime;
    return isAbstractType(type) && schema.isSubType(type, runtime);
  };

  const collect = (
    sets: readonly Selections[],
    runtime: GraphQLObjectType | undefined,
    into = new Map<string, CollectedField[]>(),
    seen = new Set<string>(),
  ): Map<string, CollectedField[]> => {
    for (const { selectionSet, parentType } of sets) {
      for (const selection of selectionSet.selections) {
        if (!included(selection)) continue;
        if (selection.kind === Kind.FIELD) {
          if (selection.name.value === '__typename' || selection.name.value.startsWith('__')) continue;
          const owner = runtime ?? parentType;
          if (!('getFields' in owner)) continue;
          const definition = owner.getFields()[selection.name.value];
          if (!definition) continue;
          const key = selection.alias?.value ?? selection.name.value;
          const entries = into.get(key) ?? [];
          entries.push({ node: selection, definition, parentType: owner });
          into.set(key, entries);
        } else if (selection.kind === Kind.INLINE_FRAGMENT) {
          const condition = selection.typeCondition?.name.value;
          if (!applies(condition, runtime)) continue;
          const type = condition ? schema.getType(condition) : parentType;
          if (!type || !('name' in type)) continue;
          collect(
            [{ selectionSet: selection.selectionSet, parentType: type as GraphQLCompositeType }],
            runtime,
            into,
            seen,
          );
        } else {
          const name = selection.name.value;
          const fragment = fragments.get(name);
          if (!fragment || seen.has(name)) continue;
          if (!applies(fragment.typeCondition.name.value, runtime)) continue;
          const type = schema.getType(fragment.typeCondition.name.value);
          if (!type) continue;
          seen.add(name);
          collect(
            [{ selectionSet: fragment.selectionSet, parentType: type as GraphQLCompositeType }],
            runtime,
            into,
            seen,
          );
        }
      }
    }
    return into;
  };

  /** The value's object type: the static one when it is an object type, else its `__typename` (however aliased). */
  const runtimeTypeOf = (
    value: Record<string, unknown>,
    sets: readonly Selections[],
  ): GraphQLObjectType | undefined => {
    const statics = new Set(sets.map((set) => set.parentType));
    const [only] = statics;
    if (statics.size === 1 && only && isObjectType(only)) return only;
    const keys = typenameKeys(sets, new Set());
    for (const key of keys) {
      const name = value[key];
      const type = typeof name === 'string' ? schema.getType(name) : undefined;
      if (type && isObjectType(type)) return type;
    }
    return undefined;
  };

  const typenameKeys = (sets: readonly Selections[], seen: Set<string>): string[] =>
    sets.flatMap(({ selectionSet, parentType }) =>
      selectionSet.selections.flatMap((selection): string[] => {
        if (selection.kind === Kind.FIELD)
          return selection.name.value === '__typename' ? [selection.alias?.value ?? '__typename'] : [];
        if (selection.kind === Kind.INLINE_FRAGMENT)
          return typenameKeys([{ selectionSet: selection.selectionSet, parentType }], seen);
        const fragment = fragments.get(selection.name.value);
        if (!fragment || seen.has(fragment.name.value)) return [];
        seen.add(fragment.name.value);
        return typenameKeys([{ selectionSet: fragment.selectionSet, parentType }], seen);
      }),
    );

  const completeObject = (
    value: Record<string, unknown>,
    sets: readonly Selections[],
    path: ReadonlyArray<string | number>,
  ): Record<string, unknown> | null => {
    const runtime = runtimeTypeOf(value, sets);
    const fields = collect(sets, runtime);
    let completed = value;
    for (const [key, entries] of fields) {
      // Of a known type, a field asked for and missing is a null (Hive leaves out a non-null field of
      // an entity it could not fetch); of an unknown one, a missing key is a fragment that did not apply.
      if (value[key] === undefined && !runtime) continue;
      const field = value[key] ?? null;
      const [first] = entries;
      if (!first) continue;
      const children = entries.flatMap(({ node, definition }): Selections[] =>
        node.selectionSet
          ? [{ selectionSet: node.selectionSet, parentType: getNamedType(definition.type) as GraphQLCompositeType }]
          : [],
      );
      const label = `${first.parentType.name}.${first.definition.name}`;
      const result = complete(first.definition.type, field, children, [...path, key], label);
      if (result === bubble) return null;
      if (result !== value[key]) {
        if (completed === value) completed = { ...value };
        completed[key] = result;
      }
    }
    return completed;
  };

  const complete = (
    type: GraphQLOutputType,
    value: unknown,
    children: readonly Selections[],
    path: ReadonlyArray<string | number>,
    position: string,
  ): unknown => {
    if (isNonNullType(type)) {
      const inner = complete(type.ofType, value, children, path, position);
      if (inner !== null && inner !== undefined) return inner;
      // Only where the null began: an ancestor nulled by a child's bubble is that child's, already noted.
      if (value === null || value === undefined) nulls.push({ path, position });
      return bubble;
    }
    if (value === null || value === undefined) return value;
    if (isListType(type)) {
      if (!Array.isArray(value)) return value;
      const items: readonly unknown[] = value;
      let completed: unknown[] | undefined;
      for (let index = 0; index < items.length; index += 1) {
        const item = items[index];
        const result = complete(type.ofType, item, children, [...path, index], `${position}[]`);
        if (result === bubble) return null;
        if (result !== item) {
          completed ??= [...items];
          completed[index] = result;
        }
      }
      return completed ?? items;
    }
    if (children.length === 0 || typeof value !== 'object') return value;
    return completeObject(value as Record<string, unknown>, children, path);
  };

  const completed = completeObject(
    data as Record<string, unknown>,
    [{ selectionSet: operation.selectionSet, parentType: rootType }],
    [],
  );
  return { data: completed as Data | null, nulls };
}

/** Whether an error at `errorPath` speaks for a null at `nullPath`: the same field, one inside it, or one around it. */
export function explains(
  errorPath: ReadonlyArray<string | number> | undefined,
  nullPath: ReadonlyArray<string | number>,
): boolean {
  if (!errorPath) return false;
  const shorter = Math.min(errorPath.length, nullPath.length);
  for (let index = 0; index < shorter; index += 1) if (errorPath[index] !== nullPath[index]) return false;
  return true;
}

export interface Result {
  readonly data?: unknown;
  readonly errors?: readonly GraphQLError[];
}

export interface ExecutedOperation {
  readonly schema: GraphQLSchema;
  readonly document: DocumentNode;
  readonly operationName?: string | null | undefined;
  readonly variableValues?: unknown;
}

/**
 * One result completed, or undefined when there is nothing to do: no error (so no null the rule
 * would move), no data, or nothing out of place. The errors stay as raised, paths and all; a null
 * that no error speaks for gets one, masked, at its path, and the operator's log names the schema
 * position.
 */
export function completeResult(args: ExecutedOperation, result: Result, logger: Logger): Result | undefined {
  const errors = result.errors;
  if (!errors?.length || result.data === null || result.data === undefined) return undefined;
  const { data, nulls } = propagateNulls(
    args.schema,
    args.document,
    args.operationName,
    args.variableValues as Record<string, unknown> | undefined,
    result.data,
  );
  if (data === result.data) return undefined;
  const unexplained = nulls.filter(({ path }) => !errors.some((error) => explains(error.path, path)));
  for (const { path, position } of unexplained)
    logger.error({ path: path.join('.'), position }, 'a non-null field came back null without an error');
  const added = unexplained.map(
    ({ path }) => new GraphQLError('Internal server error', { path, extensions: { code: 'INTERNAL_SERVER_ERROR' } }),
  );
  return { ...result, data, errors: [...errors, ...added] };
}

/** The gateway's side of the rule: every result completed after execution (completeResult). */
export function nullPropagationPlugin(logger: Logger): GatewayPlugin {
  const completed = (args: ExecutedOperation, result: Result) => completeResult(args, result, logger);
  return {
    onExecute() {
      return {
        onExecuteDone({ args, result, setResult }) {
          // A stream is completed payload by payload. The graph serves no subscription and no @defer
          // today; an incremental payload (no `data` of its own) would be left as sent.
          if (isAsyncIterable(result))
            return {
              onNext({ result: payload, setResult: setPayload }) {
                const next = completed(args, payload);
                if (next) setPayload(next as never);
              },
            };
          const next = completed(args, result);
          if (next) setResult(next as never);
          return undefined;
        },
      };
    },
  };
}

function isAsyncIterable(value: unknown): value is AsyncIterable<unknown> {
  return typeof value === 'object' && value !== null && Symbol.asyncIterator in value;
}
