import { In, type EntityManager, type FindOptionsWhere } from 'typeorm';
import {
  countPerParent,
  firstPerParent,
  queryOfClauses,
  rootPage,
  type AccessScope,
  type Page,
  type PageRequest,
  type SortKey,
  findInScope,
  visibleWhere,
} from '@safeguarding/shared';
import {
  DelegatedSafeguardingPartner,
  Partnership,
  PartnershipArea,
  PartnershipStatus,
  StatutoryPartner,
} from './partnership.entity';

export const partnershipOrder: readonly SortKey<Partnership>[] = [
  { column: 'partnership.name', value: (p) => p.name },
  { column: 'partnership.id', value: (p) => p.id },
];

/**
 * Every read goes through `visible`, built from the caller's scope: a draft is seen only by those
 * acting in that partnership, everything else is public (published arrangements).
 */
/** Earliest delegated first, as the arrangements name them; the id makes the order total. */
export const delegateOrder: readonly SortKey<DelegatedSafeguardingPartner>[] = [
  { column: 'delegate.delegatedFrom', value: (d) => d.delegatedFrom },
  { column: 'delegate.id', value: (d) => d.id },
];

export class PartnershipRepository {
  constructor(
    private readonly manager: EntityManager,
    private readonly scope: AccessScope,
  ) {}

  /**
   * The clauses a caller may see, intersected with what was asked for: never spread the caller's
   * own ids over the requested ones (that would widen the request). Empty: nothing to see.
   */
  private visible(
    filter: { ids?: readonly string[]; status?: PartnershipStatus | null } = {},
  ): FindOptionsWhere<Partnership>[] {
    const byId = filter.ids ? { id: In([...filter.ids]) } : {};
    const published = [PartnershipStatus.ACTIVE, PartnershipStatus.DISSOLVED].filter(
      (status) => !filter.status || status === filter.status,
    );
    const clauses: FindOptionsWhere<Partnership>[] = published.length > 0 ? [{ ...byId, status: In(published) }] : [];
    const own = (this.scope.identity?.partnershipIds ?? []).filter((id) => !filter.ids || filter.ids.includes(id));
    if (own.length > 0 && (!filter.status || filter.status === PartnershipStatus.DRAFT)) {
      clauses.push({ id: In(own), status: PartnershipStatus.DRAFT });
    }
    return clauses;
  }

  async findByIds(ids: readonly string[]): Promise<Partnership[]> {
    const where = this.visible({ ids });
    // A partnership's own trail is where an attempt on it belongs.
    return findInScope(
      this.manager,
      this.scope,
      Partnership,
      'Partnership',
      ids,
      async () => (where.length === 0 ? [] : this.manager.find(Partnership, { where: visibleWhere(where) })),
      {
        columns: [],
        partnershipsOf: async (rows) => new Map(rows.map((row) => [String(row['id']), String(row['id'])])),
      },
    );
  }

  /** A page of the partnerships the caller may see, by name then id, cut in SQL (LIMIT first + 1). */
  async page(status: PartnershipStatus | null, request: PageRequest): Promise<Page<Partnership>> {
    const query = queryOfClauses(this.manager, Partnership, 'partnership', this.visible({ status }));
    return query
      ? rootPage(query, 'partnerships', request, partnershipOrder)
      : { nodes: [], endCursor: null, hasNextPage: false };
  }

  async count(status: PartnershipStatus | null): Promise<number> {
    const where = this.visible({ status });
    return where.length === 0 ? 0 : this.manager.count(Partnership, { where: visibleWhere(where) });
  }

  /** Active partnerships whose footprint includes any of the areas, in one statement. */
  activeCovering(localAuthorityGssCodes: readonly string[]): Promise<Partnership[]> {
    return this.manager
      .createQueryBuilder(Partnership, 'p')
      .innerJoin(PartnershipArea, 'a', 'a.partnershipId = p.id')
      .where('a.localAuthorityGssCode IN (:...codes)', { codes: [...localAuthorityGssCodes] })
      .andWhere('p.status = :status', { status: PartnershipStatus.ACTIVE })
      .orderBy('p.name', 'ASC')
      .take(10)
      .getMany();
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

  /** The first `limit` delegates of each partner after the key, for every partner in one statement. */
  delegatePagesOf(
    partnerIds: readonly string[],
    after: readonly string[] | null,
    limit: number,
  ): Promise<DelegatedSafeguardingPartner[]> {
    return firstPerParent(this.delegatesQuery(partnerIds), {
      id: 'delegate.id',
      parent: 'delegate.partnerId',
      parents: partnerIds.length,
      order: delegateOrder,
      after,
      limit,
    }).getMany();
  }

  delegateCountsOf(partnerIds: readonly string[]): Promise<Map<string, number>> {
    return countPerParent(this.delegatesQuery(partnerIds), 'delegate.partnerId');
  }

  private delegatesQuery(partnerIds: readonly string[]) {
    return this.manager
      .createQueryBuilder(DelegatedSafeguardingPartner, 'delegate')
      .where('delegate.partnerId IN (:...partnerIds)', { partnerIds: [...partnerIds] });
  }

  /** A partner, only through a partnership the caller may see. */
  async partnerById(partnerId: string): Promise<StatutoryPartner | null> {
    const partner = await this.manager.findOneBy(StatutoryPartner, { id: partnerId });
    if (!partner) return null;
    const [visible] = await this.findByIds([partner.partnershipId]);
    return visible ? partner : null;
  }

  async updateLead(
    partnerId: string,
    lead: Pick<StatutoryPartner, 'leadName' | 'leadOffice' | 'leadNamedOn'>,
  ): Promise<void> {
    await this.manager.update(StatutoryPartner, { id: partnerId }, lead);
  }

  async insertDelegate(delegate: DelegatedSafeguardingPartner): Promise<void> {
    await this.manager.insert(DelegatedSafeguardingPartner, delegate);
  }

  /**
   * Other ACTIVE partnerships holding any of these areas. On MySQL the area rows are locked, so two
   * activations claiming the same area cannot both pass the check.
   */
  async activeHoldersOf(gssCodes: readonly string[], excluding: string): Promise<PartnershipArea[]> {
    const query = this.manager
      .createQueryBuilder(PartnershipArea, 'area')
      .innerJoinAndSelect('area.partnership', 'partnership')
      .where('area.localAuthorityGssCode IN (:...codes)', { codes: [...gssCodes] })
      .andWhere('area.partnershipId != :excluding', { excluding });
    if (this.manager.dataSource.options.type !== 'better-sqlite3') query.setLock('pessimistic_write');
    const rows = await query.getMany();
    return rows.filter((row) => row.partnership?.status === PartnershipStatus.ACTIVE);
  }

  async setStatus(
    id: string,
    changes: Partial<Pick<Partnership, 'status' | 'activeFrom' | 'dissolvedOn'>>,
  ): Promise<void> {
    await this.manager.update(Partnership, { id }, changes);
  }

  /** What each active arrangement covers: its LA areas and its partners (kind and code). */
  async activeCoverage(): Promise<{ areas: string[]; partners: Pick<StatutoryPartner, 'kind' | 'code'>[] }[]> {
    const active = await this.manager.find(Partnership, {
      where: { status: PartnershipStatus.ACTIVE },
      select: { id: true },
    });
    const ids = active.map((p) => p.id);
    if (ids.length === 0) return [];
    const [areas, partners] = await Promise.all([
      this.manager.find(PartnershipArea, { where: { partnershipId: In(ids) } }),
      this.manager.find(StatutoryPartner, {
        where: { partnershipId: In(ids) },
        select: { partnershipId: true, kind: true, code: true },
      }),
    ]);
    return ids.map((id) => ({
      areas: areas.filter((a) => a.partnershipId === id).map((a) => a.localAuthorityGssCode),
      partners: partners.filter((p) => p.partnershipId === id),
    }));
  }

  async insert(partnership: Partnership, areas: PartnershipArea[], partners: StatutoryPartner[]): Promise<void> {
    await this.manager.insert(Partnership, partnership);
    await this.manager.insert(PartnershipArea, areas);
    await this.manager.insert(StatutoryPartner, partners);
  }
}
