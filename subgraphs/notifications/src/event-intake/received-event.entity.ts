import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Every event taken from the bus, once: `eventId` is unique, so a repeat delivery (the relay
 * retried, JetStream redelivered) is recognised and dropped. Domain events are kept here for the
 * modules that act on them (webhook deliveries); `position` is the order they were taken in.
 */
@Entity('received_event')
@Index('IDX_received_event_entity', ['entityType', 'entityId', 'sequence'])
@Index('IDX_received_event_type', ['type', 'position'])
export class ReceivedEvent {
  @PrimaryGeneratedColumn('increment')
  position!: number;

  @Index('IDX_received_event_event_id', { unique: true })
  @Column('varchar', { length: 36 })
  eventId!: string;

  /** The subgraph whose outbox recorded it. */
  @Column('varchar', { length: 30 })
  source!: string;

  @Column('varchar', { length: 60 })
  type!: string;

  @Column('varchar', { length: 60 })
  entityType!: string;

  @Column('varchar', { length: 64 })
  entityId!: string;

  @Column('int')
  sequence!: number;

  @Column('varchar', { length: 30 })
  occurredAt!: string;

  /** JSON, as the owner wrote it: thin by rule (ids, dates, audience). */
  @Column('text')
  payload!: string;

  @Column('varchar', { length: 30 })
  receivedAt!: string;
}
