import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { School } from './school.entity';

/**
 * A partnership naming a school as a relevant agency in its published arrangements, which puts
 * the school under the statutory duty to co-operate for the period given.
 */
@Entity('school_designations')
@Index(['partnershipId', 'urn'], { unique: true })
export class SchoolDesignation {
  @PrimaryColumn('varchar', { length: 36 })
  id!: string;

  // The partnership lives in the partnerships subgraph, so this is an id, not a foreign key.
  @Index()
  @Column('varchar', { length: 36 })
  partnershipId!: string;

  @Column('varchar', { length: 6 })
  urn!: string;

  @Column('date')
  designatedFrom!: string;

  @Column('date', { nullable: true })
  designatedUntil!: string | null;

  @ManyToOne(() => School, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'urn' })
  school?: School;
}
