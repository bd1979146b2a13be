import { In, type EntityManager, type FindOptionsWhere } from 'typeorm';
import type { AccessScope } from '@safeguarding/shared';
import { Partnership, PartnershipArea, PartnershipStatus, StatutoryPartner } from './partnership.entity';

/**
 * Every read goes through `visible`, built from the caller's scope: a draft is seen only by those
 * acting in that partnership, everything else is public (published arrangements).
 */
export class PartnershipRepository {
  constructor(
    private readonly manager: EntityManager,
    private readonly scope: AccessScope,
  ) {}

  private visible(where: FindOptionsWhere<Partnership> = {}): FindOptionsWhere<Partnership>[] {
    const published = [{ ...where, status: In([PartnershipStatus.ACTIVE, PartnershipStatus.DISSOLVED]) }];
    const own = this.scope.identity?.partnershipIds ?? [];
    if (own.length === 0) return published;
    return [...published, { ...where, status: PartnershipStatus.DRAFT, id: In([...own]) }];
  }

  findByIds(ids: readonly string[]): Promise<Partnership[]> {
    return this.manager.find(Partnership, { where: this.visible({ id: In([...ids]) }) });
  }

  list(status: PartnershipStatus | null): Promise<Partnership[]> {
    return this.manager.find(Partnership, {
      where: this.visible(status ? { status } : {}),
      order: { name: 'ASC' },
    });
  }

  // Areas and partners are only ever asked for through a partnership the caller could see.
  areasOf(partnershipIds: readonly string[]): Promise<PartnershipArea[]> {
    return this.manager.find(PartnershipArea, {
      where: { partnershipId: In([...partnershipIds]) },
      order: { localAuthorityGssCode: 'ASC' },
    });
  }

  partnersOf(partnershipIds: readonly string[]): Promise<StatutoryPartner[]> {
    return this.manager.find(StatutoryPartner, {
      where: { partnershipId: In([...partnershipIds]) },
      order: { kind: 'ASC', code: 'ASC' },
    });
  }

  async insert(partnership: Partnership, areas: PartnershipArea[], partners: StatutoryPartner[]): Promise<void> {
    await this.manager.insert(Partnership, partnership);
    await this.manager.insert(PartnershipArea, areas);
    await this.manager.insert(StatutoryPartner, partners);
  }
}
