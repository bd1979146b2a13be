import { LatestSequenceProjection } from '@safeguarding/shared';
import type { EntityManager } from 'typeorm';
import { AgencyDirectoryEntry } from './agency-directory.entity';

/** The agencies register as the agencies service's events last stated it, one row per agency id. */
export class AgencyDirectoryRepository extends LatestSequenceProjection<AgencyDirectoryEntry, 'agencyId'> {
  constructor(manager: EntityManager) {
    super(manager, AgencyDirectoryEntry, 'agencyId');
  }
}
