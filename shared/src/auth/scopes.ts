import {
  defaultFieldResolver,
  isObjectType,
  type GraphQLFieldResolver,
  type GraphQLObjectType,
  type GraphQLResolveInfo,
  type GraphQLSchema,
} from 'graphql';
import { Extensions } from 'type-graphql';
import type { SubgraphContext } from '../context';
import type { Identity } from '../identity';
import { ForbiddenError } from '../errors';

/**
 * What a system (an OAuth 2.0 client-credentials token) may use, as the identity provider granted
 * it in the token's `scope` claim. A scope narrows, never widens: the system's roles and the
 * record's owner are checked after it, exactly as for a person.
 */
export const systemScopes = [
  'read',
  'partnerships:write',
  'agencies:write',
  'schools:write',
  'reviews:write',
  'escalations:write',
  'referrals:write',
  'notifications:write',
] as const;
export type SystemScope = (typeof systemScopes)[number];

const referralMutations = new Set(['submitReferral', 'acknowledgeReferral', 'decideReferral']);

/**
 * The scope a mutation needs: its subgraph's `<name>:write`, and `referrals:write` for referrals
 * (a case system may refer without managing disagreements). Derived, so a new mutation is covered.
 */
export function mutationScope(subgraph: string, fieldName: string): SystemScope {
  if (subgraph === 'escalations' && referralMutations.has(fieldName)) return 'referrals:write';
  return `${subgraph}:write` as SystemScope;
}

/** Root queries a system may ask without `read`: who it is. */
const openQueries = new Set(['viewer']);

/** The scopes a root field needs, or null when it needs none. */
export function requiredScope(
  subgraph: string,
  operation: 'query' | 'mutation',
  fieldName: string,
): SystemScope | null {
  if (operation === 'mutation') return mutationScope(subgraph, fieldName);
  return openQueries.has(fieldName) ? null : 'read';
}

/**
 * `viewer` stays answerable without `read`, entities and all: a system must always be able to learn
 * who it is, and that includes which organisation it acts for (its id, kind, name and register
 * codes) and the delegations it holds. Nothing beyond: its organisation's records (referrals,
 * contacts, leads, …) and its partnerships' data are reads like any other, so they need `read`.
 */
const ownOrganisationTypes = new Set(['Agency', 'School']);

/**
 * Marks a field of an organisation (`Agency`, `School`) as one that identifies it, which a system
 * without `read` may see on its own organisation. The mark is the list: a new register code is one
 * decorator beside its `@Field`, read from the schema when the subgraph starts.
 */
export const Identifying = (): MethodDecorator & PropertyDecorator => Extensions({ identifying: true });

/** The fields each organisation type marks `@Identifying()` in one subgraph's type-graphql schema. */
export function identifyingFieldsOf(schema: GraphQLSchema): Map<string, Set<string>> {
  const marked = new Map<string, Set<string>>();
  for (const typeName of ownOrganisationTypes) {
    const type = schema.getType(typeName);
    if (!isObjectType(type)) continue;
    const fields = Object.values(type.getFields())
      .filter((field) => field.extensions['identifying'] === true)
      .map((field) => field.name);
    marked.set(typeName, new Set(fields));
  }
  return marked;
}

/**
 * What `guardScopes` lets through on an own organisation, filled once the schema is built.
 * @apollo/subgraph rebuilds the schema from SDL, which drops extensions, so the marks are read from
 * type-graphql's schema, not the served one.
 */
export class IdentifyingFields {
  private marked = new Map<string, Set<string>>();

  read(schema: GraphQLSchema): void {
    this.marked = identifyingFieldsOf(schema);
  }

  has(typeName: string, fieldName: string): boolean {
    return this.marked.get(typeName)?.has(fieldName) ?? false;
  }
}

/** A system caller lacking `read`, or null (a person, or a system that may read). */
function withoutRead(context: SubgraphContext): Identity | null {
  const identity = context.scope.identity;
  return identity?.client && !identity.client.scopes.includes('read') ? identity : null;
}

const readRefusal = (what: string) =>
  new ForbiddenError(`This system's token lacks the scope read, which ${what} needs`);

/** Whether a system without `read` may have this entity fetched: the caller itself, or its own organisation. */
function openRepresentation(identity: Identity, representation: Record<string, unknown>): boolean {
  switch (representation['__typename']) {
    // The schools subgraph resolves only the caller's own subject (viewerReference).
    case 'Viewer':
      return true;
    case 'Agency':
      return representation['id'] === identity.organisation.id;
    case 'School':
      return representation['urn'] === identity.organisation.id;
    default:
      return false;
  }
}

/**
 * Refuses a system without `read` a field that leads beyond who it is, in the field's own place:
 * refused entity by entity in another subgraph, a list would answer its length in nulls.
 */
export function requireRead(context: SubgraphContext, what: string): void {
  if (lacksRead(context)) throw readRefusal(what);
}

/** Whether the caller is a system whose token lacks `read`. */
export function lacksRead(context: SubgraphContext): boolean {
  return withoutRead(context) !== null;
}

/**
 * Keeps a system without `read` to its own organisation's identity, however reached
 * (`viewer.organisation` here, or `_entities` from another subgraph); people (no client) pass
 * straight through to the role checks.
 */
function checkScope(identifying: IdentifyingFields, context: SubgraphContext, info: GraphQLResolveInfo): void {
  const client = context.scope.identity?.client;
  if (!client || info.path.prev === undefined) return;
  if (
    ownOrganisationTypes.has(info.parentType.name) &&
    !identifying.has(info.parentType.name, info.fieldName) &&
    withoutRead(context)
  ) {
    let root = info.path;
    while (root.prev) root = root.prev;
    // Under a mutation, the result is what the write scope already allows the system to see.
    if (root.key === 'viewer' || root.key === '_entities')
      throw readRefusal(`${info.parentType.name}.${info.fieldName}`);
  }
}

/**
 * A system's scope for a root field, refused naming the scope; nothing for people or nested fields.
 * The policy checker asks it first, so a declared field refuses a missing scope before any role.
 */
export function requireRootScope(subgraph: string, context: SubgraphContext, info: GraphQLResolveInfo): void {
  const client = context.scope.identity?.client;
  if (!client || info.path.prev !== undefined) return;
  const operation =
    info.parentType === info.schema.getMutationType()
      ? 'mutation'
      : info.parentType === info.schema.getQueryType()
        ? 'query'
        : null;
  if (!operation) return;
  const needed = requiredScope(subgraph, operation, info.fieldName);
  if (needed && !client.scopes.includes(needed)) {
    throw new ForbiddenError(`This system's token lacks the scope ${needed}, which ${info.fieldName} needs`);
  }
}

/**
 * Puts `checkScope` before the resolvers of every field of an own organisation type, the only
 * fields below the root where it can refuse anything. A root field's scope is the policy checker's
 * (`requireRootScope`, every root field declares a policy: tests/policy-inventory), and `_entities`
 * has `guardEntities`. It was a type-graphql global middleware once, which made every field of
 * every answer, scalars included, resolve through an async middleware chain, a promise per field
 * (profiled under the dashboard load); elsewhere it only ever called `next()`.
 */
export function guardScopes(schema: GraphQLSchema, identifying: IdentifyingFields): void {
  const guard = (type: GraphQLObjectType) => {
    for (const field of Object.values(type.getFields())) {
      const resolve: GraphQLFieldResolver<unknown, SubgraphContext> = field.resolve ?? defaultFieldResolver;
      field.resolve = (parent, args, context: SubgraphContext, info) => {
        checkScope(identifying, context, info);
        return resolve(parent, args, context, info);
      };
    }
  };
  for (const name of ownOrganisationTypes) {
    const type = schema.getType(name);
    if (isObjectType(type)) guard(type);
  }
}

/**
 * `_entities` is @apollo/subgraph's, not type-graphql's, so `guardScopes` leaves it alone: without
 * this, a system lacking `read` would read whatever `viewer`'s nested fields reach in other
 * subgraphs. Each representation it may not have is refused in its place (FORBIDDEN naming `read`,
 * audited by its type and id), before any row is loaded; the rest resolve as usual.
 * (`_service` needs nothing here: only the schema, which the gateway alone may ask for.)
 */
export function guardEntities(schema: GraphQLSchema): void {
  const field = schema.getQueryType()?.getFields()['_entities'];
  if (!field?.resolve) return;
  const resolve: GraphQLFieldResolver<unknown, SubgraphContext> = field.resolve;
  field.resolve = (source, args: { representations?: Record<string, unknown>[] }, context: SubgraphContext, info) => {
    const identity = withoutRead(context);
    const representations = args.representations ?? [];
    if (!identity || representations.every((r) => openRepresentation(identity, r)))
      return resolve(source, args, context, info);
    const open = representations.filter((r) => openRepresentation(identity, r));
    const resolved =
      open.length > 0 ? (resolve(source, { ...args, representations: open }, context, info) as unknown[]) : [];
    let next = 0;
    return representations.map((r) =>
      openRepresentation(identity, r) ? resolved[next++] : readRefusal(`${String(r['__typename']).slice(0, 60)} data`),
    );
  };
}
