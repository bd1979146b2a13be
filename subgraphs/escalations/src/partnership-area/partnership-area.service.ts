import { partnershipFootprintOf, type EventHandler, type SubgraphRuntime } from '@safeguarding/shared';
import { PartnershipAreaRepository } from './partnership-area.repository';

/**
 * Takes every event on the bus and keeps the partnerships service's footprints. Each footprint is
 * whole and carries its sequence, so a repeat or a late older event changes nothing (at least once
 * is enough); a first insert racing another replica's fails on the key and the event comes again.
 */
export function partnershipAreaIntake(runtime: Pick<SubgraphRuntime, 'db' | 'logger'>): EventHandler {
  return async (event) => {
    const footprint = partnershipFootprintOf(event);
    if (!footprint) return;
    const applied = await runtime.db.transaction((manager) => new PartnershipAreaRepository(manager).apply(footprint, event.sequence));
    if (applied) runtime.logger.debug({ partnershipId: footprint.partnershipId, sequence: event.sequence }, 'partnership footprint projected');
  };
}
