import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The escalations service's copy of the schools register, built from the schools service's events
 * (it reads no other service's tables): which URNs name a school and whether it has closed.
 * `sequence` is the event's, so an older event arriving late changes nothing.
 */
@Entity('school_directory')
export class SchoolDirectoryEntry {
  @PrimaryColumn('varchar', { length: 6 })
  urn!: string;

  @Column('varchar', { length: 24 })
  status!: string;

  @Column('varchar', { length: 10, nullable: true })
  closedOn!: string | null;

  @Column('varchar', { length: 3 })
  localAuthorityDfeCode!: string;

  @Column('int')
  sequence!: number;
}
