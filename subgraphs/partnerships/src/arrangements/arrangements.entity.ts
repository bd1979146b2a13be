import { Directive, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { DateScalar, Identifying } from '@safeguarding/shared';
import { Partnership } from '../partnership/partnership.entity';

/** The forums the arrangements must link to (Working Together 2023). */
export enum Forum {
  HEALTH_AND_WELLBEING_BOARD = 'HEALTH_AND_WELLBEING_BOARD',
  SAFEGUARDING_ADULTS_BOARD = 'SAFEGUARDING_ADULTS_BOARD',
  COMMUNITY_SAFETY_PARTNERSHIP = 'COMMUNITY_SAFETY_PARTNERSHIP',
  MAPPA = 'MAPPA',
  CHANNEL_PANEL = 'CHANNEL_PANEL',
  LOCAL_FAMILY_JUSTICE_BOARD = 'LOCAL_FAMILY_JUSTICE_BOARD',
  VIOLENCE_REDUCTION_UNIT = 'VIOLENCE_REDUCTION_UNIT',
}
registerEnumType(Forum, { name: 'Forum' });

export interface SignOff {
  readonly partnerId: string;
  readonly signedOn: string;
}
export interface ScrutinyReportRecord {
  readonly title: string;
  readonly url: string;
  readonly publishedOn: string;
}
export interface ForumLinkRecord {
  readonly forum: Forum;
  readonly name: string;
  readonly url: string | null;
}

/**
 * One published version of a partnership's arrangements. A new publication adds a version; earlier
 * ones stay as they were published, because what was in force on a date can matter later.
 */
@ObjectType({ description: 'A published version of the local safeguarding arrangements' })
@Entity('published_arrangements')
@Index(['partnershipId', 'version'], { unique: true })
export class PublishedArrangements {
  @Field(() => ID)
  @PrimaryColumn('varchar', { length: 36 })
  id!: string;

  @Column('varchar', { length: 36 })
  partnershipId!: string;

  @Field(() => Int)
  @Column('int')
  version!: number;

  @Field(() => DateScalar)
  @Column('date')
  publishedOn!: string;

  @Field()
  @Column('varchar', { length: 500 })
  url!: string;

  @Column('simple-json')
  signOffs!: SignOff[];

  @Column('simple-json')
  relevantAgencyIds!: string[];

  @Column('simple-json')
  relevantSchoolUrns!: string[];

  @Column('varchar', { length: 2000 })
  educationStrategic!: string;

  @Column('varchar', { length: 2000 })
  educationOperational!: string;

  @Column('varchar', { length: 200 })
  scrutineer!: string;

  @Column('simple-json')
  scrutinyFunctions!: string[];

  @Column('simple-json')
  scrutinyReports!: ScrutinyReportRecord[];

  @Column('simple-json')
  childDeathReviewPartnerIds!: string[];

  @Column('simple-json')
  forums!: ForumLinkRecord[];

  @ManyToOne(() => Partnership, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'partnershipId' })
  partnership?: Partnership;
}

@ObjectType('School')
@Directive('@key(fields: "urn", resolvable: false)')
export class SchoolReference {
  @Identifying()
  @Field()
  urn!: string;
}

@ObjectType({ description: 'How education is represented in the arrangements (WT 2023: at strategic level)' })
export class EducationRepresentation {
  @Field()
  strategic!: string;

  @Field()
  operational!: string;
}

@ObjectType()
export class ScrutinyReport {
  @Field()
  title!: string;

  @Field()
  url!: string;

  @Field(() => DateScalar)
  publishedOn!: string;
}

@ObjectType({ description: 'The independent scrutiny the arrangements must include' })
export class IndependentScrutiny {
  @Field({ description: 'The independent scrutineer' })
  scrutineer!: string;

  @Field(() => [String])
  functions!: string[];

  @Field(() => [ScrutinyReport])
  reports!: ScrutinyReport[];
}

@ObjectType()
export class ForumLink {
  @Field(() => Forum)
  forum!: Forum;

  @Field()
  name!: string;

  @Field(() => String, { nullable: true })
  url!: string | null;
}
