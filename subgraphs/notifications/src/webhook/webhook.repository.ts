import type { EntityManager, SelectQueryBuilder } from 'typeorm';
import { firstPerParent, orderBySortKeys, whereAfter, type PageRequest, type SortKey } from '@safeguarding/shared';
import { WebhookDelivery } from './webhook-delivery.entity';
import { WebhookEndpoint } from './webhook-endpoint.entity';

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
 * Endpoints and deliveries of one owner only: every query starts from the owner's endpoints, so
 * another organisation's endpoint is not found rather than refused.
 */
export class WebhookRepository {
  constructor(
    private readonly manager: EntityManager,
    private readonly owner: EndpointOwner,
  ) {}

  private endpoints(): SelectQueryBuilder<WebhookEndpoint> {
    const query = this.manager.getRepository(WebhookEndpoint).createQueryBuilder('endpoint');
    return 'partnershipId' in this.owner
      ? query.where('endpoint.partnershipId = :owner', { owner: this.owner.partnershipId })
      : query.where('endpoint.organisationId = :owner AND endpoint.partnershipId IS NULL', {
          owner: this.owner.organisationId,
        });
  }

  endpoint(id: string): Promise<WebhookEndpoint | null> {
    return this.endpoints().andWhere('endpoint.id = :id', { id }).getOne();
  }

  pageOfEndpoints(page: PageRequest): Promise<WebhookEndpoint[]> {
    return orderBySortKeys(whereAfter(this.endpoints(), endpointOrder, page.after), endpointOrder)
      .limit(page.first + 1)
      .getMany();
  }

  countEndpoints(): Promise<number> {
    return this.endpoints().getCount();
  }

  async delivery(id: string): Promise<WebhookDelivery | null> {
    const delivery = await this.manager.getRepository(WebhookDelivery).findOneBy({ id });
    if (!delivery) return null;
    return (await this.endpoint(delivery.endpointId)) ? delivery : null;
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
