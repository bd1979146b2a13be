import { ConflictError } from '@safeguarding/shared';
import { PracticeReviewStatus } from './practice-review.entity';

/** Everything that may happen to a practice review once its decision is recorded. */
export type PracticeReviewTransition = { kind: 'publish'; publishedOn: string; publicationUrl: string };

/** The status a transition leads to; refuses a transition the current status does not allow. */
export function nextStatus(current: PracticeReviewStatus, transition: PracticeReviewTransition): PracticeReviewStatus {
  switch (transition.kind) {
    case 'publish':
      if (current !== PracticeReviewStatus.IN_PROGRESS) {
        throw new ConflictError(`practice review is ${current}: it cannot be published again`, { status: current });
      }
      return PracticeReviewStatus.PUBLISHED;
    default: {
      // A new kind of transition fails to compile here until it is given its rule.
      const unhandled: never = transition.kind;
      throw new Error(`unhandled practice review transition ${String(unhandled)}`);
    }
  }
}
