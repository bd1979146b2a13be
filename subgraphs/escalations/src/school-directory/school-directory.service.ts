import { BadUserInputError, schoolDirectoryEntryOf, type EventHandler, type SubgraphRuntime } from '@safeguarding/shared';
import type { EntityManager } from 'typeorm';
import { SchoolDirectoryRepository } from './school-directory.repository';

/**
 * Takes every event on the bus and keeps the schools service's entries. Each entry is whole and
 * carries its sequence, so a repeat or a late older event changes nothing (at least once is
 * enough); a first insert racing another replica's fails on the key and the event comes again.
 */
export function schoolDirectoryIntake(runtime: Pick<SubgraphRuntime, 'db' | 'logger'>): EventHandler {
  return async (event) => {
    const entry = schoolDirectoryEntryOf(event);
    if (!entry) return;
    const applied = await runtime.db.transaction((manager) => new SchoolDirectoryRepository(manager).apply(entry, event.sequence));
    if (applied) runtime.logger.debug({ sequence: event.sequence }, 'school entry projected');
  };
}

export interface SchoolReference {
  readonly id: string;
  readonly field: string;
}

/** An id shaped like a school's URN (GIAS: six digits), as opposed to an agency's UUID. */
const urnPattern = /^\d{6}$/;

/**
 * Refuses, naming the field and never the URN, one that names no school on the register or one
 * that has closed: a closed establishment has no one to answer for it. One statement for all the
 * URNs of an input.
 */
export async function requireOpenSchools(manager: EntityManager, references: readonly SchoolReference[]): Promise<void> {
  const schools = references.filter((ref) => urnPattern.test(ref.id));
  if (schools.length === 0) return;
  const entries = await new SchoolDirectoryRepository(manager).entriesOf(schools.map((ref) => ref.id));
  for (const ref of schools) {
    const entry = entries.get(ref.id);
    if (!entry) throw new BadUserInputError(ref.field, 'names no school on the register of establishments (GIAS)');
    if (entry.status === 'CLOSED') {
      throw new BadUserInputError(ref.field, entry.closedOn ? `names a school that closed on ${entry.closedOn}` : 'names a school that has closed');
    }
  }
}
