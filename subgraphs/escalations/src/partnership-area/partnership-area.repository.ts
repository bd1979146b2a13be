import { In, type EntityManager } from 'typeorm';
import { LatestSequenceProjection, type PartnershipFootprint } from '@safeguarding/shared';
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

  /**
   * Replaces the partnership's areas with the footprint unless a later one is already kept; whether
   * it did. The sequence is kept apart from the areas, as a footprint may state none.
   */
  async apply(footprint: PartnershipFootprint, sequence: number): Promise<boolean> {
    const seen = new LatestSequenceProjection(this.manager, PartnershipFootprintSeen, 'partnershipId');
    if (!(await seen.apply(footprint.partnershipId, {}, sequence))) return false;
    await this.manager.delete(PartnershipArea, { partnershipId: footprint.partnershipId });
    if (footprint.localAuthorityGssCodes.length > 0) {
      await this.manager.insert(
        PartnershipArea,
        footprint.localAuthorityGssCodes.map((localAuthorityGssCode) => ({
          partnershipId: footprint.partnershipId,
          localAuthorityGssCode,
          status: footprint.status,
          sequence,
        })),
      );
    }
    return true;
  }
}
