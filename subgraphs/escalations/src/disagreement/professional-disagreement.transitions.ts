import { ConflictError } from '@safeguarding/shared';
import { DisagreementStatus } from './professional-disagreement.entity';

/** Where a disagreement stands: its status and the stage it is at. */
export interface DisagreementState {
  readonly status: DisagreementStatus;
  readonly stagePosition: number;
  readonly childAtImmediateRisk: boolean;
}

/** Everything that may happen to a disagreement once raised. Advice and learning notes are not transitions. */
export type DisagreementTransition =
  | {
      readonly kind: 'escalate';
      readonly toStage: number;
      /** The number of stages in the policy now. */
      readonly finalStage: number;
      readonly childAtImmediateRisk: boolean;
    }
  | { readonly kind: 'resolve' }
  | { readonly kind: 'withdraw' };

/** The state a transition leads to; refuses one the current state does not allow, naming that state. */
export function nextDisagreementState(current: DisagreementState, transition: DisagreementTransition): DisagreementState {
  if (current.status !== DisagreementStatus.OPEN) {
    throw new ConflictError(
      `professional disagreement is ${current.status}: its history is closed and it cannot be ${pastTense(transition.kind)}`,
      { status: current.status },
    );
  }
  switch (transition.kind) {
    case 'escalate': {
      const atRisk = current.childAtImmediateRisk || transition.childAtImmediateRisk;
      if (transition.toStage <= current.stagePosition) {
        throw new ConflictError(
          `professional disagreement is OPEN at stage ${current.stagePosition}: escalation goes forward, to stage ${current.stagePosition + 1}`,
          { status: current.status, stage: current.stagePosition },
        );
      }
      if (current.stagePosition >= transition.finalStage) {
        throw new ConflictError(
          `professional disagreement is OPEN at stage ${current.stagePosition}, the last stage of the policy: resolve or withdraw it`,
          { status: current.status, stage: current.stagePosition },
        );
      }
      if (transition.toStage > transition.finalStage) {
        throw new ConflictError(`the escalation policy has ${transition.finalStage} stages: there is no stage ${transition.toStage}`, {
          status: current.status,
          stage: current.stagePosition,
        });
      }
      if (transition.toStage > current.stagePosition + 1 && !atRisk) {
        throw new ConflictError(
          `professional disagreement is OPEN at stage ${current.stagePosition}: skipping to stage ${transition.toStage} needs the child to be at immediate risk`,
          { status: current.status, stage: current.stagePosition },
        );
      }
      return { status: DisagreementStatus.OPEN, stagePosition: transition.toStage, childAtImmediateRisk: atRisk };
    }
    case 'resolve':
      return { ...current, status: DisagreementStatus.RESOLVED };
    case 'withdraw':
      return { ...current, status: DisagreementStatus.WITHDRAWN };
    default: {
      // A new kind of transition fails to compile here until it is given its rule.
      const unhandled: never = transition;
      throw new Error(`unhandled disagreement transition ${JSON.stringify(unhandled)}`);
    }
  }
}

function pastTense(kind: DisagreementTransition['kind']): string {
  switch (kind) {
    case 'escalate':
      return 'escalated';
    case 'resolve':
      return 'resolved';
    case 'withdraw':
      return 'withdrawn';
    default: {
      const unhandled: never = kind;
      return String(unhandled);
    }
  }
}
