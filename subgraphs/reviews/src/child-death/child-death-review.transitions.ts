import { allowedFrom, TransitionRefusedError } from '@safeguarding/shared';
import { ChildDeathReviewStage } from './child-death-review.entity';

/** The review meeting, then the child death overview panel's review: each once, in that order. */
export type ChildDeathReviewTransition =
  { readonly kind: 'recordReviewMeeting' } | { readonly kind: 'recordPanelReview' };

const from: Record<ChildDeathReviewTransition['kind'], readonly ChildDeathReviewStage[]> = {
  recordReviewMeeting: [ChildDeathReviewStage.AWAITING_REVIEW_MEETING],
  recordPanelReview: [ChildDeathReviewStage.AWAITING_PANEL_REVIEW],
};

/** The stage a transition leads to; refuses one the current stage does not allow. */
export function nextChildDeathReviewStage(
  current: ChildDeathReviewStage,
  transition: ChildDeathReviewTransition,
): ChildDeathReviewStage {
  const refuse = (why: string): never => {
    throw new TransitionRefusedError(`child death review is ${current}: ${why}`, current, allowedFrom(current, from));
  };
  switch (transition.kind) {
    case 'recordReviewMeeting':
      return current === ChildDeathReviewStage.AWAITING_REVIEW_MEETING
        ? ChildDeathReviewStage.AWAITING_PANEL_REVIEW
        : refuse('its review meeting is already recorded');
    case 'recordPanelReview':
      return current === ChildDeathReviewStage.AWAITING_PANEL_REVIEW
        ? ChildDeathReviewStage.REVIEWED
        : refuse('the panel review follows the review meeting, once');
    default: {
      const unhandled: never = transition;
      throw new Error(`unhandled child death review transition ${JSON.stringify(unhandled)}`);
    }
  }
}
