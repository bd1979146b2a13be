import { LatestSequenceProjection } from '@safeguarding/shared';
import type { EntityManager } from 'typeorm';
import { SchoolDirectoryEntry } from './school-directory.entity';

/** The schools register as the schools service's events last stated it, one row per URN. */
export class SchoolDirectoryRepository extends LatestSequenceProjection<SchoolDirectoryEntry, 'urn'> {
  constructor(manager: EntityManager) {
    super(manager, SchoolDirectoryEntry, 'urn');
  }
}
