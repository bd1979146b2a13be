import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export const webhookEndpointStatuses = ['ACTIVE', 'DISABLED'] as const;
export type WebhookEndpointStatus = (typeof webhookEndpointStatuses)[number];

/**
 * Where an organisation (or a partnership) wants to hear of events. The signing secret is kept to
 * sign deliveries and shown to the owner once, at registration.
 */
@Entity('webhook_endpoint')
@Index('IDX_webhook_endpoint_organisation', ['organisationId', 'status'])
@Index('IDX_webhook_endpoint_partnership', ['partnershipId', 'status'])
export class WebhookEndpoint {
  @PrimaryColumn('varchar', { length: 36 })
  id!: string;

  /** The organisation that registered it (agency id or school URN); null for a partnership's. */
  @Column('varchar', { length: 64, nullable: true })
  organisationId!: string | null;

  /** The organisation's kind, so national duties reach the Panel's endpoints. */
  @Column('varchar', { length: 30, nullable: true })
  organisationKind!: string | null;

  /** Set when a partnership's staff registered it for the partnership's duties. */
  @Column('varchar', { length: 36, nullable: true })
  partnershipId!: string | null;

  @Column('varchar', { length: 2000 })
  url!: string;

  @Column('varchar', { length: 200, nullable: true })
  description!: string | null;

  /** JSON list of event types; empty means every type. */
  @Column('text')
  eventTypes!: string;

  /** `whsec_` + base64 of the key, as the Standard Webhooks specification writes it. */
  @Column('varchar', { length: 100 })
  secret!: string;

  @Column('varchar', { length: 12 })
  status!: WebhookEndpointStatus;

  /** Attempts that failed since the last one that succeeded. */
  @Column('int', { default: 0 })
  consecutiveFailures!: number;

  @Column('varchar', { length: 200, nullable: true })
  disabledReason!: string | null;

  @Column('varchar', { length: 30, nullable: true })
  disabledAt!: string | null;

  @Column('varchar', { length: 200 })
  createdBy!: string;

  @Column('varchar', { length: 30 })
  createdAt!: string;
}
