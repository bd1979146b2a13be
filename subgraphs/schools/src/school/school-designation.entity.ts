import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { School } from './school.entity';

/**
 * A partnership naming a school as a relevant agency in its published arrangements, which puts
 * the school under the statutory duty to co-operate for the period given.
 */
@Entity('school_designations')
@Index(['partnershipId', 'urn'], { unique: true })
// A partnership's schools are listed by name: the index is that order, so a page reads its own rows only.
@Index(['partnershipId', 'schoolName', 'urn'])
export class SchoolDesignation {
  @PrimaryColumn('varchar', { length: 36 })
  id!: string;

  // The partnership lives in the partnerships subgraph, so this is an id, not a foreign key.
  @Index()
  @Column('varchar', { length: 36 })
  partnershipId!: string;

  @Column('varchar', { length: 6 })
  urn!: string;

  // The school's name, copied so that the list's order lives in this table's index (kept in step
  // by every write of a school's name: the GIAS sync); a page never sorts all designated schools.
  @Column('varchar', { length: 200, default: '' })
  schoolName!: string;

  @Column('date')
  designatedFrom!: string;

  @Column('date', { nullable: true })
  designatedUntil!: string | null;

  @ManyToOne(() => School, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'urn' })
  school?: School;
}
