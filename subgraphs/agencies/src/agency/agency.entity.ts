import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

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

/** The headings of the Schedule to SI 2018/789 (relevant agencies). */
export enum ScheduleCategory {
  EDUCATION_AND_CHILDCARE = 'EDUCATION_AND_CHILDCARE',
  HEALTH_AND_SOCIAL_CARE = 'HEALTH_AND_SOCIAL_CARE',
  CRIMINAL_JUSTICE = 'CRIMINAL_JUSTICE',
  POLICE_AND_IMMIGRATION = 'POLICE_AND_IMMIGRATION',
  MISCELLANEOUS = 'MISCELLANEOUS',
}
registerEnumType(ScheduleCategory, { name: 'ScheduleCategory', description: 'Schedule to SI 2018/789' });

/** Every organisation in the graph other than a school. */
@ObjectType({ description: 'An organisation in the safeguarding arrangements (not a school)' })
@Directive('@key(fields: "id")')
@Entity('agencies')
export class Agency {
  @Field(() => ID)
  @PrimaryColumn('varchar', { length: 36 })
  id!: string;

  @Field()
  @Column('varchar', { length: 200 })
  name!: string;

  @Field(() => AgencyKind)
  @Index()
  @Column('varchar', { length: 24 })
  kind!: AgencyKind;

  @Field(() => ScheduleCategory, { nullable: true, description: 'For a relevant agency: its Schedule heading' })
  @Column('varchar', { length: 32, nullable: true })
  scheduleCategory!: ScheduleCategory | null;

  @Field(() => String, { nullable: true, description: 'ONS GSS code (local authorities and police force areas)' })
  @Index()
  @Column('varchar', { length: 9, nullable: true })
  gssCode!: string | null;

  @Field(() => String, { nullable: true, description: 'DfE 3-digit LA code (local authorities)' })
  @Column('varchar', { length: 3, nullable: true })
  dfeCode!: string | null;

  @Field(() => String, { nullable: true, description: 'NHS Organisation Data Service code (ICBs, NHS trusts)' })
  @Index({ unique: true })
  @Column('varchar', { length: 5, nullable: true })
  odsCode!: string | null;
}
