import { And, In, IsNull, Raw, type EntityManager, type FindOptionsWhere } from 'typeorm';
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
import { caseClauses, toldPartnerRoles } from '../common/case-access';
import {
  NotificationStatus,
  NotifiedChild,
  PartnerTold,
  SeriousIncidentNotification,
} from './serious-incident-notification.entity';

type Where = FindOptionsWhere<SeriousIncidentNotification>;

/** A child named in a notification, with who notified and when the authority became aware. */
export interface NotifiedChildHolder {
  readonly id: string;
  readonly childReference: string;
  readonly partnershipId: string;
  readonly localAuthorityId: string;
  readonly dateAware: string;
}

/** A date column read raw: MySQL hands a Date (at UTC midnight, the connection being UTC), SQLite the text. */
export function dayOf(value: unknown): string {
  return value instanceof Date ? value.toISOString().slice(0, 10) : String(value).slice(0, 10);
}

/** Newest first (the day the partnership became aware); the id makes the order total. */
export const notificationOrder: readonly SortKey<SeriousIncidentNotification>[] = [
  { column: 'notification.dateAware', descending: true, value: (n) => n.dateAware },
  { column: 'notification.id', value: (n) => n.id },
];

/**
 * Notifications are case-level: every read goes through `visible` (the Panel sees every
 * partnership's; partnership staff their own; a safeguarding partner told of the incident, by its
 * safeguarding leads, those it was told of). Children and partners told are read only for
 * notifications already read through it.
 */
export class SeriousIncidentNotificationRepository {
  constructor(
    private readonly manager: EntityManager,
    private readonly scope: AccessScope,
  ) {}

  private visible(where: Where, within: readonly string[] | null = null): Where[] {
    const clauses = caseClauses(this.scope, where, within, { panelSees: true });
    const identity = this.scope.identity;
    if (!identity || !this.scope.hasRole(...toldPartnerRoles)) return clauses;
    // One statement still: the partners told are a subquery, not a second read.
    const told = Raw(
      (alias) =>
        `${alias} IN (SELECT notificationId FROM notification_partners_told WHERE organisationId = :toldOrganisationId)`,
      {
        toldOrganisationId: identity.organisation.id,
      },
    );
    const id = where.id;
    return [
      ...clauses,
      {
        ...where,
        ...(within ? { partnershipId: In([...within]) } : {}),
        id: id === undefined ? told : And(typeof id === 'string' ? In([id]) : id, told),
      },
    ];
  }

  private async find(where: Where[], order = true): Promise<SeriousIncidentNotification[]> {
    if (where.length === 0) return [];
    return this.manager.find(SeriousIncidentNotification, {
      where,
      ...(order ? { order: { dateAware: 'DESC', id: 'ASC' } } : {}),
    });
  }

  findByIds(ids: readonly string[]): Promise<SeriousIncidentNotification[]> {
    return findInScope(this.manager, this.scope, SeriousIncidentNotification, 'SeriousIncidentNotification', ids, () =>
      this.find(this.visible({ id: In([...ids]) }), false),
    );
  }

  ofPartnerships(partnershipIds: readonly string[] | null): Promise<SeriousIncidentNotification[]> {
    return this.find(this.visible({}, partnershipIds));
  }

  /** A page of what the caller may see, in every partnership or within some, cut in SQL. */
  page(within: readonly string[] | null, request: PageRequest): Promise<Page<SeriousIncidentNotification>> {
    return pageOfClauses(
      this.manager,
      SeriousIncidentNotification,
      'notification',
      this.visible({}, within),
      'seriousIncidentNotifications',
      request,
      notificationOrder,
    );
  }

  count(within: readonly string[] | null): Promise<number> {
    return countOfClauses(this.manager, SeriousIncidentNotification, this.visible({}, within));
  }

  /** Each partnership's page, for all of them in one statement. */
  pagesOf(
    partnershipIds: readonly string[],
    after: readonly string[] | null,
    limit: number,
  ): Promise<SeriousIncidentNotification[]> {
    return pagesOfClauses(this.manager, SeriousIncidentNotification, 'notification', this.visible({}, partnershipIds), {
      parent: 'notification.partnershipId',
      parents: partnershipIds.length,
      order: notificationOrder,
      after,
      limit,
    });
  }

  countsOf(partnershipIds: readonly string[]): Promise<Map<string, number>> {
    return countsOfClauses(
      this.manager,
      SeriousIncidentNotification,
      'notification',
      this.visible({}, partnershipIds),
      'notification.partnershipId',
    );
  }

  /** Notifications whose own deadline is still open (not yet sent). */
  unsentOf(partnershipIds: readonly string[]): Promise<SeriousIncidentNotification[]> {
    return this.find(this.visible({ status: NotificationStatus.DRAFT }, partnershipIds));
  }

  /**
   * The notifications naming any of these children (by the pseudonymous reference each child is
   * notified under), with the notifying local authority and day 0, for a child's picture. Not
   * filtered by the caller: the picture must know every holder to tell whether the caller is one.
   */
  async holdersAbout(childReferences: readonly string[]): Promise<NotifiedChildHolder[]> {
    if (childReferences.length === 0) return [];
    const rows = await this.manager
      .createQueryBuilder(NotifiedChild, 'child')
      .innerJoin(SeriousIncidentNotification, 'notification', 'notification.id = child.notificationId')
      .select('notification.id', 'id')
      .addSelect('child.reference', 'childReference')
      .addSelect('notification.partnershipId', 'partnershipId')
      .addSelect('notification.localAuthorityId', 'localAuthorityId')
      .addSelect('notification.dateAware', 'dateAware')
      .where('child.reference IN (:...childReferences)', { childReferences: [...childReferences] })
      .orderBy('notification.dateAware', 'ASC')
      .addOrderBy('notification.id', 'ASC')
      .getRawMany<Record<keyof NotifiedChildHolder, unknown>>();
    return rows.map((row) => ({
      id: String(row.id),
      childReference: String(row.childReference),
      partnershipId: String(row.partnershipId),
      localAuthorityId: String(row.localAuthorityId),
      dateAware: dayOf(row.dateAware),
    }));
  }

  /** Which of these notifications the caller may read (`visible`: the same rule as notification(id)). */
  async readableOf(notificationIds: readonly string[]): Promise<Set<string>> {
    const clauses = this.visible({ id: In([...notificationIds]) });
    if (notificationIds.length === 0 || clauses.length === 0) return new Set();
    const rows = await this.manager.find(SeriousIncidentNotification, { select: { id: true }, where: clauses });
    return new Set(rows.map((row) => row.id));
  }

  childrenOf(notificationIds: readonly string[]): Promise<NotifiedChild[]> {
    return this.manager.find(NotifiedChild, {
      where: { notificationId: In([...notificationIds]) },
      order: { position: 'ASC' },
    });
  }

  partnersToldOf(notificationIds: readonly string[]): Promise<PartnerTold[]> {
    return this.manager.find(PartnerTold, {
      where: { notificationId: In([...notificationIds]) },
      order: { organisationId: 'ASC' },
    });
  }

  async insert(
    notification: SeriousIncidentNotification,
    children: NotifiedChild[],
    partners: PartnerTold[],
  ): Promise<void> {
    await this.manager.insert(SeriousIncidentNotification, notification);
    await this.manager.insert(NotifiedChild, children);
    if (partners.length > 0) await this.manager.insert(PartnerTold, partners);
  }

  /** Sends a notification only if it is still a draft; false if another request sent it first. */
  async markSent(id: string, dateNotified: string): Promise<boolean> {
    const result = await this.manager.update(
      SeriousIncidentNotification,
      { id, status: NotificationStatus.DRAFT },
      { status: NotificationStatus.SENT, dateNotified },
    );
    return result.affected === 1;
  }

  /** The partner's own confirmation, once; false if it confirmed meanwhile. */
  async confirmTold(partnerToldId: string, toldOn: string, at: string): Promise<boolean> {
    const result = await this.manager.update(
      PartnerTold,
      { id: partnerToldId, confirmedToldOn: IsNull() },
      { confirmedToldOn: toldOn, confirmedAt: at },
    );
    return result.affected === 1;
  }

  async upsertPartnerTold(partner: PartnerTold): Promise<void> {
    const existing = await this.manager.findOneBy(PartnerTold, {
      notificationId: partner.notificationId,
      organisationId: partner.organisationId,
    });
    if (existing) await this.manager.update(PartnerTold, { id: existing.id }, { toldOn: partner.toldOn });
    else await this.manager.insert(PartnerTold, partner);
  }
}
