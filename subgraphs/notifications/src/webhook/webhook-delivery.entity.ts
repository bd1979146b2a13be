import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export const webhookDeliveryStatuses = ['PENDING', 'SUCCEEDED', 'FAILED'] as const;
export type WebhookDeliveryStatus = (typeof webhookDeliveryStatuses)[number];

/**
 * One message to one endpoint, with its attempts. The id is name-based on endpoint and `messageKey`
 * (the event id, or the reminder's key), so the primary key alone makes each message once per
 * endpoint: an event taken twice, or a restart mid-burst, never makes a second message with another
 * `webhook-id`, and retries and manual redeliveries reuse the same id. (A unique index on the pair
 * said the same again, and cost every reminder pass a second unique check per delivery.)
 */
@Entity('webhook_delivery')
@Index('IDX_webhook_delivery_due', ['status', 'nextAttemptAt'])
@Index('IDX_webhook_delivery_endpoint', ['endpointId', 'createdAt'])
export class WebhookDelivery {
  /** The `webhook-id` header: `msg_` and a name-based id of endpoint and message. */
  @PrimaryColumn('varchar', { length: 40 })
  id!: string;

  @Column('varchar', { length: 36 })
  endpointId!: string;

  @Column('varchar', { length: 100 })
  messageKey!: string;

  @Column('varchar', { length: 60 })
  eventType!: string;

  /** The JSON body, signed as sent; thin by rule (ids, dates, the deadline). */
  @Column('text')
  body!: string;

  @Column('varchar', { length: 12 })
  status!: WebhookDeliveryStatus;

  @Column('int', { default: 0 })
  attempts!: number;

  @Column('varchar', { length: 30 })
  nextAttemptAt!: string;

  /** A replica sending it holds it until then; another replica leaves it alone. */
  @Column('varchar', { length: 30, nullable: true })
  leaseUntil!: string | null;

  @Column('int', { nullable: true })
  lastResponseCode!: number | null;

  /** Why the last attempt failed, in our words (timeout, refused address…), never the receiver's body. */
  @Column('varchar', { length: 200, nullable: true })
  lastError!: string | null;

  @Column('varchar', { length: 30, nullable: true })
  lastAttemptAt!: string | null;

  @Column('varchar', { length: 30 })
  createdAt!: string;
}
