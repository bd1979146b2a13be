import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { DateScalar, Identifying } from '@safeguarding/shared';
import { ScheduleCategory } from './schedule-category';
import { ScheduleEntry } from './schedule';

export { ScheduleCategory } from './schedule-category';
export { ScheduleEntry, scheduleHeadingOf } from './schedule';

export enum AgencyKind {
  LOCAL_AUTHORITY = 'LOCAL_AUTHORITY',
  INTEGRATED_CARE_BOARD = 'INTEGRATED_CARE_BOARD',
  POLICE = 'POLICE',
  RELEVANT_AGENCY = 'RELEVANT_AGENCY',
}
registerEnumType(AgencyKind, {
  name: 'AgencyKind',
  description: 'The three statutory safeguarding partners, or an agency a partnership may name as relevant',
});

export enum AgencySector {
  STATUTORY = 'STATUTORY',
  VOLUNTARY = 'VOLUNTARY',
  CHARITY = 'CHARITY',
  SOCIAL_ENTERPRISE = 'SOCIAL_ENTERPRISE',
  FAITH_BASED = 'FAITH_BASED',
  PRIVATE = 'PRIVATE',
}
registerEnumType(AgencySector, { name: 'AgencySector' });

export enum AgencyStatus {
  ACTIVE = 'ACTIVE',
  CLOSED = 'CLOSED',
}
registerEnumType(AgencyStatus, { name: 'AgencyStatus' });

/** Every organisation in the graph other than a school. */
@ObjectType({ description: 'An organisation in the safeguarding arrangements (not a school)' })
@Directive('@key(fields: "id")')
@Entity('agencies')
// The register's order (name, id): a keyset page reads its rows from the index, never sorting every agency.
@Index(['name', 'id'])
export class Agency {
  @Identifying()
  @Field(() => ID)
  @PrimaryColumn('varchar', { length: 36 })
  id!: string;

  @Identifying()
  @Field()
  @Column('varchar', { length: 200 })
  name!: string;

  @Identifying()
  @Field(() => AgencyKind)
  @Index()
  @Column('varchar', { length: 24 })
  kind!: AgencyKind;

  @Field(() => ScheduleCategory, { nullable: true, description: 'For a relevant agency: its Schedule heading' })
  @Column('varchar', { length: 32, nullable: true })
  scheduleCategory!: ScheduleCategory | null;

  @Identifying()
  @Field(() => String, { nullable: true, description: 'ONS GSS code (local authorities and police force areas)' })
  @Index()
  @Column('varchar', { length: 9, nullable: true })
  gssCode!: string | null;

  @Identifying()
  @Field(() => String, { nullable: true, description: 'DfE 3-digit LA code (local authorities)' })
  @Column('varchar', { length: 3, nullable: true })
  dfeCode!: string | null;

  @Identifying()
  @Field(() => String, { nullable: true, description: 'NHS Organisation Data Service code (ICBs, NHS trusts)' })
  @Index({ unique: true })
  @Column('varchar', { length: 5, nullable: true })
  odsCode!: string | null;

  // Columns added with the registry (issue 5) are nullable or defaulted, so rows written before stay valid.
  @Field(() => ScheduleEntry, {
    nullable: true,
    description: 'For a relevant agency: its entry of the Schedule, under scheduleCategory',
  })
  @Column('varchar', { length: 48, nullable: true })
  scheduleEntry!: ScheduleEntry | null;

  @Field(() => AgencySector, { nullable: true })
  @Column('varchar', { length: 24, nullable: true })
  sector!: AgencySector | null;

  @Field(() => String, { nullable: true, description: 'Companies House number: 8 digits, or 2 letters and 6 digits' })
  @Index({ unique: true })
  @Column('varchar', { length: 8, nullable: true })
  companiesHouseNumber!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Charity Commission (England and Wales) registered number, 6 to 8 digits',
  })
  @Index({ unique: true })
  @Column('varchar', { length: 8, nullable: true })
  charityNumber!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Ofsted unique reference number: SC and 6 digits (social care), or 6 to 7 digits',
  })
  @Column('varchar', { length: 8, nullable: true })
  ofstedUrn!: string | null;

  @Field(() => AgencyStatus)
  @Column('varchar', { length: 8, default: AgencyStatus.ACTIVE })
  status!: AgencyStatus;

  @Field(() => DateScalar, { nullable: true })
  @Column('date', { nullable: true })
  openedOn!: string | null;

  @Field(() => DateScalar, { nullable: true })
  @Column('date', { nullable: true })
  closedOn!: string | null;
}
