import { In, type EntityManager } from 'typeorm';
import type { AccessScope } from '@safeguarding/shared';
import { SafeguardingLead } from './safeguarding-lead.entity';

/**
 * Safeguarding leads are named staff with contact details: any signed-in caller may read them
 * (practitioners need to reach a school's DSL), anonymous callers none.
 */
export class SafeguardingLeadRepository {
  constructor(
    private readonly manager: EntityManager,
    readonly scope: AccessScope,
  ) {}

  ofSchools(urns: readonly string[]): Promise<SafeguardingLead[]> {
    if (this.scope.isAnonymous) return Promise.resolve([]);
    return this.manager.find(SafeguardingLead, { where: { urn: In([...urns]) }, order: { role: 'DESC', name: 'ASC' } });
  }

  /**
   * The next URNs that have leads, in order, for the start-up reconciliation of obligations; and
   * their leads. Not filtered by a caller: nobody reads these, they only recompute the ledger.
   */
  async schoolsPage(afterUrn: string | null, size: number): Promise<string[]> {
    const query = this.manager
      .createQueryBuilder(SafeguardingLead, 'lead')
      .select('DISTINCT lead.urn', 'urn')
      .orderBy('lead.urn', 'ASC')
      .limit(size);
    if (afterUrn !== null) query.where('lead.urn > :afterUrn', { afterUrn });
    return (await query.getRawMany<{ urn: string }>()).map((row) => row.urn);
  }

  leadsOf(urns: readonly string[]): Promise<SafeguardingLead[]> {
    return this.manager.find(SafeguardingLead, { where: { urn: In([...urns]) }, order: { urn: 'ASC', id: 'ASC' } });
  }

  async replace(urn: string, leads: readonly SafeguardingLead[]): Promise<void> {
    await this.manager.delete(SafeguardingLead, { urn });
    if (leads.length > 0)
      await this.manager.insert(
        SafeguardingLead,
        leads.map((lead) => ({ ...lead })),
      );
  }
}
