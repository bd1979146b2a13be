import { In, type EntityManager } from 'typeorm';
import type { SchoolDirectoryEntry as SchoolEvent } from '@safeguarding/shared';
import { SchoolDirectoryEntry } from './school-directory.entity';

export class SchoolDirectoryRepository {
  constructor(private readonly manager: EntityManager) {}

  /** The entries of these URNs, in one statement; a URN with none names no registered school. */
  async entriesOf(urns: readonly string[]): Promise<Map<string, SchoolDirectoryEntry>> {
    if (urns.length === 0) return new Map();
    const rows = await this.manager.find(SchoolDirectoryEntry, { where: { urn: In([...new Set(urns)]) } });
    return new Map(rows.map((row) => [row.urn, row]));
  }

  /** Keeps the entry unless a later one is already kept; whether it did. */
  async apply(entry: SchoolEvent, sequence: number): Promise<boolean> {
    const kept = await this.manager.findOne(SchoolDirectoryEntry, { where: { urn: entry.urn }, ...this.lock() });
    if (kept && kept.sequence >= sequence) return false;
    const fields = { status: entry.status, closedOn: entry.closedOn, localAuthorityDfeCode: entry.localAuthorityDfeCode, sequence };
    if (kept) await this.manager.update(SchoolDirectoryEntry, { urn: entry.urn }, fields);
    else await this.manager.insert(SchoolDirectoryEntry, { urn: entry.urn, ...fields });
    return true;
  }

  private lock(): { lock?: { mode: 'pessimistic_write' } } {
    // SQLite's write transactions hold the database already.
    return this.manager.connection.options.type === 'better-sqlite3' ? {} : { lock: { mode: 'pessimistic_write' } };
  }
}
