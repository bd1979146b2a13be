import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * The escalations service's copy of which arrangements cover which local authority, built from the
 * partnerships service's footprint events (it reads no other service's tables). One row per area of
 * a partnership; `sequence` is the event's, so an older event arriving late changes nothing.
 */
@Entity('partnership_areas')
export class PartnershipArea {
  @PrimaryColumn('varchar', { length: 36 })
  partnershipId!: string;

  @PrimaryColumn('varchar', { length: 9 })
  @Index()
  localAuthorityGssCode!: string;

  @Column('varchar', { length: 16 })
  status!: string;

  @Column('int')
  sequence!: number;
}

/** A partnership whose footprint event stated no area still needs its sequence kept. */
@Entity('partnership_footprints')
export class PartnershipFootprintSeen {
  @PrimaryColumn('varchar', { length: 36 })
  partnershipId!: string;

  @Column('int')
  sequence!: number;
}
