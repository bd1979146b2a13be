import { allowedFrom, TransitionRefusedError } from '@safeguarding/shared';
import { PracticeReviewStatus } from './practice-review.entity';

/**
 * Everything that may happen to a practice review once its decision is recorded. A review exists
 * only from its decision, so "published without a decision" cannot even be expressed; publishing
 * also needs the report to have gone to the Panel and the Secretary of State first.
 */
export type PracticeReviewTransition =
  { kind: 'sendReport'; sentOn: string } | { kind: 'publish'; publishedOn: string; publicationUrl: string };

const from: Record<PracticeReviewTransition['kind'], readonly PracticeReviewStatus[]> = {
  sendReport: [PracticeReviewStatus.IN_PROGRESS],
  publish: [PracticeReviewStatus.REPORT_SENT],
};

/** What may happen to a review in this status; the terms of reference are final once the report is sent. */
export function allowedPracticeReviewTransitions(current: PracticeReviewStatus): PracticeReviewTransition['kind'][] {
  return allowedFrom(current, from);
}

/** A practice review whose status does not allow what was asked: CONFLICT naming the status and what it allows. */
export function practiceReviewRefusal(current: PracticeReviewStatus, message: string): TransitionRefusedError {
  return new TransitionRefusedError(
    `practice review is ${current}: ${message}`,
    current,
    allowedPracticeReviewTransitions(current),
  );
}

/** The status a transition leads to; refuses a transition the current status does not allow. */
export function nextStatus(current: PracticeReviewStatus, transition: PracticeReviewTransition): PracticeReviewStatus {
  switch (transition.kind) {
    case 'sendReport':
      if (current !== PracticeReviewStatus.IN_PROGRESS)
        throw practiceReviewRefusal(current, 'its report has already been sent');
      return PracticeReviewStatus.REPORT_SENT;
    case 'publish':
      if (current === PracticeReviewStatus.IN_PROGRESS) {
        throw practiceReviewRefusal(
          current,
          'its report must be sent to the Panel and the Secretary of State before publication',
        );
      }
      if (current !== PracticeReviewStatus.REPORT_SENT)
        throw practiceReviewRefusal(current, 'it cannot be published again');
      return PracticeReviewStatus.PUBLISHED;
    default: {
      // A new kind of transition fails to compile here until it is given its rule.
      const unhandled: never = transition;
      throw new Error(`unhandled practice review transition ${JSON.stringify(unhandled)}`);
    }
  }
}
