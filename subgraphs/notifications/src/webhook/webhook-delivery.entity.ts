import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export const webhookDeliveryStatuses = ['PENDING', 'SUCCEEDED', 'FAILED'] as const;
export type WebhookDeliveryStatus = (typeof webhookDeliveryStatuses)[number];

/**
 * One message to one endpoint, with its attempts. `messageKey` (the event id, or the reminder's key)
 * is unique per endpoint, so an event taken twice, or a restart mid-burst, never makes a second
 * message with another `webhook-id`: retries and manual redeliveries reuse the same id.
 */
@Entity('webhook_delivery')
@Index('IDX_webhook_delivery_message', ['endpointId', 'messageKey'], { unique: true })
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
