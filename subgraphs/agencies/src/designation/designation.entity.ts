import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { DateScalar } from '@safeguarding/shared';
import { Agency } from '../agency/agency.entity';

/** Where a designation stands on a given day; derived from its dates, never stored. */
export enum DesignationStatus {
  SCHEDULED = 'SCHEDULED',
  CURRENT = 'CURRENT',
  ENDED = 'ENDED',
}
registerEnumType(DesignationStatus, {
  name: 'DesignationStatus',
  description: 'SCHEDULED before designatedFrom, CURRENT while in force, ENDED after designatedUntil',
});

/** A partnership naming an agency as relevant (SI 2018/789), which puts it under a duty to co-operate. */
@ObjectType('RelevantAgencyDesignation', {
  description: 'A partnership naming an agency as a relevant agency (public)',
})
@Entity('designations')
@Index(['partnershipId', 'agencyId', 'designatedFrom'], { unique: true })
// An agency's designations, the latest first, a page at a time from the index.
@Index(['agencyId', 'designatedFrom', 'id'])
export class Designation {
  @Field(() => ID)
  @PrimaryColumn('varchar', { length: 36 })
  id!: string;

  @Index()
  @Column('varchar', { length: 36 })
  partnershipId!: string;

  @Index()
  @Column('varchar', { length: 36 })
  agencyId!: string;

  @Field(() => DateScalar)
  @Column('date')
  designatedFrom!: string;

  @Field(() => DateScalar, { nullable: true, description: 'The last day in force; null while open-ended' })
  @Column('date', { nullable: true })
  designatedUntil!: string | null;

  @Field({ description: 'Why the partnership named the agency' })
  @Column('varchar', { length: 500 })
  reason!: string;

  @Field(() => String, { nullable: true, description: 'Why the designation was ended' })
  @Column('varchar', { length: 500, nullable: true })
  endReason!: string | null;

  @ManyToOne(() => Agency, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'agencyId' })
  agency?: Agency;
}

export function designationStatus(
  designation: Pick<Designation, 'designatedFrom' | 'designatedUntil'>,
  today: string,
): DesignationStatus {
  if (today < designation.designatedFrom) return DesignationStatus.SCHEDULED;
  if (designation.designatedUntil !== null && designation.designatedUntil < today) return DesignationStatus.ENDED;
  return DesignationStatus.CURRENT;
}
