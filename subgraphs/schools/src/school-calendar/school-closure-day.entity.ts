import { Field, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { DateScalar } from '@safeguarding/shared';

/**
 * A weekday the school is closed (INSET day, term holiday). KCSIE counts school days; without a
 * school calendar they are taken as working days, with one these days are skipped as well.
 */
@ObjectType({ description: 'A weekday the school is closed: an INSET day or a holiday outside bank holidays' })
@Entity('school_closure_days')
export class SchoolClosureDay {
  @PrimaryColumn('varchar', { length: 6 })
  urn!: string;

  @Field(() => DateScalar)
  @PrimaryColumn('date')
  date!: string;

  @Field()
  @Column('varchar', { length: 200 })
  reason!: string;
}
