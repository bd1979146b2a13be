import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One stage of a partnership's escalation procedure for professional disagreements. The stages
 * and their timescales are local practice (DOMAIN.md §3), so each partnership configures its own.
 */
@ObjectType({ description: "A stage of a partnership's procedure for escalating a professional disagreement" })
@Entity('escalation_stages')
@Index(['partnershipId', 'position'], { unique: true })
export class EscalationStage {
  @Field(() => ID)
  @PrimaryColumn('varchar', { length: 36 })
  id!: string;

  @Field(() => ID)
  @Column('varchar', { length: 36 })
  partnershipId!: string;

  @Field(() => Int, { description: 'Order of the stage, from 1' })
  @Column('int')
  position!: number;

  @Field()
  @Column('varchar', { length: 120 })
  name!: string;

  @Field({ description: 'Who is involved at this stage' })
  @Column('varchar', { length: 300 })
  participants!: string;

  @Field(() => Int, { description: 'Working days the stage has to resolve the disagreement' })
  @Column('int')
  timescaleWorkingDays!: number;

  @Field({
    description: 'True for the stage that can act now, where a disagreement about a child at immediate risk starts',
  })
  @Column('boolean', { default: false })
  actsOnImmediateRisk!: boolean;

  @Field({
    description:
      'True for the stage at which the partnership business unit and the independent scrutineer are involved',
  })
  @Column('boolean', { default: false })
  scrutineerFacilitates!: boolean;
}
