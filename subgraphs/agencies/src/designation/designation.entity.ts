import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Agency } from '../agency/agency.entity';

/** A partnership naming an agency as relevant (SI 2018/789), which puts it under a duty to co-operate. */
@Entity('designations')
@Index(['partnershipId', 'agencyId', 'designatedFrom'], { unique: true })
export class Designation {
  @PrimaryColumn('varchar', { length: 36 })
  id!: string;

  @Index()
  @Column('varchar', { length: 36 })
  partnershipId!: string;

  @Column('varchar', { length: 36 })
  agencyId!: string;

  @Column('date')
  designatedFrom!: string;

  @Column('date', { nullable: true })
  designatedUntil!: string | null;

  @Column('varchar', { length: 500 })
  reason!: string;

  @ManyToOne(() => Agency, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'agencyId' })
  agency?: Agency;
}
