import { ConflictError } from '@safeguarding/shared';
import { PracticeReviewStatus } from './practice-review.entity';

/**
 * Everything that may happen to a practice review once its decision is recorded. A review exists
 * only from its decision, so "published without a decision" cannot even be expressed; publishing
 * also needs the report to have gone to the Panel and the Secretary of State first.
 */
export type PracticeReviewTransition =
  | { kind: 'sendReport'; sentOn: string }
  | { kind: 'publish'; publishedOn: string; publicationUrl: string };

/** The status a transition leads to; refuses a transition the current status does not allow. */
export function nextStatus(current: PracticeReviewStatus, transition: PracticeReviewTransition): PracticeReviewStatus {
  switch (transition.kind) {
    case 'sendReport':
      if (current !== PracticeReviewStatus.IN_PROGRESS) {
        throw new ConflictError(`practice review is ${current}: its report has already been sent`, { status: current });
      }
      return PracticeReviewStatus.REPORT_SENT;
    case 'publish':
      if (current === PracticeReviewStatus.IN_PROGRESS) {
        throw new ConflictError(
          `practice review is ${current}: its report must be sent to the Panel and the Secretary of State before publication`,
          { status: current },
        );
      }
      if (current !== PracticeReviewStatus.REPORT_SENT) {
        throw new ConflictError(`practice review is ${current}: it cannot be published again`, { status: current });
      }
      return PracticeReviewStatus.PUBLISHED;
    default: {
      // A new kind of transition fails to compile here until it is given its rule.
      const unhandled: never = transition;
      throw new Error(`unhandled practice review transition ${JSON.stringify(unhandled)}`);
    }
  }
}
