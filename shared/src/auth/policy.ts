import type { GraphQLResolveInfo } from 'graphql';
import { Authorized, Extensions } from 'type-graphql';
import type { SubgraphContext } from '../context';
import { ForbiddenError } from '../errors';
import type { Role } from './roles';

/**
 * Who may reach a field, declared beside its resolver and enforced before it runs:
 * - `anyone`: signed in or not (Working Together 2023 publishes the arrangements); what a caller sees
 *   is still cut by the scoped repositories, and `why` says why the field is open;
 * - `signed-in`: any verified identity, person or system; the service then asks about the row;
 * - a list of roles: a signed-in caller holding any one of them.
 * `inPartnership` adds where: the caller must act in the partnership whose id is at that argument
 * path (`partnershipId`, `input.partnershipId`) or, for a field of a type, at that parent property.
 * A system's scopes are derived from the field (`read`, `<subgraph>:write`) and checked first.
 */
export type PolicySpec =
  | { readonly who: 'anyone'; readonly why: string }
  | {
      readonly who: 'signed-in' | readonly Role[];
      readonly inPartnership?: { readonly arg: string } | { readonly parent: string };
    };

/** How a policy reads in the schema extensions, for the inventory and for readers of the schema. */
export function describePolicy(spec: PolicySpec): string {
  if (spec.who === 'anyone') return 'anyone';
  const who = spec.who === 'signed-in' ? 'signed-in' : `roles:${[...spec.who].join('|')}`;
  if (!spec.inPartnership) return who;
  const where = 'arg' in spec.inPartnership ? `arg ${spec.inPartnership.arg}` : `parent ${spec.inPartnership.parent}`;
  return `${who} in partnership at ${where}`;
}

/** Declares who may reach this field (see `PolicySpec`); the one checker enforces it. */
export function Policy(spec: PolicySpec): MethodDecorator & PropertyDecorator {
  const authorized = Authorized<PolicySpec>([spec]);
  const extensions = Extensions({ policy: describePolicy(spec) });
  return (target: object, key: string | symbol, descriptor?: PropertyDescriptor) => {
    authorized(target, key, descriptor as TypedPropertyDescriptor<unknown>);
    extensions(target, key, descriptor as TypedPropertyDescriptor<unknown>);
  };
}

function at(source: unknown, path: string): unknown {
  let value = source;
  for (const key of path.split('.')) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

/** The partnership the declaration names, or a refusal when the request names none a caller could act in. */
function partnershipOf(
  where: { readonly arg: string } | { readonly parent: string },
  root: unknown,
  args: Record<string, unknown>,
): string {
  const id = 'arg' in where ? at(args, where.arg) : at(root, where.parent);
  if (typeof id !== 'string') throw new ForbiddenError('You do not act in that partnership');
  return id;
}

export interface PolicyRequest {
  readonly context: SubgraphContext;
  readonly root: unknown;
  readonly args: Record<string, unknown>;
  readonly info: GraphQLResolveInfo;
}

/** Enforces one declaration; refusals carry the taxonomy's codes and, where known, the partnership for the audit. */
export function enforcePolicy(spec: PolicySpec, { context, root, args }: PolicyRequest): void {
  if (spec.who === 'anyone') return;
  const scope = context.scope;
  if (spec.inPartnership) {
    const partnershipId = partnershipOf(spec.inPartnership, root, args);
    if (spec.who === 'signed-in') {
      scope.requireIdentity();
      if (!scope.actsIn(partnershipId))
        throw new ForbiddenError('You do not act in that partnership', {
          entityType: 'Partnership',
          entityId: partnershipId,
          partnershipId,
        });
    } else scope.requirePartnershipRole(partnershipId, spec.who);
    return;
  }
  const identity = scope.requireIdentity();
  if (spec.who === 'signed-in' || spec.who.some((role) => identity.roles.includes(role))) return;
  throw new ForbiddenError(`This needs one of the roles ${spec.who.join(', ')}`);
}

/** The arrangements as published, and the national reference data they are drawn from. */
export const publicArrangements: PolicySpec = {
  who: 'anyone',
  why: 'published arrangements and their reference data are public (Children Act 2004 s16G, Working Together 2023 ch. 2)',
};

/** The national registers of agencies, schools and trusts, as GIAS and the NHS ODS publish them. */
export const publicRegister: PolicySpec = {
  who: 'anyone',
  why: 'the registers of agencies, schools and trusts are published data (GIAS, NHS ODS)',
};
