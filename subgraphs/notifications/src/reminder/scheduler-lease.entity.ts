import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One row per scheduled job. A pass locks its job's row (SKIP LOCKED on MySQL: a replica that finds
 * it taken skips the pass rather than waiting), so the job runs once whatever the number of replicas;
 * the row also keeps when it last ran, which survives restarts.
 */
@Entity('scheduler_lease')
export class SchedulerLease {
  @PrimaryColumn('varchar', { length: 40 })
  job!: string;

  @Column('varchar', { length: 30, nullable: true })
  lastRunAt!: string | null;

  @Column('int', { default: 0 })
  lastRunReminders!: number;
}
