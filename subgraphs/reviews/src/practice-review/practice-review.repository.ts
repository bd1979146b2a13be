import { In, type EntityManager, type FindOptionsWhere } from 'typeorm';
import {
  countPerParent,
  firstPerParent,
  pageOfClauses,
  partnershipStaffRoles,
  queryOfClauses,
  Role,
  type AccessScope,
  type Page,
  type PageRequest,
  type SortKey,
  findInScope,
  visibleWhere,
} from '@safeguarding/shared';
import { PracticeReview, PracticeReviewStatus, unpublishedStatuses } from './practice-review.entity';

const publishedWhere = (partnershipId: string | null): FindOptionsWhere<PracticeReview> => ({
  status: PracticeReviewStatus.PUBLISHED,
  ...(partnershipId === null ? {} : { partnershipId }),
});

/** Newest publication first (a published review always has its date). */
export const publishedOrder: readonly SortKey<PracticeReview>[] = [
  { column: 'review.publishedOn', descending: true, value: (r) => r.publishedOn ?? '' },
  { column: 'review.id', value: (r) => r.id },
];

/** Newest decision first; the id makes the order total. */
export const practiceReviewOrder: readonly SortKey<PracticeReview>[] = [
  { column: 'review.decisionDate', descending: true, value: (r) => r.decisionDate },
  { column: 'review.id', value: (r) => r.id },
];

/**
 * Every read goes through `visible`, built from the caller's scope: a published review is public;
 * one still in progress is seen only by those acting in its partnership.
 */
export class PracticeReviewRepository {
  constructor(
    private readonly manager: EntityManager,
    private readonly scope: AccessScope,
  ) {}

  /**
   * `within` limits the result to some partnerships. Published reviews are public; one still in
   * progress concerns a child, so only that partnership's staff and the national Panel see it.
   */
  private visible(
    where: Omit<FindOptionsWhere<PracticeReview>, 'partnershipId' | 'status'>,
    within?: readonly string[],
  ): FindOptionsWhere<PracticeReview>[] {
    const published = {
      ...where,
      ...(within ? { partnershipId: In([...within]) } : {}),
      status: PracticeReviewStatus.PUBLISHED,
    };
    const inProgress = { ...where, status: In([...unpublishedStatuses]) };
    if (this.scope.hasRole(Role.PANEL_MEMBER)) {
      return [published, { ...inProgress, ...(within ? { partnershipId: In([...within]) } : {}) }];
    }
    if (!this.scope.hasRole(...partnershipStaffRoles)) return [published];
    const requested = within ? new Set(within) : null;
    const own = (this.scope.identity?.partnershipIds ?? []).filter((id) => requested?.has(id) ?? true);
    if (own.length === 0) return [published];
    return [published, { ...inProgress, partnershipId: In(own) }];
  }

  findByIds(ids: readonly string[]): Promise<PracticeReview[]> {
    return findInScope(this.manager, this.scope, PracticeReview, 'PracticeReview', ids, () =>
      this.manager.find(PracticeReview, { where: visibleWhere(this.visible({ id: In([...ids]) })) }),
    );
  }

  /** A page of each partnership's reviews the caller may see, newest decision first, for all of them in one statement. */
  pagesOf(
    partnershipIds: readonly string[],
    after: readonly string[] | null,
    limit: number,
  ): Promise<PracticeReview[]> {
    const query = queryOfClauses(this.manager, PracticeReview, 'review', this.visible({}, partnershipIds));
    if (!query) return Promise.resolve([]);
    return firstPerParent(query, {
      id: 'review.id',
      parent: 'review.partnershipId',
      parents: partnershipIds.length,
      order: practiceReviewOrder,
      after,
      limit,
    }).getMany();
  }

  async countsOf(partnershipIds: readonly string[]): Promise<Map<string, number>> {
    const query = queryOfClauses(this.manager, PracticeReview, 'review', this.visible({}, partnershipIds));
    return query ? countPerParent(query, 'review.partnershipId') : new Map();
  }

  /** A page of the published reviews, newest publication first, cut in SQL. */
  published(partnershipId: string | null, request: PageRequest): Promise<Page<PracticeReview>> {
    return pageOfClauses(
      this.manager,
      PracticeReview,
      'review',
      [publishedWhere(partnershipId)],
      'publishedPracticeReviews',
      request,
      publishedOrder,
    );
  }

  countPublished(partnershipId: string | null): Promise<number> {
    return this.manager.count(PracticeReview, { where: publishedWhere(partnershipId) });
  }

  /** Unpublished reviews whose publication clock runs, for "what is due". */
  async unpublishedOf(partnershipIds: readonly string[]): Promise<PracticeReview[]> {
    const where = this.visible({}, partnershipIds).filter((clause) => clause.status !== PracticeReviewStatus.PUBLISHED);
    // No clause left means nothing visible, not "no filter".
    if (where.length === 0) return [];
    return this.manager.find(PracticeReview, { where, order: { decisionDate: 'ASC', id: 'ASC' } });
  }

  async update(
    id: string,
    changes: Partial<Pick<PracticeReview, 'reviewerId' | 'localReviewerName' | 'termsOfReference'>>,
  ): Promise<void> {
    await this.manager.update(PracticeReview, { id }, changes);
  }

  async insert(review: PracticeReview): Promise<void> {
    await this.manager.insert(PracticeReview, review);
  }

  /** Moves a review on only if it is still in the status it was read in; false if it was not. */
  async transition(
    review: PracticeReview,
    from: PracticeReviewStatus,
    changes: Partial<Pick<PracticeReview, 'status' | 'publishedOn' | 'publicationUrl' | 'reportSentOn'>>,
  ): Promise<boolean> {
    const result = await this.manager.update(PracticeReview, { id: review.id, status: from }, changes);
    return result.affected === 1;
  }
}
