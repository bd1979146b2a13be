import type { AuthCheckerFn } from 'type-graphql';
import type { SubgraphContext } from '../context';
import { enforcePolicy, type PolicySpec } from './policy';
import { requireRootScope } from './scopes';

/**
 * The one checker behind every `@Policy(...)`, run by type-graphql before the field's middlewares
 * and resolver: first the system scope the field needs, then the declared who and where. Refusals
 * carry the taxonomy's codes rather than type-graphql's own.
 */
export function policyChecker(subgraph: string): AuthCheckerFn<SubgraphContext, PolicySpec> {
  return ({ context, root, args, info }, policies) => {
    requireRootScope(subgraph, context, info);
    for (const spec of policies) enforcePolicy(spec, { context, root, args, info });
    return true;
  };
}
