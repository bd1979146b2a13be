import { In, type EntityManager } from 'typeorm';
import { ObligationLedger, obligationId, type ObligationDraft } from './obligation-ledger';
import { Obligation } from './obligation.entity';

/** What a duty should be now, from the entity it is about: open, met on a day, or no longer owed. */
export interface DesiredObligation {
  readonly draft: ObligationDraft;
  /** The day it was met; null while it is owed. */
  readonly metOn: string | null;
  /** The duty no longer applies (its subject withdrawn); nothing is written if it was never opened. */
  readonly cancelled?: boolean;
}

export interface SettleOptions {
  /** Rows already read for these duties (a reconciliation's batch); read here in one statement if absent. */
  readonly existing?: readonly Obligation[];
  /** Open rows among `existing` that no desired duty names and that this call owns: they are cancelled. */
  readonly cancelStale?: (row: Obligation) => boolean;
}

/**
 * Brings the ledger to the desired state inside the caller's transaction, writing (and telling)
 * only what differs, so a change and the start-up reconciliation share one path and a second
 * reconciliation writes nothing. A met duty that was never opened is opened and met, so its
 * history is complete for the index.
 */
export async function settleObligations(
  manager: EntityManager,
  source: string,
  at: Date,
  desired: readonly DesiredObligation[],
  options: SettleOptions = {},
): Promise<void> {
  const ledger = new ObligationLedger(manager, source, at);
  const wanted = desired.map((want) => ({ want, id: obligationId(source, want.draft) }));
  const ids = wanted.map(({ id }) => id);
  const existing =
    options.existing ?? (ids.length === 0 ? [] : await manager.getRepository(Obligation).findBy({ id: In(ids) }));
  const byId = new Map(existing.map((row) => [row.id, row]));
  for (const { want, id } of wanted) {
    const row = byId.get(id);
    if (want.cancelled) {
      if (row?.status === 'OPEN') await ledger.cancel(want.draft);
      continue;
    }
    if (want.metOn !== null) {
      if (row?.status === 'MET') continue;
      if (!row || row.status !== 'OPEN' || !sameDeadline(row, want.draft)) await ledger.open(want.draft);
      await ledger.meet(want.draft, want.metOn);
      continue;
    }
    if (row && row.status === 'OPEN' && matches(row, want.draft)) continue;
    await ledger.open(want.draft);
  }
  if (options.cancelStale) {
    const wanted = new Set(ids);
    for (const row of existing) {
      if (row.status !== 'OPEN' || wanted.has(row.id) || !options.cancelStale(row)) continue;
      await ledger.cancel({
        kind: row.kind as ObligationDraft['kind'],
        about: { type: row.entityType, id: row.entityId },
        occurrence: row.occurrence,
      });
    }
  }
}

function sameDeadline(row: Obligation, draft: ObligationDraft): boolean {
  return (
    row.due === draft.deadline.due &&
    row.rule === draft.deadline.rule &&
    Boolean(row.provisional) === draft.deadline.provisional
  );
}

function matches(row: Obligation, draft: ObligationDraft): boolean {
  return (
    sameDeadline(row, draft) &&
    row.basis === draft.basis &&
    row.ownerOrganisationId === draft.owner.organisationId &&
    row.ownerPartnershipId === draft.owner.partnershipId &&
    row.owedTo === draft.owedTo &&
    (row.ownerOrganisationKind ?? null) === draft.owner.organisationKind &&
    (row.owedToKind ?? null) === draft.owedToKind &&
    row.audience === JSON.stringify(draft.audience)
  );
}
