import { In, type EntityManager } from 'typeorm';
import {
  inTransaction,
  AccessScope,
  groupByKey,
  Obligation,
  todayInLondon,
  type ObligationKind,
  type SubgraphRuntime,
} from '@safeguarding/shared';
import { fileTransferObligation, settleFileTransferObligations } from './file-transfer/file-transfer.obligations';
import { FileTransferRepository } from './file-transfer/file-transfer.repository';
import {
  dslTrainingObligations,
  settleDslTrainingObligations,
} from './safeguarding-lead/safeguarding-lead.obligations';
import { SafeguardingLeadRepository } from './safeguarding-lead/safeguarding-lead.repository';
import { schoolClock } from './school-calendar/school-calendar.service';
import { SchoolCalendarRepository } from './school-calendar/school-calendar.repository';

/** Rows per reconciliation batch: a fixed handful of reads per batch, writes only for what differs. */
export const reconcileBatchSize = 500;

/** One module's start-up reconciliation of the obligations it owns. */
export type ObligationReconciler = (runtime: SubgraphRuntime) => Promise<void>;

/** Every obligation of these kinds about these entities, in one statement (the kind leads the obligation's index). */
export function obligationsAbout(
  manager: EntityManager,
  kinds: readonly ObligationKind[],
  entityType: string,
  ids: readonly string[],
): Promise<Obligation[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return manager.getRepository(Obligation).findBy({ kind: In([...kinds]), entityType, entityId: In([...ids]) });
}

/** Reads with no caller: reconciliation only recomputes the ledger, and nothing it reads is returned. */
const scope = AccessScope.anonymous;

/** Child-protection file transfers, with each batch's sending schools' calendars in one read. */
export const reconcileFileTransfers: ObligationReconciler = async (runtime) => {
  const at = runtime.now();
  let after: string | null = null;
  for (;;) {
    const last: string | null = await inTransaction(runtime.db, async (manager) => {
      const transfers = await new FileTransferRepository(manager, scope, runtime.reference).page(
        after,
        reconcileBatchSize,
      );
      if (transfers.length === 0) return null;
      const senders = [...new Set(transfers.map((t) => t.sendingUrn))];
      const closures = groupByKey(
        senders,
        await new SchoolCalendarRepository(manager, scope).closuresOf(senders),
        (day) => day.urn,
      );
      const clocks = new Map(senders.map((urn, index) => [urn, schoolClock(runtime.calendar, closures[index] ?? [])]));
      const existing = await obligationsAbout(
        manager,
        ['FILE_TRANSFER'],
        'ChildProtectionFileTransfer',
        transfers.map((t) => t.id),
      );
      const desired = transfers.map((t) => fileTransferObligation(t, clocks.get(t.sendingUrn)!, runtime.reference));
      await settleFileTransferObligations(manager, at, desired, existing);
      return transfers.length < reconcileBatchSize ? null : (transfers.at(-1)?.id ?? null);
    });
    if (last === null) return;
    after = last;
  }
};

/** DSL training, a batch of schools at a time: their leads and their training duties in one read each. */
export const reconcileDslTraining: ObligationReconciler = async (runtime) => {
  const at = runtime.now();
  const today = todayInLondon(at);
  let after: string | null = null;
  for (;;) {
    const last: string | null = await inTransaction(runtime.db, async (manager) => {
      const repository = new SafeguardingLeadRepository(manager, scope);
      const urns = await repository.schoolsPage(after, reconcileBatchSize);
      if (urns.length === 0) return null;
      const leads = groupByKey(urns, await repository.leadsOf(urns), (lead) => lead.urn);
      const existing = await obligationsAbout(manager, ['DSL_TRAINING'], 'School', urns);
      const bySchool = groupByKey(urns, existing, (row) => row.entityId);
      const desired = urns.flatMap((_urn, index) =>
        dslTrainingObligations(leads[index] ?? [], bySchool[index] ?? [], runtime.calendar, today),
      );
      await settleDslTrainingObligations(manager, at, desired, existing, new Set(urns));
      return urns.length < reconcileBatchSize ? null : (urns.at(-1) ?? null);
    });
    if (last === null) return;
    after = last;
  }
};

/**
 * The schools subgraph's reconcilers, one per module that owns obligations, run in order at every
 * start; a module adds its own here (self-assessment returns and their actions, for one).
 */
export const schoolsObligationReconcilers: ObligationReconciler[] = [reconcileFileTransfers, reconcileDslTraining];

export async function reconcileSchoolsObligations(runtime: SubgraphRuntime): Promise<void> {
  for (const reconcile of schoolsObligationReconcilers) await reconcile(runtime);
}
