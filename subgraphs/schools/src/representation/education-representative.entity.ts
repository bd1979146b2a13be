import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** WT 2023: education represented at strategic level; partnerships also seat it in operational groups. */
export enum EducationRepresentationLevel {
  STRATEGIC = 'STRATEGIC',
  OPERATIONAL = 'OPERATIONAL',
}
registerEnumType(EducationRepresentationLevel, { name: 'EducationRepresentationLevel' });

@ObjectType({
  description: "A person who represents education (schools, colleges, early years) in a partnership's forums",
})
@Entity('education_representatives')
export class EducationRepresentative {
  @Field(() => ID)
  @PrimaryColumn('varchar', { length: 36 })
  id!: string;

  @Index()
  @Column('varchar', { length: 36 })
  partnershipId!: string;

  @Field(() => EducationRepresentationLevel)
  @Column('varchar', { length: 20 })
  level!: EducationRepresentationLevel;

  @Field({ description: 'The board or group, e.g. "Safeguarding partnership executive"' })
  @Column('varchar', { length: 200 })
  forum!: string;

  @Field()
  @Column('varchar', { length: 200 })
  name!: string;

  @Field({ description: 'Their post, e.g. "Headteacher, Seaview Primary School"' })
  @Column('varchar', { length: 200 })
  role!: string;

  @Field({ description: 'Whom they speak for, e.g. "primary headteachers", "further education"' })
  @Column('varchar', { length: 200 })
  represents!: string;

  @Column('varchar', { length: 6, nullable: true })
  urn!: string | null;
}
