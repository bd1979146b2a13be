import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import type { SubgraphContext } from '../context';
import type { AccessScope } from '../identity';
import type { AuditEntry } from './audit-log';

// Keyed by the request's scope (one per request), so a repository, which holds the scope and not
// the context, notes misses itself and no service has to remember to.
const misses = new WeakMap<AccessScope, Map<string, Omit<AuditEntry, 'action'>>>();

/** For a row with no `partnershipId` of its own: the columns to read beside the id, and whose trail each such row's refusal goes to. */
export type MissAttribution = {
  readonly columns: readonly string[];
  partnershipsOf(rows: readonly Record<string, unknown>[]): Promise<ReadonlyMap<string, string>>;
};

/**
 * A by-id read in the caller's scope that notes the ids it did not return but which exist
 * (see noteScopedMisses): what every scoped repository's by-id lookup goes through.
 */
export async function findInScope<T extends { id: string }>(
  manager: EntityManager,
  scope: AccessScope,
  entity: EntityTarget<T & ObjectLiteral>,
  entityType: string,
  ids: readonly string[],
  find: () => Promise<T[]>,
  attribution?: MissAttribution,
): Promise<T[]> {
  const rows = await find();
  await noteScopedMisses({ scope }, manager, entity, entityType, ids, rows, attribution);
  return rows;
}

/** The one-row form of findInScope, for a mutation that loads its target in the caller's scope. */
export async function findOneInScope<T extends { id: string }>(
  manager: EntityManager,
  scope: AccessScope,
  entity: EntityTarget<T & ObjectLiteral>,
  entityType: string,
  id: string,
  find: () => Promise<T | null>,
  attribution?: MissAttribution,
): Promise<T | null> {
  const row = await find();
  await noteScopedMisses({ scope }, manager, entity, entityType, [id], row ? [row] : [], attribution);
  return row;
}

/**
 * Row scoping answers "not there" to a caller who may not see a row, which is a refusal all the
 * same. After a by-id read in the caller's scope, the ids it did not return are looked up once
 * more without the scope, by primary key alone (only on that miss path: a read that found all it
 * asked for costs nothing more); those that exist are noted, ids only, and the refusal audit
 * records them as REFUSED when the request ends (see auditPlugin), while the caller is still told
 * NOT_FOUND. A row with a `partnershipId` puts the attempt in that partnership's trail.
 */
export async function noteScopedMisses<T extends ObjectLiteral>(
  ctx: Pick<SubgraphContext, 'scope'>,
  manager: EntityManager,
  entity: EntityTarget<T>,
  entityType: string,
  requested: readonly string[],
  found: readonly { id: string }[],
  /**
   * For a row with no `partnershipId` of its own: the columns (property names) to read beside the
   * id, and the partnership each such row belongs to, e.g. through a projection.
   */
  attribution?: MissAttribution,
): Promise<void> {
  if (!ctx.scope.identity) return;
  const seen = new Set(found.map((row) => row.id));
  const missing = [...new Set(requested)].filter((id) => !seen.has(id));
  if (missing.length === 0) return;
  const metadata = manager.dataSource.getMetadata(entity);
  const partnership = metadata.findColumnWithPropertyName('partnershipId');
  const query = manager
    .createQueryBuilder(entity, 'row')
    .select('row.id', 'id')
    .where('row.id IN (:...missing)', { missing });
  if (partnership) query.addSelect('row.partnershipId', 'partnershipId');
  for (const column of attribution?.columns ?? []) {
    if (!metadata.findColumnWithPropertyName(column)) throw new Error(`${metadata.name} has no column ${column}`);
    query.addSelect(`row.${column}`, column);
  }
  const existing = await query.getRawMany<{ id: string; partnershipId?: string | null } & Record<string, unknown>>();
  if (existing.length === 0) return;
  const attributed = !partnership && attribution ? await attribution.partnershipsOf(existing) : null;
  for (const row of existing)
    noteRefusedRow(ctx, {
      entityType,
      entityId: row.id,
      partnershipId: row.partnershipId ?? attributed?.get(row.id) ?? null,
    });
}

/** A row already in hand that the caller is told is not there (the service's own rule hid it): ids only. */
export function noteRefusedRow(
  ctx: Pick<SubgraphContext, 'scope'>,
  target: { entityType: string; entityId: string; partnershipId: string | null },
): void {
  if (!ctx.scope.identity) return;
  let noted = misses.get(ctx.scope);
  if (!noted) misses.set(ctx.scope, (noted = new Map<string, Omit<AuditEntry, 'action'>>()));
  noted.set(`${target.entityType}\u0000${target.entityId}`, {
    entityType: target.entityType,
    entityId: target.entityId,
    partnershipId: target.partnershipId,
  });
}

/** The refusals noted for this request, once: the audit plugin takes them when the request ends. */
export function takeScopedMisses(ctx: Pick<SubgraphContext, 'scope'>): Omit<AuditEntry, 'action'>[] {
  const noted = misses.get(ctx.scope);
  misses.delete(ctx.scope);
  return noted ? [...noted.values()] : [];
}
