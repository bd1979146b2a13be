import { randomBytes } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { z } from 'zod';
import {
  boundedList,
  inTransaction,
  appendAudit,
  AuditAction,
  BadUserInputError,
  connection,
  ForbiddenError,
  nestedPage,
  newId,
  NotFoundError,
  pageOf,
  pageRequest,
  partnershipAdministratorRoles,
  requiredText,
  validateInput,
  type Connection,
  type SubgraphContext,
} from '@safeguarding/shared';
import { WebhookDelivery as DeliveryRow } from './webhook-delivery.entity';
import { WebhookEndpoint as EndpointRow } from './webhook-endpoint.entity';
import { webhookEventTypes } from './webhook-event-types';
import type { RegisterWebhookEndpointInput } from './webhook.input';
import {
  deliveryOrder,
  endpointOrder,
  webhookManagerRoles,
  WebhookRepository,
  type EndpointOwner,
} from './webhook.repository';
import {
  RegisteredWebhookEndpoint,
  WebhookDelivery,
  WebhookDeliveryConnection,
  WebhookEndpoint,
  WebhookEndpointConnection,
} from './webhook.type';
import { webhookSettingsOf } from './webhook-settings';
import { assertPublicDestination, parseWebhookUrl, UnsafeDestinationError } from './webhook-url';

const registrationSchema = z.object({
  url: z.string().max(2000, 'must be at most 2000 characters'),
  eventTypes: boundedList(
    webhookEventTypes.length,
    'event types',
    z.array(z.string().refine((type) => webhookEventTypes.includes(type), 'is not an event type the graph sends')),
  ).nullish(),
  description: requiredText(200).nullish(),
  partnershipId: z.uuid('must be a partnership id').nullish(),
});

/** The most endpoints one owner may register: enough for every system, not a way to amplify. */
const maxEndpointsPerOwner = 20;

export class WebhookService {
  constructor(private readonly ctx: SubgraphContext) {}

  /** The caller's organisation's endpoints, or a partnership's for its administrators. */
  async endpoints(args: {
    first?: number | null;
    after?: string | null;
    partnershipId?: string | null;
  }): Promise<Connection<WebhookEndpoint>> {
    const owner = this.ownerFor(args.partnershipId ?? null);
    const repository = this.repository();
    const request = pageRequest('webhookEndpoints', args, endpointOrder);
    const rows = await repository.pageOfEndpoints(owner, request);
    const page = pageOf(rows, request.first, 'webhookEndpoints', (row) => endpointOrder.map((key) => key.value(row)));
    return connection(WebhookEndpointConnection, { ...page, nodes: page.nodes.map(toEndpoint) }, () =>
      repository.countEndpoints(owner),
    );
  }

  async deliveries(
    endpoint: WebhookEndpoint,
    args: { first?: number | null; after?: string | null },
  ): Promise<Connection<WebhookDelivery>> {
    // The parent endpoint was answered to this caller already: its deliveries are listed by its id.
    const repository = this.repository();
    const page = await nestedPage<DeliveryRow>({
      list: 'WebhookEndpoint.deliveries',
      loaders: this.ctx.loaders,
      parent: endpoint.id,
      args,
      order: deliveryOrder,
      parentOf: (row) => row.endpointId,
      rows: (ids, after, limit) => repository.pagesOfDeliveries(ids, after, limit),
      count: (ids) => repository.countDeliveries(ids),
    });
    return connection(WebhookDeliveryConnection, { ...page, nodes: page.nodes.map(toDelivery) }, page.count);
  }

  async register(input: RegisterWebhookEndpointInput): Promise<RegisteredWebhookEndpoint> {
    const identity = this.ctx.scope.requireIdentity();
    const valid = validateInput(registrationSchema, input);
    const owner = this.ownerFor(valid.partnershipId ?? null);
    const policy = webhookSettingsOf(this.ctx.db).policy;
    const url = parseWebhookUrl(valid.url, policy);
    try {
      await assertPublicDestination(url, policy);
    } catch (error) {
      throw new BadUserInputError(
        'input.url',
        error instanceof UnsafeDestinationError
          ? 'must resolve to a public address'
          : 'must be a host name that resolves',
      );
    }
    const secret = `whsec_${randomBytes(24).toString('base64')}`;
    const row = await inTransaction(this.ctx.db, async (manager) => {
      const repository = new WebhookRepository(manager, this.ctx.scope);
      if ((await repository.countEndpoints(owner)) >= maxEndpointsPerOwner) {
        throw new BadUserInputError(
          'input.url',
          `at most ${maxEndpointsPerOwner} endpoints may be registered; disable one first`,
        );
      }
      const endpoint = manager.getRepository(EndpointRow).create({
        id: newId(),
        organisationId: 'partnershipId' in owner ? null : owner.organisationId,
        organisationKind: 'partnershipId' in owner ? null : identity.organisation.kind,
        partnershipId: 'partnershipId' in owner ? owner.partnershipId : null,
        url: url.toString(),
        description: valid.description ?? null,
        eventTypes: JSON.stringify([...new Set(valid.eventTypes ?? [])]),
        secret,
        status: 'ACTIVE',
        consecutiveFailures: 0,
        disabledReason: null,
        disabledAt: null,
        createdBy: identity.subject,
        createdAt: this.ctx.now.toISOString(),
      });
      await manager.save(endpoint);
      await appendAudit(
        this.ctx,
        [
          {
            action: AuditAction.CREATE,
            entityType: 'WebhookEndpoint',
            entityId: endpoint.id,
            partnershipId: endpoint.partnershipId,
          },
        ],
        manager,
      );
      return endpoint;
    });
    return Object.assign(new RegisteredWebhookEndpoint(), { endpoint: toEndpoint(row), secret });
  }

  /** Switches an endpoint on or off; switching on starts its failure count again. */
  async setEnabled(id: string, enabled: boolean): Promise<WebhookEndpoint> {
    const row = await inTransaction(this.ctx.db, async (manager) => {
      const endpoint = await this.ownedEndpoint(manager, id);
      endpoint.status = enabled ? 'ACTIVE' : 'DISABLED';
      endpoint.consecutiveFailures = enabled ? 0 : endpoint.consecutiveFailures;
      endpoint.disabledAt = enabled ? null : this.ctx.now.toISOString();
      endpoint.disabledReason = enabled ? null : 'disabled by its owner';
      await manager.save(endpoint);
      await appendAudit(
        this.ctx,
        [
          {
            action: AuditAction.UPDATE,
            entityType: 'WebhookEndpoint',
            entityId: endpoint.id,
            partnershipId: endpoint.partnershipId,
          },
        ],
        manager,
      );
      return endpoint;
    });
    return toEndpoint(row);
  }

  /** Sends a message again with the same `webhook-id`, whatever became of it. */
  async redeliver(deliveryId: string): Promise<WebhookDelivery> {
    const row = await inTransaction(this.ctx.db, async (manager) => {
      this.ctx.scope.requireIdentity();
      const repository = new WebhookRepository(manager, this.ctx.scope);
      const delivery = await repository.deliveryById(deliveryId);
      if (!delivery) throw new NotFoundError('WebhookDelivery', deliveryId);
      const endpoint = await repository.endpointById(delivery.endpointId);
      if (!endpoint) throw new NotFoundError('WebhookDelivery', deliveryId);
      delivery.status = 'PENDING';
      delivery.attempts = 0;
      delivery.nextAttemptAt = this.ctx.now.toISOString();
      delivery.leaseUntil = null;
      await manager.save(delivery);
      await appendAudit(
        this.ctx,
        [
          {
            action: AuditAction.UPDATE,
            entityType: 'WebhookDelivery',
            entityId: delivery.id,
            partnershipId: endpoint.partnershipId,
          },
        ],
        manager,
      );
      return delivery;
    });
    return toDelivery(row);
  }

  /** An endpoint found only among those the caller may manage; anyone else's is "not found", and the attempt is recorded (by the repository). */
  private async ownedEndpoint(manager: EntityManager, id: string): Promise<EndpointRow> {
    this.ctx.scope.requireIdentity();
    const found = await new WebhookRepository(manager, this.ctx.scope).endpointById(id);
    if (!found) throw new NotFoundError('WebhookEndpoint', id);
    return found;
  }

  private ownerFor(partnershipId: string | null): EndpointOwner {
    const identity = this.ctx.scope.requireIdentity();
    if (partnershipId) {
      this.ctx.scope.requirePartnershipRole(partnershipId, partnershipAdministratorRoles);
      return { partnershipId };
    }
    if (!this.ctx.scope.hasRole(...webhookManagerRoles)) {
      throw new ForbiddenError(
        `Connecting your organisation's systems needs one of the roles ${webhookManagerRoles.join(', ')}`,
      );
    }
    return { organisationId: identity.organisation.id };
  }

  private repository(): WebhookRepository {
    return new WebhookRepository(this.ctx.db.manager, this.ctx.scope);
  }
}

function toEndpoint(row: EndpointRow): WebhookEndpoint {
  return Object.assign(new WebhookEndpoint(), {
    id: row.id,
    url: row.url,
    description: row.description,
    organisationId: row.organisationId,
    partnershipId: row.partnershipId,
    eventTypes: JSON.parse(row.eventTypes) as string[],
    status: row.status,
    consecutiveFailures: row.consecutiveFailures,
    disabledReason: row.disabledReason,
    disabledAt: row.disabledAt,
    createdAt: row.createdAt,
  });
}

function toDelivery(row: DeliveryRow): WebhookDelivery {
  return Object.assign(new WebhookDelivery(), {
    id: row.id,
    eventType: row.eventType,
    status: row.status,
    attempts: row.attempts,
    nextAttemptAt: row.status === 'PENDING' ? row.nextAttemptAt : null,
    lastResponseCode: row.lastResponseCode,
    lastError: row.lastError,
    lastAttemptAt: row.lastAttemptAt,
    createdAt: row.createdAt,
  });
}
