import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import type { SubgraphContext } from '../context';
import type { AuditEntry } from './audit-log';

const misses = new WeakMap<SubgraphContext, Map<string, Omit<AuditEntry, 'action'>>>();

/**
 * Row scoping answers "not there" to a caller who may not see a row, which is a refusal all the
 * same. After a by-id read in the caller's scope, the ids it did not return are looked up once
 * more without the scope, by primary key alone (only on that miss path: a read that found all it
 * asked for costs nothing more); those that exist are noted, ids only, and the refusal audit
 * records them as REFUSED when the request ends (see auditPlugin), while the caller is still told
 * NOT_FOUND. A row with a `partnershipId` puts the attempt in that partnership's trail.
 */
export async function noteScopedMisses<T extends ObjectLiteral>(
  ctx: SubgraphContext,
  manager: EntityManager,
  entity: EntityTarget<T>,
  entityType: string,
  requested: readonly string[],
  found: readonly { id: string }[],
  /**
   * For a row with no `partnershipId` of its own: the columns (property names) to read beside the
   * id, and the partnership each such row belongs to, e.g. through a projection.
   */
  attribution?: { readonly columns: readonly string[]; partnershipsOf(rows: readonly Record<string, unknown>[]): Promise<ReadonlyMap<string, string>> },
): Promise<void> {
  if (!ctx.scope.identity) return;
  const seen = new Set(found.map((row) => row.id));
  const missing = [...new Set(requested)].filter((id) => !seen.has(id));
  if (missing.length === 0) return;
  const metadata = manager.connection.getMetadata(entity);
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
  let noted = misses.get(ctx);
  if (!noted) misses.set(ctx, (noted = new Map()));
  for (const row of existing) noted.set(`${entityType}\u0000${row.id}`, { entityType, entityId: row.id, partnershipId: row.partnershipId ?? attributed?.get(row.id) ?? null });
}

/** The refusals noted for this request, once: the audit plugin takes them when the request ends. */
export function takeScopedMisses(ctx: SubgraphContext): Omit<AuditEntry, 'action'>[] {
  const noted = misses.get(ctx);
  misses.delete(ctx);
  return noted ? [...noted.values()] : [];
}
