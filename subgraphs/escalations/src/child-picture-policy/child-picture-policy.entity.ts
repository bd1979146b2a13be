import { Field, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { ChildPictureReason } from '../child/child.entity';

/** Used until a partnership configures its own: the two reasons Working Together 2023 ch. 4 makes urgent. */
export const defaultChildPictureReasons: readonly ChildPictureReason[] = [
  ChildPictureReason.EMERGENCY_DUTY,
  ChildPictureReason.STRATEGY_DISCUSSION,
];

/**
 * Which reasons a partnership's practitioners may state to see a child's picture without holding a
 * record: local practice, agreed in the partnership's information-sharing arrangements.
 */
@ObjectType({
  description:
    "The reasons a partnership's practitioners may state to see a child's picture without holding a record (local practice under Working Together 2023 ch. 2: information sharing)",
})
@Entity('child_picture_policies')
export class ChildPicturePolicy {
  @PrimaryColumn('varchar', { length: 36 })
  partnershipId!: string;

  @Field(() => [ChildPictureReason], { description: 'The reasons allowed; none means no look without a record' })
  @Column('simple-array')
  reasons!: ChildPictureReason[];

  @Field({ description: 'False when the partnership has not configured them and the default applies' })
  configured!: boolean;

  static of(partnershipId: string, reasons: readonly ChildPictureReason[], configured: boolean): ChildPicturePolicy {
    return Object.assign(new ChildPicturePolicy(), { partnershipId, reasons: [...reasons], configured });
  }
}
