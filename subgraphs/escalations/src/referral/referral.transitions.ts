import { ConflictError } from '@safeguarding/shared';
import { ReferralStatus, type ReferralDecision } from './referral.entity';

export type ReferralTransition =
  | { readonly kind: 'acknowledge' }
  /** Deciding straight from RECEIVED acknowledges too: a decision is the fullest acknowledgement. */
  | { readonly kind: 'decide'; readonly decision: ReferralDecision };

/** RECEIVED → ACKNOWLEDGED → DECIDED; refuses anything else, naming the state the referral is in. */
export function nextReferralStatus(current: ReferralStatus, transition: ReferralTransition): ReferralStatus {
  switch (current) {
    case ReferralStatus.RECEIVED:
      return transition.kind === 'acknowledge' ? ReferralStatus.ACKNOWLEDGED : ReferralStatus.DECIDED;
    case ReferralStatus.ACKNOWLEDGED:
      if (transition.kind === 'decide') return ReferralStatus.DECIDED;
      throw new ConflictError('referral is ACKNOWLEDGED already: decide it next', { status: current });
    case ReferralStatus.DECIDED:
      throw new ConflictError(`referral is DECIDED: it cannot be ${transition.kind === 'acknowledge' ? 'acknowledged' : 'decided'} again`, {
        status: current,
      });
    default: {
      const unhandled: never = current;
      throw new Error(`unhandled referral status ${String(unhandled)}`);
    }
  }
}
