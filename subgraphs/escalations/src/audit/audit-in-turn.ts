import type { DataSource, EntityManager } from 'typeorm';
import { appendAudit, type AuditEntry, type SubgraphContext } from '@safeguarding/shared';

/**
 * The embedded database has one connection, so two transactions at once (two audited lists in one
 * subgraph fetch, such as Partnership.escalations and Partnership.nationalEscalations) fail with
 * "cannot start a transaction within a transaction". On it, this subgraph's transactions take
 * turns; MySQL has a pool and the audit chain's row lock, so there they run as they come.
 */
const tails = new WeakMap<DataSource, Promise<unknown>>();

function inTurn<T>(db: DataSource, work: () => Promise<T>): Promise<T> {
  if (db.options.type !== 'better-sqlite3') return work();
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
