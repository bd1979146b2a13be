import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { DeadlineView } from '@safeguarding/shared';

export enum DueItemKind {
  SERIOUS_INCIDENT_NOTIFICATION = 'SERIOUS_INCIDENT_NOTIFICATION',
  PARTNER_TOLD_OF_INCIDENT = 'PARTNER_TOLD_OF_INCIDENT',
  RAPID_REVIEW = 'RAPID_REVIEW',
  PRACTICE_REVIEW_REPORT_TO_PANEL = 'PRACTICE_REVIEW_REPORT_TO_PANEL',
  PRACTICE_REVIEW_PUBLICATION = 'PRACTICE_REVIEW_PUBLICATION',
  REVIEW_ACTION = 'REVIEW_ACTION',
  CHILD_DEATH_CDOP_NOTIFICATION = 'CHILD_DEATH_CDOP_NOTIFICATION',
}
registerEnumType(DueItemKind, { name: 'ReviewDueItemKind', description: 'Which clock a due item comes from' });

/** One thing not yet done, with the deadline (and the rule that set it) it is measured against. */
@ObjectType({ description: 'Something due or overdue in a partnership\'s reviews, with the rule that produced its date' })
export class ReviewDueItem {
  @Field(() => DueItemKind)
  kind!: DueItemKind;

  @Field(() => ID, { description: 'The id of the notification, rapid review, practice review, action or child death review' })
  entityId!: string;

  @Field({ description: 'A pseudonymous case reference, a review title or an action' })
  reference!: string;

  @Field(() => DeadlineView)
  deadline!: DeadlineView;

  static of(kind: DueItemKind, entityId: string, reference: string, deadline: DeadlineView): ReviewDueItem {
    return Object.assign(new ReviewDueItem(), { kind, entityId, reference, deadline });
  }
}
