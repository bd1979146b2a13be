import {
  agencyDirectoryEntryOf,
  projectionIntake,
  StatutoryDirectory,
  type EventHandler,
  type ReferenceData,
  type SubgraphRuntime,
} from '@safeguarding/shared';
import type { EntityManager } from 'typeorm';
import { requireOpenEntries, type RegisterReference } from '../external/register-check';
import { AgencyDirectoryRepository } from './agency-directory.repository';

/** Keeps the agencies service's entries from every event on the bus. */
export function agencyDirectoryIntake(runtime: Pick<SubgraphRuntime, 'db' | 'logger'>): EventHandler {
  return projectionIntake(
    runtime,
    agencyDirectoryEntryOf,
    (manager, { agencyId, ...fields }, sequence) =>
      new AgencyDirectoryRepository(manager).apply(agencyId, fields, sequence),
    { message: 'agency entry projected', fields: (entry) => ({ agencyId: entry.agencyId }) },
  );
}

/** An id shaped like an agency's (a UUID), as opposed to a school's URN. */
const agencyIdPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Refuses, naming the field, an id that names no agency on the register, or one that has closed.
 * Statutory partners are left to the reference data's own check (StatutoryDirectory), which knows
 * when each ended and who took on its duties. One statement for all the ids of an input.
 */
export async function requireLiveAgencies(
  manager: EntityManager,
  reference: ReferenceData,
  references: readonly RegisterReference[],
): Promise<void> {
  const statutory = StatutoryDirectory.of(reference);
  const registered = references.filter((ref) => agencyIdPattern.test(ref.id) && !statutory.isStatutoryPartner(ref.id));
  if (registered.length === 0) return;
  const entries = await new AgencyDirectoryRepository(manager).entriesOf(registered.map((ref) => ref.id.toLowerCase()));
  requireOpenEntries(registered, (ref) => entries.get(ref.id.toLowerCase()), {
    missing: 'names no registered agency or statutory partner',
    noun: 'an agency',
  });
}
