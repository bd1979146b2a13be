import {
  inTransaction,
  recordEvent,
  type PartnershipFootprint,
  type PartnershipFootprintEventType,
  type SubgraphRuntime,
} from '@safeguarding/shared';
import type { EntityManager } from 'typeorm';
import { Partnership, PartnershipArea } from './partnership.entity';

/** States the arrangement's whole footprint in the change's transaction (the escalations service projects it). */
export async function recordFootprintEvent(
  manager: EntityManager,
  at: Date,
  type: Exclude<PartnershipFootprintEventType, 'partnership.announced'>,
  partnership: Pick<Partnership, 'id' | 'status'>,
  localAuthorityGssCodes: readonly string[],
): Promise<void> {
  const payload: PartnershipFootprint = {
    partnershipId: partnership.id,
    status: partnership.status,
    localAuthorityGssCodes: [...localAuthorityGssCodes].sort(),
  };
  await recordEvent(manager, { type, entityType: 'Partnership', entityId: partnership.id, occurredAt: at, payload });
}

const announceBatch = 200;

/**
 * Arrangements the outbox has never described (made before these events existed, or loaded as
 * demo data) are announced once, with their footprint as it stands: a consumer started later
 * builds its projection from the outbox alone. Run at every start; a second start finds none.
 */
export async function announceUnannouncedPartnerships({ db, now }: SubgraphRuntime): Promise<void> {
  for (;;) {
    const announced = await inTransaction(db, async (manager) => {
      const unannounced = await manager
        .getRepository(Partnership)
        .createQueryBuilder('partnership')
        .where(
          `NOT EXISTS (SELECT 1 FROM outbox_event event WHERE event.entityType = 'Partnership' AND event.entityId = partnership.id)`,
        )
        .orderBy('partnership.id', 'ASC')
        .limit(announceBatch)
        .getMany();
      if (unannounced.length === 0) return 0;
      const areas = await manager
        .getRepository(PartnershipArea)
        .find({ where: unannounced.map((p) => ({ partnershipId: p.id })) });
      const at = now();
      for (const partnership of unannounced) {
        const codes = areas
          .filter((area) => area.partnershipId === partnership.id)
          .map((area) => area.localAuthorityGssCode)
          .sort();
        const payload: PartnershipFootprint = {
          partnershipId: partnership.id,
          status: partnership.status,
          localAuthorityGssCodes: codes,
        };
        await recordEvent(manager, {
          type: 'partnership.announced',
          entityType: 'Partnership',
          entityId: partnership.id,
          occurredAt: at,
          payload,
        });
      }
      return unannounced.length;
    });
    if (announced < announceBatch) return;
  }
}
