import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A change another service must hear of, written in the same transaction as the change itself, so
 * an event exists exactly when its change committed. The relay delivers rows in `position` order
 * and moves each destination's own `OutboxPosition` only once that destination took them: delivery
 * is at least once, and a consumer drops repeats by `eventId`.
 */
@Entity('outbox_event')
@Index('IDX_outbox_event_entity_sequence', ['entityType', 'entityId', 'sequence'], { unique: true })
export class OutboxEvent {
  /** Commit order within this database; the relay's cursor. */
  @PrimaryGeneratedColumn('increment')
  position!: number;

  /** What a consumer deduplicates on; also the broker's message id. */
  @Index('IDX_outbox_event_event_id', { unique: true })
  @Column('varchar', { length: 36 })
  eventId!: string;

  /** e.g. `obligation.opened`, `referral.decided`. */
  @Column('varchar', { length: 60 })
  type!: string;

  @Column('varchar', { length: 60 })
  entityType!: string;

  @Column('varchar', { length: 64 })
  entityId!: string;

  /** 1, 2, 3… per entity: a consumer that has seen n ignores anything at or below it. */
  @Column('int')
  sequence!: number;

  /** ISO 8601 instant, UTC, of the change. */
  @Column('varchar', { length: 30 })
  occurredAt!: string;

  /** JSON; thin by rule: identifiers, dates and visibility, never a child's details or free text. */
  @Column('text')
  payload!: string;
}
