import { In, LessThan, type EntityManager, type FindOptionsWhere } from 'typeorm';
import { findInScope, type AccessScope } from '@safeguarding/shared';
import { caseOrOwnerClauses } from '../common/case-access';
import type { OwnerKind } from '../common/organisation-owner';
import { Recommendation, ReviewAction, ReviewActionStatus } from './recommendation.entity';

const unfinished = [ReviewActionStatus.OPEN, ReviewActionStatus.IN_PROGRESS];

/**
 * Recommendations and actions are case-level: every read goes through `visible`, which keeps the
 * caller's own organisation's (as owner) and, for partnership staff, their partnerships'.
 */
export class RecommendationRepository {
  constructor(
    private readonly manager: EntityManager,
    private readonly scope: AccessScope,
  ) {}

  private visible<T extends Recommendation | ReviewAction>(where: FindOptionsWhere<T>, within: readonly string[] | null = null): FindOptionsWhere<T>[] {
    return caseOrOwnerClauses<T>(this.scope, where, within);
  }

  findByIds(ids: readonly string[]): Promise<Recommendation[]> {
    return findInScope(this.manager, this.scope, Recommendation, 'Recommendation', ids, () => this.manager.find(Recommendation, { where: this.visible<Recommendation>({ id: In([...ids]) }) }));
  }

  ofPracticeReviews(reviewIds: readonly string[]): Promise<Recommendation[]> {
    return this.manager.find(Recommendation, { where: this.visible<Recommendation>({ practiceReviewId: In([...reviewIds]) }), order: { id: 'ASC' } });
  }

  recommendationsOwnedBy(kind: OwnerKind, ownerIds: readonly string[]): Promise<Recommendation[]> {
    return this.manager.find(Recommendation, {
      where: this.visible<Recommendation>({ ownerKind: kind, ownerOrganisationId: In([...ownerIds]) }),
      order: { id: 'ASC' },
    });
  }

  actionsByIds(ids: readonly string[]): Promise<ReviewAction[]> {
    return findInScope(this.manager, this.scope, ReviewAction, 'ReviewAction', ids, () => this.manager.find(ReviewAction, { where: this.visible<ReviewAction>({ id: In([...ids]) }) }));
  }

  actionsOf(recommendationIds: readonly string[]): Promise<ReviewAction[]> {
    return this.manager.find(ReviewAction, {
      where: this.visible<ReviewAction>({ recommendationId: In([...recommendationIds]) }),
      order: { dueOn: 'ASC', id: 'ASC' },
    });
  }

  actionsOwnedBy(kind: OwnerKind, ownerIds: readonly string[]): Promise<ReviewAction[]> {
    return this.manager.find(ReviewAction, {
      where: this.visible<ReviewAction>({ ownerKind: kind, ownerOrganisationId: In([...ownerIds]) }),
      order: { dueOn: 'ASC', id: 'ASC' },
    });
  }

  /** Not yet completed; `before` narrows to those due before that day (overdue). */
  unfinishedActionsOf(partnershipIds: readonly string[], before: string | null): Promise<ReviewAction[]> {
    return this.manager.find(ReviewAction, {
      where: this.visible<ReviewAction>({ status: In(unfinished), ...(before ? { dueOn: LessThan(before) } : {}) }, partnershipIds),
      order: { dueOn: 'ASC', id: 'ASC' },
    });
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
