import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The escalations service's copy of the agencies register, built from the agencies service's
 * events (it reads no other service's tables): which ids name a registered agency and whether it
 * has closed. `sequence` is the event's, so an older event arriving late changes nothing.
 */
@Entity('agency_directory')
export class AgencyDirectoryEntry {
  @PrimaryColumn('varchar', { length: 36 })
  agencyId!: string;

  @Column('varchar', { length: 32 })
  kind!: string;

  @Column('varchar', { length: 16 })
  status!: string;

  @Column('varchar', { length: 10, nullable: true })
  closedOn!: string | null;

  @Column('int')
  sequence!: number;
}
