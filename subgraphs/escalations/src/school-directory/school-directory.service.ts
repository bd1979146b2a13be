import {
  projectionIntake,
  schoolDirectoryEntryOf,
  type EventHandler,
  type SubgraphRuntime,
} from '@safeguarding/shared';
import type { EntityManager } from 'typeorm';
import { requireOpenEntries, type RegisterReference } from '../external/register-check';
import { SchoolDirectoryRepository } from './school-directory.repository';

/** Keeps the schools service's entries from every event on the bus; the debug line leaves the URN out. */
export function schoolDirectoryIntake(runtime: Pick<SubgraphRuntime, 'db' | 'logger'>): EventHandler {
  return projectionIntake(
    runtime,
    schoolDirectoryEntryOf,
    (manager, { urn, ...fields }, sequence) => new SchoolDirectoryRepository(manager).apply(urn, fields, sequence),
    { message: 'school entry projected' },
  );
}

/** An id shaped like a school's URN (GIAS: six digits), as opposed to an agency's UUID. */
const urnPattern = /^\d{6}$/;

/**
 * Refuses, naming the field and never the URN, one that names no school on the register or one
 * that has closed. One statement for all the URNs of an input.
 */
export async function requireOpenSchools(
  manager: EntityManager,
  references: readonly RegisterReference[],
): Promise<void> {
  const schools = references.filter((ref) => urnPattern.test(ref.id));
  if (schools.length === 0) return;
  const entries = await new SchoolDirectoryRepository(manager).entriesOf(schools.map((ref) => ref.id));
  requireOpenEntries(schools, (ref) => entries.get(ref.id), {
    missing: 'names no school on the register of establishments (GIAS)',
    noun: 'a school',
  });
}
