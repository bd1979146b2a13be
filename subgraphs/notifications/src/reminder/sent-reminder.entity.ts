import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ReminderStage } from './reminder.transitions';

/** A reminder sent about one obligation at one stage for one due date: the key that makes each go once. */
@Entity('sent_reminder')
export class SentReminder {
  @PrimaryColumn('varchar', { length: 36 })
  obligationId!: string;

  @PrimaryColumn('varchar', { length: 20 })
  stage!: ReminderStage;

  /** The due date it was about: a duty moved to a later date is reminded again. */
  @PrimaryColumn('varchar', { length: 10 })
  due!: string;

  /** The London day the scheduler sent it on. */
  @Column('varchar', { length: 10 })
  sentOn!: string;
}
