import { In, LessThan, type EntityManager, type FindOptionsWhere, type SelectQueryBuilder } from 'typeorm';
import {
  countPerParent,
  findInScope,
  firstPerParent,
  queryOfClauses,
  type AccessScope,
  type SortKey,
  visibleWhere,
} from '@safeguarding/shared';
import { caseOrOwnerClauses } from '../common/case-access';
import type { OwnerKind } from '../common/organisation-owner';
import { Recommendation, ReviewAction, ReviewActionStatus } from './recommendation.entity';

const unfinished = [ReviewActionStatus.OPEN, ReviewActionStatus.IN_PROGRESS];

/** A recommendation has no date of its own: by id, which is stable and total. */
export const recommendationOrder: readonly SortKey<Recommendation>[] = [
  { column: 'recommendation.id', value: (r) => r.id },
];

/** Soonest due first; the id makes the order total. */
export const actionOrder: readonly SortKey<ReviewAction>[] = [
  { column: 'action.dueOn', value: (a) => a.dueOn },
  { column: 'action.id', value: (a) => a.id },
];

export type RecommendationParent = 'practiceReviewId' | 'ownerOrganisationId';
export type ActionParent = 'recommendationId' | 'ownerOrganisationId' | 'partnershipId';
export interface ActionFilter {
  readonly ownerKind?: OwnerKind;
  readonly overdueOn?: string;
}

/**
 * Recommendations and actions are case-level: every read goes through `visible`, which keeps the
 * caller's own organisation's (as owner) and, for partnership staff, their partnerships'.
 */
export class RecommendationRepository {
  constructor(
    private readonly manager: EntityManager,
    private readonly scope: AccessScope,
  ) {}

  private visible<T extends Recommendation | ReviewAction>(
    where: FindOptionsWhere<T>,
    within: readonly string[] | null = null,
  ): FindOptionsWhere<T>[] {
    return caseOrOwnerClauses<T>(this.scope, where, within);
  }

  findByIds(ids: readonly string[]): Promise<Recommendation[]> {
    return findInScope(this.manager, this.scope, Recommendation, 'Recommendation', ids, () =>
      this.manager.find(Recommendation, { where: visibleWhere(this.visible<Recommendation>({ id: In([...ids]) })) }),
    );
  }

  /**
   * A page per parent (a review, an owner, a recommendation or a partnership) for every parent asked
   * for in one statement. The parent is filtered again on top of `visible`: its owner clause names
   * the caller's own organisation, which must not fill another parent's page.
   */
  recommendationPages(
    parent: RecommendationParent,
    parentIds: readonly string[],
    kind: OwnerKind | null,
    after: readonly string[] | null,
    limit: number,
  ): Promise<Recommendation[]> {
    const query = this.recommendationQuery(parent, parentIds, kind);
    if (!query) return Promise.resolve([]);
    return firstPerParent(query, {
      id: 'recommendation.id',
      parent: `recommendation.${parent}`,
      parents: parentIds.length,
      order: recommendationOrder,
      after,
      limit,
    }).getMany();
  }

  async recommendationCounts(
    parent: RecommendationParent,
    parentIds: readonly string[],
    kind: OwnerKind | null,
  ): Promise<Map<string, number>> {
    const query = this.recommendationQuery(parent, parentIds, kind);
    return query ? countPerParent(query, `recommendation.${parent}`) : new Map();
  }

  private recommendationQuery(
    parent: RecommendationParent,
    parentIds: readonly string[],
    kind: OwnerKind | null,
  ): SelectQueryBuilder<Recommendation> | null {
    const where: FindOptionsWhere<Recommendation> = {
      [parent]: In([...parentIds]),
      ...(kind ? { ownerKind: kind } : {}),
    };
    return (
      queryOfClauses(this.manager, Recommendation, 'recommendation', this.visible<Recommendation>(where))?.andWhere(
        `recommendation.${parent} IN (:...parentIds)`,
        { parentIds: [...parentIds] },
      ) ?? null
    );
  }

  actionsByIds(ids: readonly string[]): Promise<ReviewAction[]> {
    return findInScope(this.manager, this.scope, ReviewAction, 'ReviewAction', ids, () =>
      this.manager.find(ReviewAction, { where: visibleWhere(this.visible<ReviewAction>({ id: In([...ids]) })) }),
    );
  }

  /** `overdueOn` keeps only the actions not completed and due before that day (a partnership's overdue ones). */
  actionPages(
    parent: ActionParent,
    parentIds: readonly string[],
    filter: ActionFilter,
    after: readonly string[] | null,
    limit: number,
  ): Promise<ReviewAction[]> {
    const query = this.actionQuery(parent, parentIds, filter);
    if (!query) return Promise.resolve([]);
    return firstPerParent(query, {
      id: 'action.id',
      parent: `action.${parent}`,
      parents: parentIds.length,
      order: actionOrder,
      after,
      limit,
    }).getMany();
  }

  async actionCounts(
    parent: ActionParent,
    parentIds: readonly string[],
    filter: ActionFilter,
  ): Promise<Map<string, number>> {
    const query = this.actionQuery(parent, parentIds, filter);
    return query ? countPerParent(query, `action.${parent}`) : new Map();
  }

  private actionQuery(
    parent: ActionParent,
    parentIds: readonly string[],
    filter: ActionFilter,
  ): SelectQueryBuilder<ReviewAction> | null {
    const where: FindOptionsWhere<ReviewAction> = {
      ...(parent === 'partnershipId' ? {} : { [parent]: In([...parentIds]) }),
      ...(filter.ownerKind ? { ownerKind: filter.ownerKind } : {}),
      ...(filter.overdueOn ? { status: In(unfinished), dueOn: LessThan(filter.overdueOn) } : {}),
    };
    const clauses = this.visible<ReviewAction>(where, parent === 'partnershipId' ? parentIds : null);
    return (
      queryOfClauses(this.manager, ReviewAction, 'action', clauses)?.andWhere(`action.${parent} IN (:...parentIds)`, {
        parentIds: [...parentIds],
      }) ?? null
    );
  }

  async insertRecommendation(recommendation: Recommendation): Promise<void> {
    await this.manager.insert(Recommendation, recommendation);
  }

  async insertAction(action: ReviewAction): Promise<void> {
    await this.manager.insert(ReviewAction, action);
  }

  async transitionAction(id: string, from: ReviewActionStatus, changes: Partial<ReviewAction>): Promise<boolean> {
    const result = await this.manager.update(ReviewAction, { id, status: from }, changes);
    return result.affected === 1;
  }
}
