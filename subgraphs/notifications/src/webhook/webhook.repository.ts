import { Brackets, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import {
  findOneInScope,
  firstPerParent,
  orderBySortKeys,
  partnershipAdministratorRoles,
  Role,
  whereAfter,
  type AccessScope,
  type PageRequest,
  type SortKey,
} from '@safeguarding/shared';
import { WebhookDelivery } from './webhook-delivery.entity';
import { WebhookEndpoint } from './webhook-endpoint.entity';

/** Who may connect an organisation's systems: its managers, not every practitioner. */
export const webhookManagerRoles: readonly Role[] = [
  Role.SAFEGUARDING_MANAGER,
  Role.DESIGNATED_SAFEGUARDING_LEAD,
  Role.LEAD_SAFEGUARDING_PARTNER,
  Role.DELEGATED_SAFEGUARDING_PARTNER,
  Role.PARTNERSHIP_BUSINESS_MANAGER,
  Role.PANEL_MEMBER,
  Role.NATIONAL_ADMINISTRATOR,
];

/** Whose endpoints a request works on: its organisation's, or one partnership's. */
export type EndpointOwner = { readonly organisationId: string } | { readonly partnershipId: string };

export const endpointOrder: readonly SortKey<WebhookEndpoint>[] = [
  { column: 'endpoint.createdAt', value: (row) => row.createdAt },
  { column: 'endpoint.id', value: (row) => row.id },
];

export const deliveryOrder: readonly SortKey<WebhookDelivery>[] = [
  { column: 'delivery.createdAt', descending: true, value: (row) => row.createdAt },
  { column: 'delivery.id', descending: true, value: (row) => row.id },
];

/**
 * Endpoints and deliveries in the caller's scope: those of its own organisation when it holds a
 * manager's role, and those of the partnerships it administers. A lookup by id of anyone else's
 * is told "not there" and recorded as refused (findOneInScope); a list works on one owner the
 * service has checked the caller may manage.
 */
export class WebhookRepository {
  constructor(
    private readonly manager: EntityManager,
    private readonly scope: AccessScope,
  ) {}

  private endpointsOf(owner: EndpointOwner): SelectQueryBuilder<WebhookEndpoint> {
    const query = this.manager.getRepository(WebhookEndpoint).createQueryBuilder('endpoint');
    return 'partnershipId' in owner
      ? query.where('endpoint.partnershipId = :owner', { owner: owner.partnershipId })
      : query.where('endpoint.organisationId = :owner AND endpoint.partnershipId IS NULL', {
          owner: owner.organisationId,
        });
  }

  /** The endpoints the scope may manage, as a condition on `endpoint`; null when it may manage none. */
  private manageable(): Brackets | null {
    const identity = this.scope.identity;
    if (!identity) return null;
    const organisation = this.scope.hasRole(...webhookManagerRoles);
    const partnerships = this.scope.hasRole(...partnershipAdministratorRoles) ? identity.partnershipIds : [];
    if (!organisation && partnerships.length === 0) return null;
    return new Brackets((where) => {
      if (organisation)
        where.orWhere('(endpoint.partnershipId IS NULL AND endpoint.organisationId = :organisationId)', {
          organisationId: identity.organisation.id,
        });
      if (partnerships.length > 0)
        where.orWhere('endpoint.partnershipId IN (:...administered)', { administered: [...partnerships] });
    });
  }

  /** An endpoint the caller may manage; anyone else's is not there, and the attempt is noted. */
  endpointById(id: string): Promise<WebhookEndpoint | null> {
    return findOneInScope(this.manager, this.scope, WebhookEndpoint, 'WebhookEndpoint', id, () => {
      const manageable = this.manageable();
      if (!manageable) return Promise.resolve(null);
      return this.manager
        .getRepository(WebhookEndpoint)
        .createQueryBuilder('endpoint')
        .where('endpoint.id = :id', { id })
        .andWhere(manageable)
        .getOne();
    });
  }

  /** A delivery to an endpoint the caller may manage; anyone else's is not there, noted in its endpoint's partnership's trail. */
  deliveryById(id: string): Promise<WebhookDelivery | null> {
    return findOneInScope(
      this.manager,
      this.scope,
      WebhookDelivery,
      'WebhookDelivery',
      id,
      () => {
        const manageable = this.manageable();
        if (!manageable) return Promise.resolve(null);
        return this.manager
          .getRepository(WebhookDelivery)
          .createQueryBuilder('delivery')
          .innerJoin(WebhookEndpoint, 'endpoint', 'endpoint.id = delivery.endpointId')
          .where('delivery.id = :id', { id })
          .andWhere(manageable)
          .getOne();
      },
      {
        columns: ['endpointId'],
        partnershipsOf: async (rows) => {
          const endpointIds = [...new Set(rows.map((row) => String(row['endpointId'])))];
          const endpoints = await this.manager
            .getRepository(WebhookEndpoint)
            .createQueryBuilder('endpoint')
            .select(['endpoint.id', 'endpoint.partnershipId'])
            .where('endpoint.id IN (:...endpointIds)', { endpointIds })
            .getMany();
          const partnershipOf = new Map(endpoints.map((endpoint) => [endpoint.id, endpoint.partnershipId]));
          const attributed = new Map<string, string>();
          for (const row of rows) {
            const partnershipId = partnershipOf.get(String(row['endpointId']));
            if (partnershipId) attributed.set(String(row['id']), partnershipId);
          }
          return attributed;
        },
      },
    );
  }

  pageOfEndpoints(owner: EndpointOwner, page: PageRequest): Promise<WebhookEndpoint[]> {
    return orderBySortKeys(whereAfter(this.endpointsOf(owner), endpointOrder, page.after), endpointOrder)
      .limit(page.first + 1)
      .getMany();
  }

  countEndpoints(owner: EndpointOwner): Promise<number> {
    return this.endpointsOf(owner).getCount();
  }

  /** Newest first, the first `limit` of each endpoint asked about, in one statement. */
  pagesOfDeliveries(
    endpointIds: readonly string[],
    after: readonly string[] | null,
    limit: number,
  ): Promise<WebhookDelivery[]> {
    const query = this.manager
      .getRepository(WebhookDelivery)
      .createQueryBuilder('delivery')
      .where('delivery.endpointId IN (:...endpointIds)', { endpointIds });
    return firstPerParent(query, {
      id: 'delivery.id',
      parent: 'delivery.endpointId',
      parents: endpointIds.length,
      order: deliveryOrder,
      after,
      limit,
    }).getMany();
  }

  async countDeliveries(endpointIds: readonly string[]): Promise<Map<string, number>> {
    const rows = await this.manager
      .getRepository(WebhookDelivery)
      .createQueryBuilder('delivery')
      .select('delivery.endpointId', 'endpointId')
      .addSelect('COUNT(*)', 'count')
      .where('delivery.endpointId IN (:...endpointIds)', { endpointIds })
      .groupBy('delivery.endpointId')
      .getRawMany<{ endpointId: string; count: number | string }>();
    return new Map(rows.map((row) => [row.endpointId, Number(row.count)]));
  }
}
