import { allowedFrom, TransitionRefusedError } from '@safeguarding/shared';
import { ReferralStatus, type ReferralDecision } from './referral.entity';

export type ReferralTransition =
  | { readonly kind: 'acknowledge' }
  /** Deciding straight from RECEIVED acknowledges too: a decision is the fullest acknowledgement. */
  | { readonly kind: 'decide'; readonly decision: ReferralDecision };

const from: Record<ReferralTransition['kind'], readonly ReferralStatus[]> = {
  acknowledge: [ReferralStatus.RECEIVED],
  decide: [ReferralStatus.RECEIVED, ReferralStatus.ACKNOWLEDGED],
};

/** RECEIVED → ACKNOWLEDGED → DECIDED; refuses anything else, naming the state the referral is in. */
export function nextReferralStatus(current: ReferralStatus, transition: ReferralTransition): ReferralStatus {
  const refuse = (why: string): never => {
    throw new TransitionRefusedError(`referral is ${current}: ${why}`, current, allowedFrom(current, from));
  };
  switch (current) {
    case ReferralStatus.RECEIVED:
      return transition.kind === 'acknowledge' ? ReferralStatus.ACKNOWLEDGED : ReferralStatus.DECIDED;
    case ReferralStatus.ACKNOWLEDGED:
      return transition.kind === 'decide' ? ReferralStatus.DECIDED : refuse('decide it next');
    case ReferralStatus.DECIDED:
      return refuse(`it cannot be ${transition.kind === 'acknowledge' ? 'acknowledged' : 'decided'} again`);
    default: {
      const unhandled: never = current;
      throw new Error(`unhandled referral status ${String(unhandled)}`);
    }
  }
}
