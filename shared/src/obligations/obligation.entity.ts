import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export const obligationStatuses = ['OPEN', 'MET', 'CANCELLED'] as const;
export type ObligationStatus = (typeof obligationStatuses)[number];

/**
 * Which kind of organisation an id names. The owning subgraph knows it; an id's shape does not say it
 * (a school's URN and an agency's id are both just strings).
 */
export type ObligationOrganisationKind = 'AGENCY' | 'SCHOOL';

/**
 * A duty with a due date, kept by the subgraph that owns the duty, in the same transaction as the
 * change that opens, moves or meets it. Its id is derived from what it is about, so recomputing an
 * obligation (a change, or the start-up reconciliation) finds the row it wrote before.
 */
@Entity('obligation')
@Index('IDX_obligation_about', ['kind', 'entityType', 'entityId', 'occurrence'], { unique: true })
@Index('IDX_obligation_status_due', ['status', 'due'])
export class Obligation {
  @PrimaryColumn('varchar', { length: 36 })
  id!: string;

  @Column('varchar', { length: 40 })
  kind!: string;

  /** The entity the duty is about, as the graph names it (e.g. `Referral`) and its id. */
  @Column('varchar', { length: 60 })
  entityType!: string;

  @Column('varchar', { length: 64 })
  entityId!: string;

  /** Tells apart several duties of one kind about one entity (a financial year, a stage); '' if one. */
  @Column('varchar', { length: 40, default: '' })
  occurrence!: string;

  /** The organisation that owes it (agency id or school URN), where one does. */
  @Column('varchar', { length: 64, nullable: true })
  ownerOrganisationId!: string | null;

  /** AGENCY or SCHOOL: what `ownerOrganisationId` names (null for rows written before it was kept). */
  @Column('varchar', { length: 8, nullable: true })
  ownerOrganisationKind!: ObligationOrganisationKind | null;

  @Column('varchar', { length: 36, nullable: true })
  ownerPartnershipId!: string | null;

  /** A recipient (`NATIONAL_PANEL`, `RECEIVING_SCHOOL`…) or the id of the organisation owed. */
  @Column('varchar', { length: 64 })
  owedTo!: string;

  /** AGENCY or SCHOOL where `owedTo` is an organisation's id; null for a recipient. */
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

  @Column('varchar', { length: 12 })
  status!: ObligationStatus;

  @Column('varchar', { length: 10, nullable: true })
  metOn!: string | null;

  /** JSON of an ObligationAudience: who may see it, by the owning subgraph's rule. */
  @Column('text')
  audience!: string;

  @Column('varchar', { length: 30 })
  openedAt!: string;

  @Column('varchar', { length: 30 })
  updatedAt!: string;
}
