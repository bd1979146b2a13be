import type { Deadline, IsoDate, WorkingDayCalendar } from '../../calendar';
import type { ObligationKind } from '../obligation-kind';

/**
 * How one kind of obligation's due date follows from the event that starts its clock. The subgraph
 * that owns the duty computes its deadlines with the same rule, so `deadlinePreview` and the
 * deadlines the graph records can never disagree.
 */
export interface ClockRule {
  readonly kind: ObligationKind;
  /** Statute, guidance or local policy, as the schema cites it. */
  readonly basis: string;
  /** Where the rule is local practice: what a partnership may set, and its default here. */
  readonly localSetting?: string;
  compute(from: IsoDate, calendar: WorkingDayCalendar): Deadline;
}

export type ClockRules = Partial<Record<ObligationKind, ClockRule>>;
