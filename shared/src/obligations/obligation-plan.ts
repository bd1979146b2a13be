import { randomUUID } from 'node:crypto';
import { In, type DataSource, type EntityManager } from 'typeorm';
import { OutboxEvent } from '../events/outbox-event.entity';
import {
  obligationId,
  obligationPayload,
  obligationRow,
  sameObligation,
  type ObligationDraft,
  type ObligationEventType,
  type ObligationLedger,
} from './obligation-ledger';
import { Obligation } from './obligation.entity';
import { settleObligations, type DesiredObligation } from './obligation-settle';
import type { ObligationKind } from './obligation-kind';
import { inTransaction } from '../database';

/** Where a duty stands, as the entity it is about says today. */
export type ObligationState =
  { readonly status: 'OPEN' } | { readonly status: 'MET'; readonly on: string } | { readonly status: 'CANCELLED' };

/** One duty as its entity implies it: what it is, and whether it is open, met or no longer owed. */
export interface ObligationPlan {
  readonly draft: ObligationDraft;
  readonly state: ObligationState;
}

export const stillOpen: ObligationState = { status: 'OPEN' };
export const metOn = (on: string): ObligationState => ({ status: 'MET', on });
export const noLongerOwed: ObligationState = { status: 'CANCELLED' };

/**
 * Applies plans inside the change's transaction, through the one settling path every subgraph uses
 * (`settleObligations`): the plans' rows read in one statement, only what differs written. A duty met
 * in the same change that creates its entity (a notification recorded as already sent) is opened
 * and met, so its history is complete.
 */
export function settleObligationPlans(ledger: ObligationLedger, plans: readonly ObligationPlan[]): Promise<void> {
  return settleObligations(ledger.manager, ledger.source, ledger.at, plans.map(desiredOf));
}

function desiredOf({ draft, state }: ObligationPlan): DesiredObligation {
  switch (state.status) {
    case 'OPEN':
      return { draft, metOn: null };
    case 'MET':
      return { draft, metOn: state.on };
    case 'CANCELLED':
      return { draft, metOn: null, cancelled: true };
    default: {
      const unhandled: never = state;
      throw new Error(`unhandled obligation state ${JSON.stringify(unhandled)}`);
    }
  }
}

const chunkSize = 200;

function chunks<T>(items: readonly T[]): T[][] {
  const result: T[][] = [];
  for (let i = 0; i < items.length; i += chunkSize) result.push(items.slice(i, i + chunkSize));
  return result;
}

/**
 * The start-up reconciliation of whole kinds at once: `plans` are every duty of `kinds` the current
 * rows imply. Reads the kinds' obligations in one statement, writes only what differs (in chunks,
 * with their events), opens none already met (old history is not rewritten), and cancels open ones
 * no row implies any more. Needs the manager of a transaction; returns the number of rows written.
 */
export async function reconcileObligationPlans(
  manager: EntityManager,
  source: string,
  at: Date,
  kinds: readonly ObligationKind[],
  plans: readonly ObligationPlan[],
): Promise<number> {
  if (!manager.queryRunner?.isTransactionActive)
    throw new Error('reconcileObligationPlans needs the manager of a transaction');
  const existing = new Map(
    (await manager.find(Obligation, { where: { kind: In([...kinds]) } })).map((row) => [row.id, row]),
  );
  const writes: Array<{ row: Obligation; type: ObligationEventType }> = [];
  const planned = new Set<string>();
  const close = (row: Obligation, status: 'MET' | 'CANCELLED', on: string | null) => {
    writes.push({
      row: Object.assign(new Obligation(), row, { status, metOn: on, updatedAt: at.toISOString() }),
      type: status === 'MET' ? 'obligation.met' : 'obligation.cancelled',
    });
  };
  for (const { draft, state } of plans) {
    const id = obligationId(source, draft);
    planned.add(id);
    const found = existing.get(id) ?? null;
    if (state.status === 'OPEN') {
      const row = obligationRow(id, draft, found, at);
      if (!found || !sameObligation(found, row))
        writes.push({ row, type: found ? 'obligation.changed' : 'obligation.opened' });
    } else if (found?.status === 'OPEN') {
      close(found, state.status, state.status === 'MET' ? state.on : null);
    }
  }
  for (const row of existing.values()) if (row.status === 'OPEN' && !planned.has(row.id)) close(row, 'CANCELLED', null);
  for (const batch of chunks(writes)) {
    await manager.getRepository(Obligation).upsert(
      batch.map((write) => write.row),
      ['id'],
    );
    const latest = await manager
      .getRepository(OutboxEvent)
      .createQueryBuilder('event')
      .select('event.entityId', 'entityId')
      .addSelect('MAX(event.sequence)', 'sequence')
      .where('event.entityType = :entityType AND event.entityId IN (:...ids)', {
        entityType: 'Obligation',
        ids: batch.map((write) => write.row.id),
      })
      .groupBy('event.entityId')
      .getRawMany<{ entityId: string; sequence: number | string }>();
    const sequences = new Map(latest.map((row) => [row.entityId, Number(row.sequence)]));
    await manager.getRepository(OutboxEvent).insert(
      batch.map((write) =>
        Object.assign(new OutboxEvent(), {
          eventId: randomUUID(),
          type: write.type,
          entityType: 'Obligation',
          entityId: write.row.id,
          sequence: (sequences.get(write.row.id) ?? 0) + 1,
          occurredAt: at.toISOString(),
          payload: JSON.stringify(obligationPayload(write.row)),
        }),
      ),
    );
  }
  return writes.length;
}

const reconcileLockSeconds = 120;

/**
 * Runs a start-up reconciliation in one transaction that replicas starting together take in turn,
 * so the second reads what the first committed and writes nothing (rather than both numbering the
 * same obligation's next event and one failing to start). MySQL: a named lock held by the
 * transaction's own session until after its commit. SQLite: the write transaction is begun
 * IMMEDIATE (database.ts), which another process's writer already waits for.
 */
export async function inReconcileLock<T>(
  db: DataSource,
  source: string,
  work: (manager: EntityManager) => Promise<T>,
): Promise<T> {
  if (db.options.type !== 'mysql' && db.options.type !== 'mariadb') return inTransaction(db, work);
  const runner = db.createQueryRunner();
  const lockName = `${db.options.database ?? ''}.obligations.${source}`.slice(0, 64);
  try {
    const [row] = (await runner.query('SELECT GET_LOCK(?, ?) AS acquired', [lockName, reconcileLockSeconds])) as Array<{
      acquired: number | string | null;
    }>;
    if (Number(row?.acquired) !== 1)
      throw new Error(`another process held the obligation reconciliation lock for ${reconcileLockSeconds} s`);
    try {
      await runner.startTransaction();
      try {
        const result = await work(runner.manager);
        await runner.commitTransaction();
        return result;
      } catch (error) {
        await runner.rollbackTransaction().catch(() => undefined);
        throw error;
      }
    } finally {
      await runner.query('SELECT RELEASE_LOCK(?)', [lockName]);
    }
  } finally {
    await runner.release();
  }
}
