import { ConflictError } from '@safeguarding/shared';
import { NationalEscalationStatus } from './national-escalation.entity';

export type NationalEscalationTransition = 'acknowledge' | 'close' | 'withdraw';

/** The status a transition leads to; refuses one the current status does not allow, naming it. */
export function nextNationalStatus(current: NationalEscalationStatus, transition: NationalEscalationTransition): NationalEscalationStatus {
  const refuse = (what: string): never => {
    throw new ConflictError(`national escalation is ${current}: it cannot be ${what}`, { status: current });
  };
  switch (transition) {
    case 'acknowledge':
      return current === NationalEscalationStatus.OPEN ? NationalEscalationStatus.ACKNOWLEDGED : refuse('acknowledged');
    case 'close':
      return current === NationalEscalationStatus.OPEN || current === NationalEscalationStatus.ACKNOWLEDGED
        ? NationalEscalationStatus.CLOSED
        : refuse('closed');
    case 'withdraw':
      return current === NationalEscalationStatus.OPEN || current === NationalEscalationStatus.ACKNOWLEDGED
        ? NationalEscalationStatus.WITHDRAWN
        : refuse('withdrawn');
    default: {
      const unhandled: never = transition;
      throw new Error(`unhandled national escalation transition ${String(unhandled)}`);
    }
  }
}
