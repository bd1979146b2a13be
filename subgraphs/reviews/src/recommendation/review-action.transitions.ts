import { TransitionRefusedError } from '@safeguarding/shared';
import { ReviewActionStatus } from './recommendation.entity';

/** The one status each status may move to; EVIDENCED is the end. */
export function followingStatus(current: ReviewActionStatus): ReviewActionStatus | null {
  switch (current) {
    case ReviewActionStatus.OPEN:
      return ReviewActionStatus.IN_PROGRESS;
    case ReviewActionStatus.IN_PROGRESS:
      return ReviewActionStatus.COMPLETED;
    case ReviewActionStatus.COMPLETED:
      return ReviewActionStatus.EVIDENCED;
    case ReviewActionStatus.EVIDENCED:
      return null;
    default: {
      const unhandled: never = current;
      throw new Error(`unhandled review action status ${String(unhandled)}`);
    }
  }
}

/** Refuses any move but the next one, naming the current status and the one move it allows. */
export function checkActionTransition(current: ReviewActionStatus, to: ReviewActionStatus): void {
  const next = followingStatus(current);
  if (next !== to) {
    throw new TransitionRefusedError(
      next === null
        ? `review action is ${current}: it is finished and cannot move to ${to}`
        : `review action is ${current}: it can move only to ${next}, not ${to}`,
      current,
      next === null ? [] : [next],
    );
  }
}
