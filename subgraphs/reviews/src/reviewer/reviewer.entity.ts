import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { DateScalar } from '@safeguarding/shared';

/** A member of the Panel's public pool of reviewers (SI 2018/789 reg 4); public. */
@ObjectType({ description: "A reviewer in the national Panel's public pool (public)" })
@Directive('@key(fields: "id")')
@Entity('reviewers')
export class Reviewer {
  @Field(() => ID)
  @PrimaryColumn('varchar', { length: 36 })
  id!: string;

  @Field()
  @Column('varchar', { length: 200 })
  name!: string;

  @Field({ description: 'Areas of expertise, as published' })
  @Column('varchar', { length: 1000 })
  expertise!: string;

  @Field(() => DateScalar)
  @Column('date')
  joinedPoolOn!: string;

  @Field(() => DateScalar, { nullable: true, description: 'When the reviewer left the pool; null while in it' })
  @Column('date', { nullable: true })
  leftPoolOn!: string | null;

  @Field({ description: 'Whether the reviewer is in the pool now' })
  inPool(): boolean {
    return this.leftPoolOn === null;
  }
}
