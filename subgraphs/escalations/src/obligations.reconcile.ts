import { In, type EntityManager } from 'typeorm';
import {
  inTransaction,
  AccessScope,
  Obligation,
  type DesiredObligation,
  type ObligationKind,
  type SubgraphRuntime,
} from '@safeguarding/shared';
import type { ProfessionalDisagreement } from './disagreement/professional-disagreement.entity';
import {
  currentStageObligation,
  settleDisagreementObligations,
  stageObligation,
} from './disagreement/professional-disagreement.obligations';
import { ProfessionalDisagreementRepository } from './disagreement/professional-disagreement.repository';
import { settleNationalEscalationObligations } from './national-escalation/national-escalation.obligations';
import { NationalEscalationRepository } from './national-escalation/national-escalation.repository';
import { settleReferralObligations } from './referral/referral.obligations';
import { ReferralRepository } from './referral/referral.repository';

/** Rows per reconciliation batch: one read of the rows, one of their obligations, writes only for what differs. */
export const reconcileBatchSize = 500;

/**
 * Recomputes every referral's, disagreement's and national escalation's obligations from the rows
 * as they stand (data loaded before the clocks existed, or by a migration), a batch per
 * transaction. Unchanged obligations cost no write, so a second start writes nothing.
 */
export async function reconcileEscalationsObligations(runtime: SubgraphRuntime): Promise<void> {
  const scope = AccessScope.anonymous;
  const at = runtime.now();
  await inBatches(
    runtime,
    (manager, after) => new ReferralRepository(manager, scope).page(after, reconcileBatchSize),
    async (manager, rows) => {
      await settleReferralObligations(
        manager,
        at,
        rows,
        await obligationsAbout(manager, ['REFERRAL_ACKNOWLEDGEMENT', 'REFERRAL_DECISION'], 'Referral', rows),
      );
    },
  );
  await inBatches(
    runtime,
    (manager, after) => new ProfessionalDisagreementRepository(manager, scope).page(after, reconcileBatchSize),
    async (manager, rows) => {
      const existing = await obligationsAbout(manager, ['ESCALATION_STAGE'], 'ProfessionalDisagreement', rows);
      await settleDisagreementObligations(
        manager,
        at,
        rows.flatMap((row) => stageObligations(row, existing)),
        existing,
      );
    },
  );
  await inBatches(
    runtime,
    (manager, after) => new NationalEscalationRepository(manager, scope).page(after, reconcileBatchSize),
    async (manager, rows) => {
      await settleNationalEscalationObligations(
        manager,
        at,
        runtime.calendar,
        rows,
        await obligationsAbout(manager, ['NATIONAL_ESCALATION'], 'NationalEscalation', rows),
      );
    },
  );
}

type Manager = EntityManager;

/**
 * The current stage as the row stands, and any earlier stage still open in the ledger (moved on
 * by a change that wrote no obligation): that stage ended when the current one began.
 */
function stageObligations(
  disagreement: ProfessionalDisagreement,
  existing: readonly Obligation[],
): DesiredObligation[] {
  const current = currentStageObligation(disagreement);
  const earlier = existing
    .filter(
      (row) => row.entityId === disagreement.id && row.status === 'OPEN' && row.occurrence !== current.draft.occurrence,
    )
    .map((row) => ({
      draft: {
        ...stageObligation(disagreement),
        occurrence: row.occurrence,
        deadline: { due: row.due, rule: row.rule, provisional: Boolean(row.provisional) },
      },
      metOn: disagreement.stageStartedOn,
    }));
  return [...earlier, current];
}

async function inBatches<T extends { id: string }>(
  runtime: SubgraphRuntime,
  read: (manager: Manager, afterId: string | null) => Promise<T[]>,
  settle: (manager: Manager, rows: T[]) => Promise<void>,
): Promise<void> {
  let after: string | null = null;
  for (;;) {
    const last: string | null = await inTransaction(runtime.db, async (manager) => {
      const rows = await read(manager, after);
      if (rows.length > 0) await settle(manager, rows);
      return rows.length < reconcileBatchSize ? null : (rows.at(-1)?.id ?? null);
    });
    if (last === null) return;
    after = last;
  }
}

/** Every obligation of these kinds about these rows, in one statement (the kind leads the obligation's index). */
export function obligationsAbout(
  manager: Manager,
  kinds: readonly ObligationKind[],
  entityType: string,
  rows: readonly { id: string }[],
): Promise<Obligation[]> {
  return manager
    .getRepository(Obligation)
    .findBy({ kind: In([...kinds]), entityType, entityId: In(rows.map((row) => row.id)) });
}
