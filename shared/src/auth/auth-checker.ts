import type { AuthCheckerFn } from 'type-graphql';
import { ForbiddenError, UnauthenticatedError } from '../errors';
import type { SubgraphContext } from '../context';
import type { Role } from './roles';

/**
 * type-graphql's `@Authorized(...roles)`: no roles means "any signed-in caller"; roles mean
 * "any one of these". Refusals carry the taxonomy's codes rather than type-graphql's own.
 */
export const authChecker: AuthCheckerFn<SubgraphContext, Role> = ({ context }, roles) => {
  const identity = context.scope.identity;
  if (!identity) throw new UnauthenticatedError();
  if (roles.length === 0 || roles.some((role) => identity.roles.includes(role))) return true;
  throw new ForbiddenError(`This needs one of the roles ${roles.join(', ')}`);
};
