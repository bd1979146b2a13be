import { randomBytes } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { z } from 'zod';
import {
  inTransaction,
  appendAudit,
  AuditAction,
  BadUserInputError,
  connection,
  ForbiddenError,
  nestedPage,
  newId,
  NotFoundError,
  noteRefusedRow,
  pageOf,
  pageRequest,
  partnershipAdministratorRoles,
  requiredText,
  Role,
  validateInput,
  type Connection,
  type SubgraphContext,
} from '@safeguarding/shared';
import { WebhookDelivery as DeliveryRow } from './webhook-delivery.entity';
import { WebhookEndpoint as EndpointRow } from './webhook-endpoint.entity';
import { webhookEventTypes } from './webhook-event-types';
import type { RegisterWebhookEndpointInput } from './webhook.input';
import { deliveryOrder, endpointOrder, WebhookRepository, type EndpointOwner } from './webhook.repository';
import {
  RegisteredWebhookEndpoint,
  WebhookDelivery,
  WebhookDeliveryConnection,
  WebhookEndpoint,
  WebhookEndpointConnection,
} from './webhook.type';
import { webhookSettingsOf } from './webhook-settings';
import { assertPublicDestination, parseWebhookUrl, UnsafeDestinationError } from './webhook-url';

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

const registrationSchema = z.object({
  url: z.string().max(2000, 'must be at most 2000 characters'),
  eventTypes: z
    .array(z.string().refine((type) => webhookEventTypes.includes(type), 'is not an event type the graph sends'))
    .max(webhookEventTypes.length)
    .nullish(),
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
    const repository = this.repository(this.ownerFor(args.partnershipId ?? null));
    const request = pageRequest('webhookEndpoints', args, endpointOrder);
    const rows = await repository.pageOfEndpoints(request);
    const page = pageOf(rows, request.first, 'webhookEndpoints', (row) => endpointOrder.map((key) => key.value(row)));
    return connection(WebhookEndpointConnection, { ...page, nodes: page.nodes.map(toEndpoint) }, () =>
      repository.countEndpoints(),
    );
  }

  async deliveries(
    endpoint: WebhookEndpoint,
    args: { first?: number | null; after?: string | null },
  ): Promise<Connection<WebhookDelivery>> {
    const repository = this.repository(
      endpoint.partnershipId
        ? { partnershipId: endpoint.partnershipId }
        : { organisationId: endpoint.organisationId ?? '' },
    );
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
      const repository = new WebhookRepository(manager, owner);
      if ((await repository.countEndpoints()) >= maxEndpointsPerOwner) {
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
      const delivery = await manager.getRepository(DeliveryRow).findOneBy({ id: deliveryId });
      if (!delivery) throw new NotFoundError('WebhookDelivery', deliveryId);
      const endpoint = await this.ownedEndpoint(manager, delivery.endpointId, {
        entityType: 'WebhookDelivery',
        entityId: delivery.id,
      });
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

  /** An endpoint found only among those the caller may manage; anyone else's is "not found", and the attempt on what was asked for is recorded. */
  private async ownedEndpoint(
    manager: EntityManager,
    id: string,
    asked: { entityType: string; entityId: string } = { entityType: 'WebhookEndpoint', entityId: id },
  ): Promise<EndpointRow> {
    const identity = this.ctx.scope.requireIdentity();
    const found = await manager.getRepository(EndpointRow).findOneBy({ id });
    const mine =
      found &&
      (found.partnershipId
        ? this.ctx.scope.actsInAnyOf([found.partnershipId], partnershipAdministratorRoles)
        : found.organisationId === identity.organisation.id && this.ctx.scope.hasRole(...webhookManagerRoles));
    if (found && !mine) noteRefusedRow(this.ctx, { ...asked, partnershipId: found.partnershipId });
    if (!found || !mine) throw new NotFoundError(asked.entityType, asked.entityId);
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

  private repository(owner: EndpointOwner): WebhookRepository {
    return new WebhookRepository(this.ctx.db.manager, owner);
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
