import { agencyDirectoryEntryOf, BadUserInputError, StatutoryDirectory, type EventHandler, type ReferenceData, type SubgraphRuntime } from '@safeguarding/shared';
import type { EntityManager } from 'typeorm';
import { AgencyDirectoryRepository } from './agency-directory.repository';

/**
 * Takes every event on the bus and keeps the agencies service's entries. Each entry is whole and
 * carries its sequence, so a repeat or a late older event changes nothing (at least once is
 * enough); a first insert racing another replica's fails on the key and the event comes again.
 */
export function agencyDirectoryIntake(runtime: Pick<SubgraphRuntime, 'db' | 'logger'>): EventHandler {
  return async (event) => {
    const entry = agencyDirectoryEntryOf(event);
    if (!entry) return;
    const applied = await runtime.db.transaction((manager) => new AgencyDirectoryRepository(manager).apply(entry, event.sequence));
    if (applied) runtime.logger.debug({ agencyId: entry.agencyId, sequence: event.sequence }, 'agency entry projected');
  };
}

export interface AgencyReference {
  readonly id: string;
  readonly field: string;
}

/** An id shaped like an agency's (a UUID), as opposed to a school's URN. */
const agencyIdPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Refuses, naming the field, an id that names no agency on the register, or one that has closed.
 * Statutory partners are left to the reference data's own check (StatutoryDirectory), which knows
 * when each ended and who took on its duties. One statement for all the ids of an input.
 */
export async function requireLiveAgencies(manager: EntityManager, reference: ReferenceData, references: readonly AgencyReference[]): Promise<void> {
  const statutory = StatutoryDirectory.of(reference);
  const registered = references.filter((ref) => agencyIdPattern.test(ref.id) && !statutory.isStatutoryPartner(ref.id));
  if (registered.length === 0) return;
  const entries = await new AgencyDirectoryRepository(manager).entriesOf(registered.map((ref) => ref.id.toLowerCase()));
  for (const ref of registered) {
    const entry = entries.get(ref.id.toLowerCase());
    if (!entry) throw new BadUserInputError(ref.field, 'names no registered agency or statutory partner');
    if (entry.status === 'CLOSED') {
      throw new BadUserInputError(ref.field, entry.closedOn ? `names an agency that closed on ${entry.closedOn}` : 'names an agency that has closed');
    }
  }
}
