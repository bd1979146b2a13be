import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { DateScalar, DeadlineView } from '@safeguarding/shared';

/** RECORDED by the sending DSL, SENT when the file has gone, RECEIPT_CONFIRMED by the receiving DSL. */
export enum FileTransferState {
  RECORDED = 'RECORDED',
  SENT = 'SENT',
  RECEIPT_CONFIRMED = 'RECEIPT_CONFIRMED',
}
registerEnumType(FileTransferState, {
  name: 'FileTransferState',
  description: 'Where a child-protection file transfer stands: RECORDED, SENT, RECEIPT_CONFIRMED',
});

/**
 * A child's child-protection file passing from the school they left to the one they joined
 * (KCSIE: the DSL transfers it within 5 school days). Case-level: the child is a pseudonymous
 * reference, and only the two schools' DSLs and their local authorities see the record.
 */
@ObjectType({ description: "A child-protection file sent from a child's old school to the new one (restricted)" })
@Entity('child_protection_file_transfers')
// A school's transfers out and in, the oldest move first, a page at a time from the index.
@Index(['sendingUrn', 'leftOn', 'id'])
@Index(['receivingUrn', 'leftOn', 'id'])
export class ChildProtectionFileTransfer {
  @Field(() => ID)
  @PrimaryColumn('varchar', { length: 36 })
  id!: string;

  @Field({ description: 'URN of the school the child left' })
  @Index()
  @Column('varchar', { length: 6 })
  sendingUrn!: string;

  @Field({ description: 'URN of the school the child joined' })
  @Index()
  @Column('varchar', { length: 6 })
  receivingUrn!: string;

  // Copied from the two schools when recorded, so the local authorities' visibility needs no join.
  @Index()
  @Column('varchar', { length: 3 })
  sendingLaDfeCode!: string;

  @Index()
  @Column('varchar', { length: 3 })
  receivingLaDfeCode!: string;

  // Indexed for a child's picture, which reads every transfer about the child's references.
  @Field({ description: "The sending school's pseudonymous reference for the child, never a name" })
  @Index()
  @Column('varchar', { length: 40 })
  childReference!: string;

  @Field(() => DateScalar, { description: 'The day the child left the sending school: day 0 of the 5 school days' })
  @Column('date')
  leftOn!: string;

  @Field(() => FileTransferState)
  @Column('varchar', { length: 20 })
  state!: FileTransferState;

  @Field(() => DateScalar, { nullable: true })
  @Column('date', { nullable: true })
  sentOn!: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'When the receiving DSL confirmed receipt' })
  @Column('date', { nullable: true })
  receivedOn!: string | null;

  // The subject of the DSL who recorded it, for the record; the audit trail has every step.
  @Column('varchar', { length: 200 })
  recordedBy!: string;

  // Filled by the service from the calendar; not stored.
  @Field(() => DeadlineView, { description: 'Receipt due within 5 school days of leftOn (KCSIE)' })
  deadline?: DeadlineView;

  @Field({ description: 'True while the deadline has passed without receipt confirmed' })
  overdue?: boolean;
}
