import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * How far one destination of this outbox has taken it: each consumer on the embedded bus, or the
 * broker on NATS. Each keeps its own, so one that is down or starts later neither loses events nor
 * holds back or replays the others' (a shared "published" stamp did both).
 */
@Entity('outbox_position')
export class OutboxPosition {
  /** The destination's name: a consuming service on the embedded bus, `jetstream` on NATS. */
  @PrimaryColumn('varchar', { length: 40 })
  consumer!: string;

  /** The last outbox `position` the destination took; everything after it is still to go. */
  @Column('int')
  position!: number;

  /** ISO 8601 instant, UTC, of the last advance. */
  @Column('varchar', { length: 30 })
  updatedAt!: string;
}
