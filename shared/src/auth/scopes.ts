import type { MiddlewareFn } from 'type-graphql';
import type { SubgraphContext } from '../context';
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
export function requiredScope(subgraph: string, operation: 'query' | 'mutation', fieldName: string): SystemScope | null {
  if (operation === 'mutation') return mutationScope(subgraph, fieldName);
  return openQueries.has(fieldName) ? null : 'read';
}

/**
 * Every root field of one subgraph goes through this before its resolver, so no mutation can be
 * left without a scope check; people (no client) pass straight through to the role checks.
 */
export function scopeGuard(subgraph: string): MiddlewareFn<SubgraphContext> {
  return ({ context, info }, next) => {
    const client = context.scope.identity?.client;
    if (!client || info.path.prev !== undefined) return next();
    const operation = info.parentType === info.schema.getMutationType() ? 'mutation' : info.parentType === info.schema.getQueryType() ? 'query' : null;
    if (!operation) return next();
    const needed = requiredScope(subgraph, operation, info.fieldName);
    if (needed && !client.scopes.includes(needed)) {
      throw new ForbiddenError(`This system's token lacks the scope ${needed}, which ${info.fieldName} needs`);
    }
    return next();
  };
}
