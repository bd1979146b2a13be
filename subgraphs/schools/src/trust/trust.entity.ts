import { Directive, Field, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A multi-academy (or single-academy) trust: a GIAS group with a UID, the proprietor of its
 * academies and, as academy proprietor, itself a relevant agency (SI 2018/789 Schedule).
 */
@ObjectType({ description: 'An academy trust, as GIAS records it (a group with a UID)' })
@Directive('@key(fields: "uid")')
@Entity('trusts')
export class Trust {
  @Field({ description: 'GIAS group UID: digits' })
  @PrimaryColumn('varchar', { length: 10 })
  uid!: string;

  @Field()
  @Column('varchar', { length: 200 })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Companies House number: 8 digits, or 2 letters and 6 digits' })
  @Column('varchar', { length: 8, nullable: true })
  companiesHouseNumber!: string | null;
}
