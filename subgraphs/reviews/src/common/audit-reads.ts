import { appendAudit, type AuditEntry, type SubgraphContext } from '@safeguarding/shared';

const pending = new WeakMap<object, Promise<void>>();

/**
 * Records reads made by a loader batch. One request here resolves several audited lists at once
 * (notifications, rapid reviews, child deaths...), and the embedded database cannot hold two
 * transactions at a time, so the appends of one database take turns; on MySQL they would queue on
 * the chain's head lock anyway.
 */
export function auditReads(ctx: SubgraphContext, entries: readonly AuditEntry[]): Promise<void> {
  if (entries.length === 0) return Promise.resolve();
  const previous = pending.get(ctx.db) ?? Promise.resolve();
  const next = previous.catch(() => undefined).then(() => appendAudit(ctx, entries));
  pending.set(ctx.db, next);
  return next;
}
