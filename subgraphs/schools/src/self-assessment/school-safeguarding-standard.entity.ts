import { Field, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One standard a partnership's schools rate themselves against in their yearly section 175/157
 * return. The standards are the partnership's own choice (local practice), so each partnership
 * configures them; until it does, the default set applies.
 */
@ObjectType({ description: 'A standard of a partnership\'s annual school safeguarding self-assessment (Education Act 2002 s175/s157)' })
@Entity('school_safeguarding_standards')
@Index(['partnershipId', 'key'], { unique: true })
export class SchoolSafeguardingStandard {
  @PrimaryColumn('varchar', { length: 36 })
  id!: string;

  @Index()
  @Column('varchar', { length: 36 })
  partnershipId!: string;

  @Field(() => Int, { description: 'Order of the standard, from 1' })
  @Column('int')
  position!: number;

  @Field({ description: 'Stable code a return rates the standard by, e.g. ONLINE_SAFETY' })
  @Column('varchar', { length: 40 })
  key!: string;

  @Field()
  @Column('varchar', { length: 200 })
  title!: string;

  @Field()
  @Column('varchar', { length: 1000 })
  description!: string;

  @Field({ description: 'True when the partnership has configured none and the default set applies' })
  isDefault!: boolean;
}
