import {
  partnershipFootprintOf,
  projectionIntake,
  type EventHandler,
  type SubgraphRuntime,
} from '@safeguarding/shared';
import { PartnershipAreaRepository } from './partnership-area.repository';

/** Keeps the partnerships service's footprints from every event on the bus. */
export function partnershipAreaIntake(runtime: Pick<SubgraphRuntime, 'db' | 'logger'>): EventHandler {
  return projectionIntake(
    runtime,
    partnershipFootprintOf,
    (manager, footprint, sequence) => new PartnershipAreaRepository(manager).apply(footprint, sequence),
    { message: 'partnership footprint projected', fields: (footprint) => ({ partnershipId: footprint.partnershipId }) },
  );
}
