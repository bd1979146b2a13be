import { allowedFrom, TransitionRefusedError } from '@safeguarding/shared';
import { NationalEscalationStatus } from './national-escalation.entity';

export type NationalEscalationTransition = 'acknowledge' | 'close' | 'withdraw';

const { OPEN, ACKNOWLEDGED, CLOSED, WITHDRAWN } = NationalEscalationStatus;
const from: Record<NationalEscalationTransition, readonly NationalEscalationStatus[]> = {
  acknowledge: [OPEN],
  close: [OPEN, ACKNOWLEDGED],
  withdraw: [OPEN, ACKNOWLEDGED],
};

/** The status a transition leads to; refuses one the current status does not allow, naming it. */
export function nextNationalStatus(
  current: NationalEscalationStatus,
  transition: NationalEscalationTransition,
): NationalEscalationStatus {
  const refuse = (what: string): never => {
    throw new TransitionRefusedError(
      `national escalation is ${current}: it cannot be ${what}`,
      current,
      allowedFrom(current, from),
    );
  };
  switch (transition) {
    case 'acknowledge':
      return from.acknowledge.includes(current) ? ACKNOWLEDGED : refuse('acknowledged');
    case 'close':
      return from.close.includes(current) ? CLOSED : refuse('closed');
    case 'withdraw':
      return from.withdraw.includes(current) ? WITHDRAWN : refuse('withdrawn');
    default: {
      const unhandled: never = transition;
      throw new Error(`unhandled national escalation transition ${String(unhandled)}`);
    }
  }
}
