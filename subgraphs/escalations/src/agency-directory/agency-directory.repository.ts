import { In, type EntityManager } from 'typeorm';
import type { AgencyDirectoryEntry as AgencyEvent } from '@safeguarding/shared';
import { AgencyDirectoryEntry } from './agency-directory.entity';

export class AgencyDirectoryRepository {
  constructor(private readonly manager: EntityManager) {}

  /** The entries of these ids, in one statement; an id with none names no registered agency. */
  async entriesOf(agencyIds: readonly string[]): Promise<Map<string, AgencyDirectoryEntry>> {
    if (agencyIds.length === 0) return new Map();
    const rows = await this.manager.find(AgencyDirectoryEntry, { where: { agencyId: In([...new Set(agencyIds)]) } });
    return new Map(rows.map((row) => [row.agencyId, row]));
  }

  /** Keeps the entry unless a later one is already kept; whether it did. */
  async apply(entry: AgencyEvent, sequence: number): Promise<boolean> {
    const kept = await this.manager.findOne(AgencyDirectoryEntry, { where: { agencyId: entry.agencyId }, ...this.lock() });
    if (kept && kept.sequence >= sequence) return false;
    const fields = { kind: entry.kind, status: entry.status, closedOn: entry.closedOn, sequence };
    if (kept) await this.manager.update(AgencyDirectoryEntry, { agencyId: entry.agencyId }, fields);
    else await this.manager.insert(AgencyDirectoryEntry, { agencyId: entry.agencyId, ...fields });
    return true;
  }

  private lock(): { lock?: { mode: 'pessimistic_write' } } {
    // SQLite's write transactions hold the database already.
    return this.manager.connection.options.type === 'better-sqlite3' ? {} : { lock: { mode: 'pessimistic_write' } };
  }
}
