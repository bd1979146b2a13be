import { Directive, Field, ObjectType, registerEnumType } from 'type-graphql';
import type { Deadline } from './calendar';
import { DateScalar } from './scalars';

export enum DeadlineStatus {
  PENDING = 'PENDING',
  DUE_TODAY = 'DUE_TODAY',
  OVERDUE = 'OVERDUE',
  MET = 'MET',
  MISSED = 'MISSED',
}
registerEnumType(DeadlineStatus, {
  name: 'DeadlineStatus',
  description: 'PENDING, DUE_TODAY and OVERDUE while not done; MET or MISSED once done',
});

/**
 * A deadline as every subgraph shows it: the date, the rule and source that produced it, and
 * whether it was met. Shareable, because reviews, escalations and schools all keep clocks.
 */
@ObjectType('Deadline', { description: 'A deadline set by law or guidance, with the rule that produced it' })
@Directive('@shareable')
export class DeadlineView {
  @Field(() => DateScalar)
  due!: string;

  @Field({ description: 'How the date was computed, e.g. "5 working days after 2026-12-23"' })
  rule!: string;

  @Field({ description: 'Where the rule comes from (statute, guidance or local policy)' })
  basis!: string;

  @Field({ description: 'True when computed beyond the bank-holiday calendar, on weekends alone' })
  provisional!: boolean;

  @Field(() => DateScalar, { nullable: true, description: 'When the thing was done, if it has been' })
  completedOn!: string | null;

  @Field(() => DeadlineStatus)
  status!: DeadlineStatus;

  static of(deadline: Deadline, basis: string, completedOn: string | null, today: string): DeadlineView {
    const view = new DeadlineView();
    view.due = deadline.due;
    view.rule = deadline.rule;
    view.basis = basis;
    view.provisional = deadline.provisional;
    view.completedOn = completedOn;
    view.status = deadlineStatus(deadline.due, completedOn, today);
    return view;
  }
}

// ISO dates compare correctly as strings.
export function deadlineStatus(due: string, completedOn: string | null, today: string): DeadlineStatus {
  if (completedOn !== null) return completedOn <= due ? DeadlineStatus.MET : DeadlineStatus.MISSED;
  if (today < due) return DeadlineStatus.PENDING;
  return today === due ? DeadlineStatus.DUE_TODAY : DeadlineStatus.OVERDUE;
}
