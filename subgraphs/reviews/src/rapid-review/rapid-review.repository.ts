import { In, type EntityManager, type FindOptionsWhere } from 'typeorm';
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
} from '@safeguarding/shared';
import { caseClauses } from '../common/case-access';
import { NotifiedChild, SeriousIncidentNotification } from '../notification/serious-incident-notification.entity';
import { dayOf } from '../notification/serious-incident-notification.repository';
import { RapidReview, RapidReviewStatus } from './rapid-review.entity';

/** A child of the notification a rapid review reviews, with the notifying authority and the day it opened. */
export interface RapidReviewChildHolder {
  readonly id: string;
  readonly childReference: string;
  readonly partnershipId: string;
  readonly localAuthorityId: string;
  readonly openedOn: string;
}

type Where = FindOptionsWhere<RapidReview>;

/** Newest first; the id makes the order total. */
export const rapidReviewOrder: readonly SortKey<RapidReview>[] = [
  { column: 'rapid.openedOn', descending: true, value: (r) => r.openedOn },
  { column: 'rapid.id', value: (r) => r.id },
];

/** Rapid reviews are case-level: the Panel sees every partnership's, partnership staff their own. */
export class RapidReviewRepository {
  constructor(
    private readonly manager: EntityManager,
    private readonly scope: AccessScope,
  ) {}

  private visible(where: Where, within: readonly string[] | null = null): Where[] {
    return caseClauses(this.scope, where, within, { panelSees: true });
  }

  private async find(where: Where[]): Promise<RapidReview[]> {
    if (where.length === 0) return [];
    return this.manager.find(RapidReview, { where, order: { openedOn: 'DESC', id: 'ASC' } });
  }

  findByIds(ids: readonly string[]): Promise<RapidReview[]> {
    return findInScope(this.manager, this.scope, RapidReview, 'RapidReview', ids, () =>
      this.find(this.visible({ id: In([...ids]) })),
    );
  }

  /**
   * The rapid reviews of notifications naming any of these children, for a child's picture; not
   * filtered by the caller, as the picture must know every holder (see the notifications' own).
   */
  async holdersAbout(childReferences: readonly string[]): Promise<RapidReviewChildHolder[]> {
    if (childReferences.length === 0) return [];
    const rows = await this.manager
      .createQueryBuilder(RapidReview, 'rapid')
      .innerJoin(NotifiedChild, 'child', 'child.notificationId = rapid.notificationId')
      .innerJoin(SeriousIncidentNotification, 'notification', 'notification.id = rapid.notificationId')
      .select('rapid.id', 'id')
      .addSelect('child.reference', 'childReference')
      .addSelect('rapid.partnershipId', 'partnershipId')
      .addSelect('notification.localAuthorityId', 'localAuthorityId')
      .addSelect('rapid.openedOn', 'openedOn')
      .where('child.reference IN (:...childReferences)', { childReferences: [...childReferences] })
      .orderBy('rapid.openedOn', 'ASC')
      .addOrderBy('rapid.id', 'ASC')
      .getRawMany<Record<keyof RapidReviewChildHolder, unknown>>();
    return rows.map((row) => ({
      id: String(row.id),
      childReference: String(row.childReference),
      partnershipId: String(row.partnershipId),
      localAuthorityId: String(row.localAuthorityId),
      openedOn: dayOf(row.openedOn),
    }));
  }

  /** Which of these rapid reviews the caller may read (`visible`: the same rule as rapidReview(id)). */
  async readableOf(ids: readonly string[]): Promise<Set<string>> {
    const clauses = this.visible({ id: In([...ids]) });
    if (ids.length === 0 || clauses.length === 0) return new Set();
    const rows = await this.manager.find(RapidReview, { select: { id: true }, where: clauses });
    return new Set(rows.map((row) => row.id));
  }

  ofNotifications(notificationIds: readonly string[]): Promise<RapidReview[]> {
    return this.find(this.visible({ notificationId: In([...notificationIds]) }));
  }

  ofPartnerships(partnershipIds: readonly string[] | null): Promise<RapidReview[]> {
    return this.find(this.visible({}, partnershipIds));
  }

  /** A page of what the caller may see, in every partnership or within some, cut in SQL. */
  page(within: readonly string[] | null, request: PageRequest): Promise<Page<RapidReview>> {
    return pageOfClauses(
      this.manager,
      RapidReview,
      'rapid',
      this.visible({}, within),
      'rapidReviews',
      request,
      rapidReviewOrder,
    );
  }

  count(within: readonly string[] | null): Promise<number> {
    return countOfClauses(this.manager, RapidReview, this.visible({}, within));
  }

  /** Each partnership's page, for all of them in one statement. */
  pagesOf(partnershipIds: readonly string[], after: readonly string[] | null, limit: number): Promise<RapidReview[]> {
    return pagesOfClauses(this.manager, RapidReview, 'rapid', this.visible({}, partnershipIds), {
      parent: 'rapid.partnershipId',
      parents: partnershipIds.length,
      order: rapidReviewOrder,
      after,
      limit,
    });
  }

  countsOf(partnershipIds: readonly string[]): Promise<Map<string, number>> {
    return countsOfClauses(this.manager, RapidReview, 'rapid', this.visible({}, partnershipIds), 'rapid.partnershipId');
  }

  /** Those whose 15-working-day clock still runs: not yet sent to the Panel. */
  unsentOf(partnershipIds: readonly string[]): Promise<RapidReview[]> {
    return this.find(this.visible({ status: In([RapidReviewStatus.OPEN, RapidReviewStatus.DECIDED]) }, partnershipIds));
  }

  existsForNotification(notificationId: string): Promise<boolean> {
    return this.manager.existsBy(RapidReview, { notificationId });
  }

  async insert(review: RapidReview): Promise<void> {
    await this.manager.insert(RapidReview, review);
  }

  /** Moves a review on only from the status it was read in; false if another request moved it first. */
  async transition(id: string, from: RapidReviewStatus, changes: Partial<RapidReview>): Promise<boolean> {
    const result = await this.manager.update(RapidReview, { id, status: from }, changes);
    return result.affected === 1;
  }
}
