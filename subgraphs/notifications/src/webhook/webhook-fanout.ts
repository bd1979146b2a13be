import { Brackets, type EntityManager } from 'typeorm';
import { nameBasedId, Role, type ObligationAudience } from '@safeguarding/shared';
import { insertIgnoring } from '../bulk-insert';
import { WebhookDelivery } from './webhook-delivery.entity';
import { WebhookEndpoint } from './webhook-endpoint.entity';
import type { WebhookMessage } from './webhook-message';

/** National roles, and the kind of organisation whose systems act with them. */
const nationalOrganisationKinds: ReadonlyArray<readonly [Role, string]> = [
  [Role.PANEL_MEMBER, 'NATIONAL_PANEL'],
  [Role.NATIONAL_ADMINISTRATOR, 'NATIONAL_BODY'],
];

/**
 * The active endpoints an audience admits: an organisation's own (of any of its groups), a partnership's where the
 * audience admits the partnership's staff, and the national bodies' where it names their roles.
 * `among` narrows to the owners of a duty (reminders go to who owes it, not to everyone who may look).
 */
export async function endpointsAdmittedBy(
  manager: EntityManager,
  audience: ObligationAudience,
  among?: { readonly organisationIds: readonly string[]; readonly partnershipIds: readonly string[] },
): Promise<WebhookEndpoint[]> {
  // Every organisation group's organisations too: a file transfer's local authorities hear of it as they see it.
  const audienceOrganisations = [
    ...new Set([...audience.organisationIds, ...(audience.organisationGroups ?? []).flatMap((g) => g.organisationIds)]),
  ];
  const organisationIds = among
    ? audienceOrganisations.filter((id) => among.organisationIds.includes(id))
    : audienceOrganisations;
  const partnershipIds =
    audience.partnershipRoles.length === 0
      ? []
      : among
        ? audience.partnershipIds.filter((id) => among.partnershipIds.includes(id))
        : audience.partnershipIds;
  const kinds = among
    ? []
    : nationalOrganisationKinds.filter(([role]) => audience.nationalRoles.includes(role)).map(([, kind]) => kind);
  if (organisationIds.length === 0 && partnershipIds.length === 0 && kinds.length === 0) return [];
  return manager
    .getRepository(WebhookEndpoint)
    .createQueryBuilder('endpoint')
    .where('endpoint.status = :active', { active: 'ACTIVE' })
    .andWhere(
      new Brackets((clauses) => {
        if (organisationIds.length > 0)
          clauses.orWhere('endpoint.organisationId IN (:...organisationIds)', { organisationIds });
        if (partnershipIds.length > 0)
          clauses.orWhere('endpoint.partnershipId IN (:...partnershipIds)', { partnershipIds });
        if (kinds.length > 0)
          clauses.orWhere('(endpoint.organisationKind IN (:...kinds) AND endpoint.partnershipId IS NULL)', { kinds });
      }),
    )
    .getMany();
}

export function wantsEvent(endpoint: WebhookEndpoint, type: string): boolean {
  const chosen = JSON.parse(endpoint.eventTypes) as string[];
  return chosen.length === 0 || chosen.includes(type);
}

export function deliveryId(endpointId: string, messageKey: string): string {
  return `msg_${nameBasedId(`webhook:${endpointId}:${messageKey}`).replace(/-/g, '')}`;
}

/**
 * Queues one message for each endpoint that chose its type. A message already queued for an
 * endpoint (the same event taken again) is left as it is: one `webhook-id` per endpoint and message.
 */
export async function queueMessage(
  manager: EntityManager,
  endpoints: readonly WebhookEndpoint[],
  messageKey: string,
  message: WebhookMessage,
  now: Date,
): Promise<number> {
  const rows = deliveryRows(endpoints, messageKey, message, now);
  await insertDeliveries(manager, rows);
  return rows.length;
}

export type QueuedDelivery = Pick<
  WebhookDelivery,
  | 'id'
  | 'endpointId'
  | 'messageKey'
  | 'eventType'
  | 'body'
  | 'status'
  | 'attempts'
  | 'nextAttemptAt'
  | 'leaseUntil'
  | 'lastResponseCode'
  | 'lastError'
  | 'lastAttemptAt'
  | 'createdAt'
>;

/** The delivery rows of one message, for a caller that queues many messages in one batch. */
export function deliveryRows(
  endpoints: readonly WebhookEndpoint[],
  messageKey: string,
  message: WebhookMessage,
  now: Date,
): QueuedDelivery[] {
  const wanting = endpoints.filter((endpoint) => wantsEvent(endpoint, message.type));
  if (wanting.length === 0) return [];
  const body = JSON.stringify(message);
  return wanting.map((endpoint) => ({
    id: deliveryId(endpoint.id, messageKey),
    endpointId: endpoint.id,
    messageKey,
    eventType: message.type,
    body,
    status: 'PENDING' as const,
    attempts: 0,
    nextAttemptAt: now.toISOString(),
    leaseUntil: null,
    lastResponseCode: null,
    lastError: null,
    lastAttemptAt: null,
    createdAt: now.toISOString(),
  }));
}

const deliveryColumns = [
  'id',
  'endpointId',
  'messageKey',
  'eventType',
  'body',
  'status',
  'attempts',
  'nextAttemptAt',
  'leaseUntil',
  'lastResponseCode',
  'lastError',
  'lastAttemptAt',
  'createdAt',
] as const satisfies ReadonlyArray<keyof QueuedDelivery>;

/** A delivery already queued for its endpoint and message is kept: one `webhook-id` each. */
export function insertDeliveries(manager: EntityManager, rows: readonly QueuedDelivery[]): Promise<void> {
  return insertIgnoring(manager, manager.getRepository(WebhookDelivery).metadata.tableName, deliveryColumns, rows);
}
