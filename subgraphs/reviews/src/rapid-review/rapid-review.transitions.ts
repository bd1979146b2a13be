import { allowedFrom, TransitionRefusedError } from '@safeguarding/shared';
import { RapidReviewStatus } from './rapid-review.entity';

/** Everything that may happen to a rapid review once it is open. */
export type RapidReviewTransition =
  | {
      kind: 'decide';
      decidedOn: string;
      localPracticeReview: boolean;
      nationalReviewRecommended: boolean;
      reasons: string;
    }
  | { kind: 'sendToPanel'; sentOn: string }
  | { kind: 'recordPanelResponse'; respondedOn: string; agreed: boolean; response: string };

const from: Record<RapidReviewTransition['kind'], readonly RapidReviewStatus[]> = {
  decide: [RapidReviewStatus.OPEN],
  sendToPanel: [RapidReviewStatus.DECIDED],
  recordPanelResponse: [RapidReviewStatus.SENT_TO_PANEL],
};

export function allowedRapidReviewTransitions(current: RapidReviewStatus): RapidReviewTransition['kind'][] {
  return allowedFrom(current, from);
}

/** A rapid review whose status does not allow what was asked: CONFLICT naming the status and what it allows. */
export function rapidReviewRefusal(current: RapidReviewStatus, message: string): TransitionRefusedError {
  return new TransitionRefusedError(
    `rapid review is ${current}: ${message}`,
    current,
    allowedRapidReviewTransitions(current),
  );
}

/** The status a transition leads to; refuses one the current status does not allow, naming it. */
export function nextRapidReviewStatus(
  current: RapidReviewStatus,
  transition: RapidReviewTransition,
): RapidReviewStatus {
  if (!from[transition.kind].includes(current)) {
    throw rapidReviewRefusal(current, `${describe(transition)} needs it to be ${from[transition.kind].join(' or ')}`);
  }
  switch (transition.kind) {
    case 'decide':
      return RapidReviewStatus.DECIDED;
    case 'sendToPanel':
      return RapidReviewStatus.SENT_TO_PANEL;
    case 'recordPanelResponse':
      return RapidReviewStatus.PANEL_RESPONDED;
    default: {
      const unhandled: never = transition;
      throw new Error(`unhandled rapid review transition ${JSON.stringify(unhandled)}`);
    }
  }
}

function describe(transition: RapidReviewTransition): string {
  switch (transition.kind) {
    case 'decide':
      return 'recording its decision';
    case 'sendToPanel':
      return 'sending it to the Panel';
    case 'recordPanelResponse':
      return "recording the Panel's response";
    default: {
      const unhandled: never = transition;
      return String(unhandled);
    }
  }
}
