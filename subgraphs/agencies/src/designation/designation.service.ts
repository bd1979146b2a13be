import { groupByKey, type SubgraphContext } from '@safeguarding/shared';
import type { Agency } from '../agency/agency.entity';
import { DesignationRepository } from './designation.repository';

export class DesignationService {
  constructor(private readonly ctx: SubgraphContext) {}

  async relevantAgencies(partnershipId: string): Promise<Agency[]> {
    const designations = await this.ctx.loaders
      .get<string, Awaited<ReturnType<DesignationRepository['currentFor']>>>('Partnership.relevantAgencies', async (ids) =>
        groupByKey(ids, await new DesignationRepository(this.ctx.db.manager, this.ctx.scope).currentFor(ids, this.ctx.today), (d) => d.partnershipId),
      )
      .load(partnershipId);
    return designations.flatMap((designation) => (designation.agency ? [designation.agency] : []));
  }
}
