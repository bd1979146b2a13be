import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { ObligationOrganisationKind, ObligationStatus } from '@safeguarding/shared';

/**
 * The national index: one row per obligation any subgraph holds, as its latest event described it.
 * Kept after the duty is met or cancelled, so that an older event arriving late (a redelivery, a
 * replica's relay) finds a higher `sequence` here and changes nothing.
 */
@Entity('obligation_index')
@Index('IDX_obligation_index_status_due', ['status', 'due', 'id'])
@Index('IDX_obligation_index_partnership', ['ownerPartnershipId', 'status', 'due'])
@Index('IDX_obligation_index_organisation', ['ownerOrganisationId', 'status', 'due'])
export class IndexedObligation {
  /** The owning subgraph's obligation id (derived from what it is about, unique across subgraphs). */
  @PrimaryColumn('varchar', { length: 36 })
  id!: string;

  /** The subgraph that owns the duty and sent its events. */
  @Column('varchar', { length: 30 })
  source!: string;

  @Column('varchar', { length: 40 })
  kind!: string;

  /** The entity the duty is about, as the graph names it (e.g. `Referral`), and its id. */
  @Column('varchar', { length: 60 })
  aboutType!: string;

  @Column('varchar', { length: 64 })
  aboutId!: string;

  @Column('varchar', { length: 40, default: '' })
  occurrence!: string;

  @Column('varchar', { length: 64, nullable: true })
  ownerOrganisationId!: string | null;

  /** AGENCY or SCHOOL, as the owner's event said; null from events sent before it was carried. */
  @Column('varchar', { length: 8, nullable: true })
  ownerOrganisationKind!: ObligationOrganisationKind | null;

  @Column('varchar', { length: 36, nullable: true })
  ownerPartnershipId!: string | null;

  @Column('varchar', { length: 64 })
  owedTo!: string;

  /** AGENCY or SCHOOL where `owedTo` is an organisation's id, as the owner's event said. */
  @Column('varchar', { length: 8, nullable: true })
  owedToKind!: ObligationOrganisationKind | null;

  @Column('varchar', { length: 10 })
  due!: string;

  @Column('varchar', { length: 300 })
  rule!: string;

  @Column('varchar', { length: 300 })
  basis!: string;

  @Column('boolean')
  provisional!: boolean;

  /** OPEN, MET or CANCELLED, as the owner last said. */
  @Column('varchar', { length: 12 })
  status!: ObligationStatus;

  @Column('varchar', { length: 10, nullable: true })
  metOn!: string | null;

  /** The sequence of the event this row reflects: an event at or below it is older news. */
  @Column('int')
  sequence!: number;

  /**
   * Whether the audience names the owning organisation (any of its groups) and the owning partnership: a
   * reminder goes to an owner's endpoints only where the owner may see the duty. Decided when the event
   * is applied, so the reminder pass reads two columns rather than probing the audience twice per row.
   */
  @Column('boolean', { default: false })
  ownerOrganisationAdmitted!: boolean;

  @Column('boolean', { default: false })
  ownerPartnershipAdmitted!: boolean;

  /** When the owner recorded the change (the event's occurredAt). */
  @Column('varchar', { length: 30 })
  changedAt!: string;
}
