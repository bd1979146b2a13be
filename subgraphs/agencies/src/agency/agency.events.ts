import {
  inTransaction,
  recordEvent,
  type AgencyDirectoryEntry,
  type AgencyDirectoryEventType,
  type SubgraphRuntime,
} from '@safeguarding/shared';
import type { EntityManager } from 'typeorm';
import { Agency, AgencyKind, AgencyStatus } from './agency.entity';

function entryOf(agency: Pick<Agency, 'id' | 'kind' | 'status' | 'closedOn'>): AgencyDirectoryEntry {
  return { agencyId: agency.id, kind: agency.kind, status: agency.status, closedOn: agency.closedOn ?? null };
}

/**
 * States the agency's entry in the change's transaction (the escalations service keeps a directory
 * of them to refuse ids that name no live agency). `before` is the row as it was, null when new.
 */
export async function recordAgencyEvent(
  manager: EntityManager,
  at: Date,
  agency: Agency,
  before: Agency | null,
): Promise<void> {
  const type: Exclude<AgencyDirectoryEventType, 'agency.announced'> = !before
    ? 'agency.registered'
    : agency.status === AgencyStatus.CLOSED && before.status !== AgencyStatus.CLOSED
      ? 'agency.closed'
      : 'agency.changed';
  await recordEvent(manager, {
    type,
    entityType: 'Agency',
    entityId: agency.id,
    occurredAt: at,
    payload: entryOf(agency),
  });
}

const announceBatch = 200;

/**
 * Registered agencies the outbox has never described (loaded as demo data, imported before these
 * events existed) are announced once, as they stand. Statutory partners are left out: every
 * service reads them from the reference data itself. Run at every start; a second finds none.
 */
export async function announceUnannouncedAgencies({ db, now }: SubgraphRuntime): Promise<void> {
  for (;;) {
    const announced = await inTransaction(db, async (manager) => {
      const unannounced = await manager
        .getRepository(Agency)
        .createQueryBuilder('agency')
        .where('agency.kind = :kind', { kind: AgencyKind.RELEVANT_AGENCY })
        .andWhere(
          `NOT EXISTS (SELECT 1 FROM outbox_event event WHERE event.entityType = 'Agency' AND event.entityId = agency.id)`,
        )
        .orderBy('agency.id', 'ASC')
        .limit(announceBatch)
        .getMany();
      const at = now();
      for (const agency of unannounced) {
        await recordEvent(manager, {
          type: 'agency.announced',
          entityType: 'Agency',
          entityId: agency.id,
          occurredAt: at,
          payload: entryOf(agency),
        });
      }
      return unannounced.length;
    });
    if (announced < announceBatch) return;
  }
}
