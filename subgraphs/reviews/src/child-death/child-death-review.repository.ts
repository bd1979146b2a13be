import { Between, In, IsNull, type EntityManager, type FindOptionsWhere } from 'typeorm';
import {
  countOfClauses,
  countsOfClauses,
  pageOfClauses,
  pagesOfClauses,
  type Page,
  type PageRequest,
  type SortKey,
  type AccessScope,
  findInScope,
  visibleWhere,
} from '@safeguarding/shared';
import { caseClauses } from '../common/case-access';
import { CdopNotificationSetting, ChildDeathReview } from './child-death-review.entity';

type Where = FindOptionsWhere<ChildDeathReview>;

/** Newest death first; the id makes the order total. */
export const childDeathReviewOrder: readonly SortKey<ChildDeathReview>[] = [
  { column: 'death.dateOfDeath', descending: true, value: (r) => r.dateOfDeath },
  { column: 'death.id', value: (r) => r.id },
];

/**
 * Child death reviews are case-level: read through `visible` by that partnership's staff only (they
 * go to the CDOP, not to the national Panel). Aggregates read every row, and publish only
 * suppressed counts.
 */
export class ChildDeathReviewRepository {
  constructor(
    private readonly manager: EntityManager,
    private readonly scope: AccessScope,
  ) {}

  private visible(where: Where, within: readonly string[] | null = null): Where[] {
    return caseClauses(this.scope, where, within, { panelSees: false });
  }

  private async find(where: Where[]): Promise<ChildDeathReview[]> {
    if (where.length === 0) return [];
    return this.manager.find(ChildDeathReview, { where, order: { dateOfDeath: 'DESC', id: 'ASC' } });
  }

  /**
   * Who reviews the death of any of these children (the LA and ICB partners) and the day of death,
   * for a child's picture, which decides who may see them (Child.involvements). Not filtered by the
   * caller, as the picture must know every holder to tell whether the caller is one.
   */
  holdersAbout(
    childReferences: readonly string[],
  ): Promise<
    Pick<
      ChildDeathReview,
      'id' | 'childReference' | 'localAuthorityId' | 'integratedCareBoardId' | 'dateOfDeath' | 'partnershipId'
    >[]
  > {
    if (childReferences.length === 0) return Promise.resolve([]);
    return this.manager.find(ChildDeathReview, {
      select: {
        id: true,
        childReference: true,
        localAuthorityId: true,
        integratedCareBoardId: true,
        dateOfDeath: true,
        partnershipId: true,
      },
      where: { childReference: In([...childReferences]) },
      order: { dateOfDeath: 'ASC', id: 'ASC' },
    });
  }

  /** The ids of the reviews about these children the caller may read (`visible`). */
  async readableAbout(childReferences: readonly string[]): Promise<Set<string>> {
    const clauses = this.visible({ childReference: In([...childReferences]) });
    if (childReferences.length === 0 || clauses.length === 0) return new Set();
    const rows = await this.manager.find(ChildDeathReview, { select: { id: true }, where: visibleWhere(clauses) });
    return new Set(rows.map((row) => row.id));
  }

  findByIds(ids: readonly string[]): Promise<ChildDeathReview[]> {
    return findInScope(this.manager, this.scope, ChildDeathReview, 'ChildDeathReview', ids, () =>
      this.find(this.visible({ id: In([...ids]) })),
    );
  }

  ofPartnerships(partnershipIds: readonly string[]): Promise<ChildDeathReview[]> {
    return this.find(this.visible({}, partnershipIds));
  }

  /** A page of what the caller may see, in every partnership or within some, cut in SQL. */
  page(within: readonly string[] | null, request: PageRequest): Promise<Page<ChildDeathReview>> {
    return pageOfClauses(
      this.manager,
      ChildDeathReview,
      'death',
      this.visible({}, within),
      'childDeathReviews',
      request,
      childDeathReviewOrder,
    );
  }

  count(within: readonly string[] | null): Promise<number> {
    return countOfClauses(this.manager, ChildDeathReview, this.visible({}, within));
  }

  /** Each partnership's page, for all of them in one statement. */
  pagesOf(
    partnershipIds: readonly string[],
    after: readonly string[] | null,
    limit: number,
  ): Promise<ChildDeathReview[]> {
    return pagesOfClauses(this.manager, ChildDeathReview, 'death', this.visible({}, partnershipIds), {
      parent: 'death.partnershipId',
      parents: partnershipIds.length,
      order: childDeathReviewOrder,
      after,
      limit,
    });
  }

  countsOf(partnershipIds: readonly string[]): Promise<Map<string, number>> {
    return countsOfClauses(
      this.manager,
      ChildDeathReview,
      'death',
      this.visible({}, partnershipIds),
      'death.partnershipId',
    );
  }

  unnotifiedOf(partnershipIds: readonly string[]): Promise<ChildDeathReview[]> {
    return this.find(this.visible({ cdopNotifiedOn: IsNull() }, partnershipIds));
  }

  /**
   * For suppressed aggregates only (the caller never sees a row): one page of the areas with deaths
   * in the year, by GSS code after the cursor, `first + 1` of them in one statement.
   */
  async areasWithDeathsIn(year: number, localAuthorityGssCode: string | null, request: PageRequest): Promise<string[]> {
    const query = this.diedInQuery(year, localAuthorityGssCode)
      .select('death.localAuthorityGssCode', 'gssCode')
      .distinct(true)
      .orderBy('death.localAuthorityGssCode', 'ASC')
      .limit(request.first + 1);
    const after = request.after?.[0];
    if (after !== undefined) query.andWhere('death.localAuthorityGssCode > :after', { after });
    const rows = await query.getRawMany<{ gssCode: string }>();
    return rows.map((row) => row.gssCode);
  }

  async countAreasWithDeathsIn(year: number, localAuthorityGssCode: string | null): Promise<number> {
    const row = await this.diedInQuery(year, localAuthorityGssCode)
      .select('COUNT(DISTINCT death.localAuthorityGssCode)', 'n')
      .getRawOne<{ n: number | string }>();
    return Number(row?.n ?? 0);
  }

  /** The deaths of these areas in the year, only the columns the suppressed counts need. */
  diedIn(
    year: number,
    localAuthorityGssCodes: readonly string[],
  ): Promise<Array<Pick<ChildDeathReview, 'localAuthorityGssCode' | 'category' | 'modifiableFactorsIdentified'>>> {
    if (localAuthorityGssCodes.length === 0) return Promise.resolve([]);
    const y = String(year).padStart(4, '0');
    return this.manager.find(ChildDeathReview, {
      select: { localAuthorityGssCode: true, category: true, modifiableFactorsIdentified: true },
      where: {
        dateOfDeath: Between(`${y}-01-01`, `${y}-12-31`),
        localAuthorityGssCode: In([...localAuthorityGssCodes]),
      },
      order: { localAuthorityGssCode: 'ASC' },
    });
  }

  private diedInQuery(year: number, localAuthorityGssCode: string | null) {
    const y = String(year).padStart(4, '0');
    const query = this.manager
      .createQueryBuilder(ChildDeathReview, 'death')
      .where('death.dateOfDeath BETWEEN :from AND :to', { from: `${y}-01-01`, to: `${y}-12-31` });
    return localAuthorityGssCode
      ? query.andWhere('death.localAuthorityGssCode = :gss', { gss: localAuthorityGssCode })
      : query;
  }

  settingsOf(partnershipIds: readonly string[]): Promise<CdopNotificationSetting[]> {
    return this.manager.find(CdopNotificationSetting, { where: { partnershipId: In([...partnershipIds]) } });
  }

  async saveSetting(partnershipId: string, hours: number): Promise<void> {
    if (await this.manager.existsBy(CdopNotificationSetting, { partnershipId })) {
      await this.manager.update(CdopNotificationSetting, { partnershipId }, { hours });
    } else {
      await this.manager.insert(CdopNotificationSetting, { partnershipId, hours });
    }
  }

  async insert(review: ChildDeathReview): Promise<void> {
    await this.manager.insert(ChildDeathReview, review);
  }

  async update(id: string, where: Where, changes: Partial<ChildDeathReview>): Promise<boolean> {
    const result = await this.manager.update(ChildDeathReview, { ...where, id }, changes);
    return result.affected === 1;
  }
}
