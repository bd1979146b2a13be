import {
  inTransaction,
  recordEvents,
  type SchoolDirectoryEntry,
  type SchoolDirectoryEventType,
  type SubgraphRuntime,
} from '@safeguarding/shared';
import type { EntityManager } from 'typeorm';
import { School, SchoolStatus } from './school.entity';

function entryOf(school: Pick<School, 'urn' | 'status' | 'localAuthorityDfeCode'>): SchoolDirectoryEntry {
  // GIAS gives a closing date only in its full extract; the register keeps the status alone.
  return {
    urn: school.urn,
    status: school.status,
    closedOn: null,
    localAuthorityDfeCode: school.localAuthorityDfeCode,
  };
}

export interface SchoolChange {
  readonly school: School;
  /** The row as it was; null when new. */
  readonly before: Pick<School, 'status'> | null;
}

/**
 * States each changed school's entry in the change's transaction (the escalations service keeps a
 * directory of them to refuse URNs that name no open school): one read and one insert a batch.
 */
export async function recordSchoolEvents(
  manager: EntityManager,
  at: Date,
  changes: readonly SchoolChange[],
): Promise<void> {
  await recordEvents(
    manager,
    changes.map(({ school, before }) => {
      const type: Exclude<SchoolDirectoryEventType, 'school.announced'> = !before
        ? 'school.registered'
        : school.status === SchoolStatus.CLOSED && before.status !== SchoolStatus.CLOSED
          ? 'school.closed'
          : 'school.changed';
      return { type, entityType: 'School', entityId: school.urn, occurredAt: at, payload: entryOf(school) };
    }),
  );
}

// A GIAS import holds some 50,000 schools: batches keep each insert within SQLite's bound parameters.
const announceBatch = 500;

/**
 * Schools the outbox has never described (demo data, rows imported before these events existed)
 * are announced once, as they stand, walking the register by URN. Run at every start; once all
 * are announced it costs one indexed read.
 */
export async function announceUnannouncedSchools({ db, now }: SubgraphRuntime): Promise<void> {
  let after = '';
  for (;;) {
    const announced = await inTransaction(db, async (manager) => {
      const unannounced = await manager
        .getRepository(School)
        .createQueryBuilder('school')
        .select(['school.urn', 'school.status', 'school.localAuthorityDfeCode'])
        .where('school.urn > :after', { after })
        .andWhere(
          `NOT EXISTS (SELECT 1 FROM outbox_event event WHERE event.entityType = 'School' AND event.entityId = school.urn)`,
        )
        .orderBy('school.urn', 'ASC')
        .limit(announceBatch)
        .getMany();
      const at = now();
      await recordEvents(
        manager,
        unannounced.map((school) => ({
          type: 'school.announced',
          entityType: 'School',
          entityId: school.urn,
          occurredAt: at,
          payload: entryOf(school),
        })),
      );
      return unannounced;
    });
    if (announced.length < announceBatch) return;
    after = announced[announced.length - 1]!.urn;
  }
}
