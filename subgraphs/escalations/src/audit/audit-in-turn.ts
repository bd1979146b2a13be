import type { DataSource, EntityManager } from 'typeorm';
import { appendAudit, type AuditEntry, type SubgraphContext } from '@safeguarding/shared';

/**
 * Two audited lists in one subgraph fetch (Partnership.escalations and .nationalEscalations) append
 * to the audit chain at the same moment. The embedded database has one connection and fails with
 * "cannot start a transaction within a transaction"; on MySQL both `SELECT … FOR UPDATE` the
 * chain's head, take compatible gap locks past it, and deadlock on their inserts. So this
 * subgraph's audited transactions take turns within the process.
 */
const tails = new WeakMap<DataSource, Promise<unknown>>();

function inTurn<T>(db: DataSource, work: () => Promise<T>): Promise<T> {
  const previous = tails.get(db) ?? Promise.resolve();
  const next = previous.then(work, work);
  tails.set(db, next.catch(() => undefined));
  return next;
}

/** Records reads of case-level data, in its own transaction, in turn. */
export function auditReads(ctx: SubgraphContext, entries: readonly AuditEntry[]): Promise<void> {
  if (entries.length === 0) return Promise.resolve();
  return inTurn(ctx.db, () => appendAudit(ctx, entries));
}

/** A write and its audit records in one transaction, in turn. */
export function writeInTurn<T>(ctx: SubgraphContext, work: (manager: EntityManager) => Promise<T>): Promise<T> {
  return inTurn(ctx.db, () => ctx.db.transaction(work));
}
