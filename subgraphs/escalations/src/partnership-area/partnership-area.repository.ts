import { In, type EntityManager } from 'typeorm';
import type { PartnershipFootprint } from '@safeguarding/shared';
import { PartnershipArea, PartnershipFootprintSeen } from './partnership-area.entity';

export class PartnershipAreaRepository {
  constructor(private readonly manager: EntityManager) {}

  /** The ACTIVE arrangement covering each of these areas (at most one: the partnerships service enforces it). */
  async activeHolders(gssCodes: readonly string[]): Promise<Map<string, string>> {
    if (gssCodes.length === 0) return new Map();
    const rows = await this.manager.find(PartnershipArea, {
      where: { localAuthorityGssCode: In([...new Set(gssCodes)]), status: 'ACTIVE' },
      select: { localAuthorityGssCode: true, partnershipId: true },
    });
    return new Map(rows.map((row) => [row.localAuthorityGssCode, row.partnershipId]));
  }

  /** Replaces the partnership's areas with the footprint unless a later one is already kept; whether it did. */
  async apply(footprint: PartnershipFootprint, sequence: number): Promise<boolean> {
    const seen = await this.manager.findOne(PartnershipFootprintSeen, { where: { partnershipId: footprint.partnershipId }, ...this.lock() });
    if (seen && seen.sequence >= sequence) return false;
    if (seen) await this.manager.update(PartnershipFootprintSeen, { partnershipId: footprint.partnershipId }, { sequence });
    else await this.manager.insert(PartnershipFootprintSeen, { partnershipId: footprint.partnershipId, sequence });
    await this.manager.delete(PartnershipArea, { partnershipId: footprint.partnershipId });
    if (footprint.localAuthorityGssCodes.length > 0) {
      await this.manager.insert(
        PartnershipArea,
        footprint.localAuthorityGssCodes.map((localAuthorityGssCode) => ({ partnershipId: footprint.partnershipId, localAuthorityGssCode, status: footprint.status, sequence })),
      );
    }
    return true;
  }

  private lock(): { lock?: { mode: 'pessimistic_write' } } {
    // SQLite's write transactions hold the database already.
    return this.manager.connection.options.type === 'better-sqlite3' ? {} : { lock: { mode: 'pessimistic_write' } };
  }
}
