import { createHash } from 'node:crypto';
import type { ApolloServerPlugin } from '@apollo/server';
import {
  GraphQLError,
  Kind,
  OperationTypeNode,
  type DocumentNode,
  type FieldNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';
import type { SubgraphContext } from '../context';
import { ErrorCode, ForbiddenError } from '../errors';
import type { Logger } from '../logger';
import { appendRefusals, setDerivedOperation, type AuditEntry } from './audit-log';
import { AuditAction } from './audit-record.entity';
import { takeScopedMisses } from './scoped-miss';

// Ids the graph holds records by (a UUID, a school's URN). Anything else a caller typed as an id
// might be personal data, so it is never copied into the trail.
const recordId = /^(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|\d{6})$/i;
const idArgument = /^(?:id|urn|[a-z]\w*Id|[a-z]\w*Urn)$/;

/**
 * The audit trail's view of every request of a subgraph, in one place so that no resolver can
 * forget it: what the server executed (operation type, root fields, the document's SHA-256), taken
 * from the document rather than from the name the client gave it; and every refusal of a signed-in
 * caller, recorded once per target with outcome REFUSED after the request's own work rolled back.
 */
export function auditPlugin(logger: Logger): ApolloServerPlugin<SubgraphContext> {
  return {
    async requestDidStart() {
      // Everything refused in this request, once per target, appended when the response is ready.
      const targets = new Map<string, AuditEntry>();
      let action = AuditAction.READ;
      return {
        async didResolveOperation({ contextValue, operation, document, source, queryHash }) {
          if (!operation) return;
          action = operation.operation === OperationTypeNode.QUERY ? AuditAction.READ : AuditAction.WRITE;
          setDerivedOperation(contextValue, {
            type: operation.operation,
            rootFields: rootFieldsOf(operation, document),
            documentHash:
              queryHash && /^[0-9a-f]{64}$/.test(queryHash)
                ? queryHash
                : createHash('sha256').update(source).digest('hex'),
          });
        },
        async didEncounterErrors({ contextValue, errors, operation, request }) {
          if (!contextValue.scope.identity || !operation) return;
          const partnershipIds = contextValue.scope.identity.partnershipIds;
          for (const error of errors) {
            const refusal = refusalOf(error);
            if (!refusal) continue;
            const target =
              refusal.target ?? attributed(targetFromRequest(error, request.variables ?? {}), partnershipIds);
            const entry: AuditEntry = {
              action,
              entityType: target.entityType,
              entityId: target.entityId,
              partnershipId: target.partnershipId ?? null,
            };
            targets.set(`${entry.entityType}\u0000${entry.entityId}`, entry);
          }
        },
        async willSendResponse({ contextValue }) {
          // Rows the caller was told are not there, though they are (noteScopedMisses).
          for (const target of takeScopedMisses(contextValue)) {
            const key = `${target.entityType}\u0000${target.entityId}`;
            if (!targets.has(key)) targets.set(key, { action, ...target, partnershipId: target.partnershipId ?? null });
          }
          if (targets.size === 0 || !contextValue.scope.identity) return;
          try {
            await appendRefusals(contextValue, [...targets.values()]);
          } catch (error) {
            // The caller is refused either way; what failed is the record of it, which operators must see.
            logger.error(
              {
                err: error instanceof Error ? { name: error.name, message: error.message } : String(error),
                requestId: contextValue.requestId,
              },
              'refusal not audited',
            );
          }
        },
      };
    },
  };
}

function refusalOf(error: GraphQLError): ForbiddenError | { target: null } | null {
  const original = error.originalError;
  if (original instanceof ForbiddenError) return original;
  // A refusal raised by the framework for us (type-graphql's authChecker) arrives wrapped once more.
  if (original instanceof GraphQLError && original.originalError instanceof ForbiddenError)
    return original.originalError;
  return error.extensions['code'] === ErrorCode.FORBIDDEN ? { target: null } : null;
}

type Target = Omit<AuditEntry, 'action'>;

/**
 * A refused field that names no record (e.g. a list) belongs to no partnership of its own; a
 * caller acting in exactly one partnership made the attempt as part of it, so its trail shows it.
 * Acting in several, any one would be a guess, and the record stays in the chain and exports only.
 */
function attributed(target: Target, partnershipIds: readonly string[]): Target {
  const [only, ...others] = partnershipIds;
  if (target.partnershipId || target.entityId !== '-' || only === undefined || others.length > 0) return target;
  return { ...target, partnershipId: only };
}

/** The record a refused field was about, from the request itself: its entity representation or its id arguments. */
function targetFromRequest(error: GraphQLError, variables: Record<string, unknown>): Target {
  const path = error.path ?? [];
  if (path[0] === '_entities' && typeof path[1] === 'number') {
    const representation = (variables['representations'] as unknown[] | undefined)?.[path[1]] as
      Record<string, unknown> | undefined;
    const typename = representation?.['__typename'];
    if (representation && typeof typename === 'string') {
      const id = Object.entries(representation).find(
        ([key, value]) => key !== '__typename' && typeof value === 'string' && recordId.test(value),
      )?.[1];
      return { entityType: typename.slice(0, 60), entityId: (id as string | undefined) ?? '-', partnershipId: null };
    }
  }
  const field =
    path
      .filter((step): step is string => typeof step === 'string')
      .join('.')
      .slice(0, 60) || 'request';
  const ids = idsOf(error.nodes?.[0], variables);
  const partnershipId = ids.find(([name]) => name === 'partnershipId')?.[1] ?? null;
  const entityId = ids.find(([name]) => name !== 'partnershipId')?.[1] ?? partnershipId ?? '-';
  return { entityType: field, entityId, partnershipId };
}

function isField(node: unknown): node is FieldNode {
  return typeof node === 'object' && node !== null && 'kind' in node && node.kind === Kind.FIELD;
}

/** The field's id-like arguments (and those of an `input` object), when they hold record ids. */
function idsOf(node: unknown, variables: Record<string, unknown>): Array<[string, string]> {
  if (!isField(node)) return [];
  const field = node;
  const found: Array<[string, string]> = [];
  const consider = (name: string, value: unknown, depth: number) => {
    if (typeof value === 'string' && idArgument.test(name) && recordId.test(value))
      found.push([name, value.toLowerCase()]);
    else if (depth === 0 && value !== null && typeof value === 'object' && !Array.isArray(value)) {
      for (const [key, inner] of Object.entries(value)) consider(key, inner, 1);
    }
  };
  for (const argument of field.arguments ?? []) consider(argument.name.value, valueOf(argument.value, variables), 0);
  return found;
}

function valueOf(node: ValueNode, variables: Record<string, unknown>): unknown {
  switch (node.kind) {
    case Kind.VARIABLE:
      return variables[node.name.value];
    case Kind.STRING:
      return node.value;
    case Kind.OBJECT:
      return Object.fromEntries(node.fields.map((field) => [field.name.value, valueOf(field.value, variables)]));
    default:
      return null;
  }
}

function rootFieldsOf(operation: OperationDefinitionNode, document: DocumentNode): string {
  const names = new Set<string>();
  const visit = (selections: SelectionSetNode, seen: Set<string>) => {
    for (const selection of selections.selections) {
      if (selection.kind === Kind.FIELD) names.add(selection.name.value);
      else if (selection.kind === Kind.INLINE_FRAGMENT) visit(selection.selectionSet, seen);
      else if (!seen.has(selection.name.value)) {
        seen.add(selection.name.value);
        const fragment = document.definitions.find(
          (d) => d.kind === Kind.FRAGMENT_DEFINITION && d.name.value === selection.name.value,
        );
        if (fragment?.kind === Kind.FRAGMENT_DEFINITION) visit(fragment.selectionSet, seen);
      }
    }
  };
  visit(operation.selectionSet, new Set());
  names.delete('__typename');
  const joined = [...names].sort().join(',');
  return joined.length <= 200 ? joined : `${joined.slice(0, 197)}...`;
}
