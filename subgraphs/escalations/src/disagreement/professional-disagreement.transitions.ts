import { TransitionRefusedError } from '@safeguarding/shared';
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

/** What may happen to a disagreement where it stands: nothing once closed; escalation only before the last stage. */
export function allowedDisagreementTransitions(
  current: DisagreementState,
  finalStage: number,
): DisagreementTransition['kind'][] {
  if (current.status !== DisagreementStatus.OPEN) return [];
  return current.stagePosition < finalStage ? ['escalate', 'resolve', 'withdraw'] : ['resolve', 'withdraw'];
}

/** A disagreement that may not do what was asked: CONFLICT naming its status, its stage and what it allows. */
export function disagreementRefusal(
  current: DisagreementState,
  finalStage: number,
  message: string,
): TransitionRefusedError {
  return new TransitionRefusedError(message, current.status, allowedDisagreementTransitions(current, finalStage), {
    ...(current.status === DisagreementStatus.OPEN ? { stage: current.stagePosition } : {}),
  });
}

/** The state a transition leads to; refuses one the current state does not allow, naming that state. */
export function nextDisagreementState(
  current: DisagreementState,
  transition: DisagreementTransition,
): DisagreementState {
  if (current.status !== DisagreementStatus.OPEN) {
    throw disagreementRefusal(
      current,
      0,
      `professional disagreement is ${current.status}: its history is closed and it cannot be ${pastTense(transition.kind)}`,
    );
  }
  switch (transition.kind) {
    case 'escalate': {
      const atRisk = current.childAtImmediateRisk || transition.childAtImmediateRisk;
      const refuse = (message: string): never => {
        throw disagreementRefusal(current, transition.finalStage, message);
      };
      if (transition.toStage <= current.stagePosition) {
        refuse(
          `professional disagreement is OPEN at stage ${current.stagePosition}: escalation goes forward, to stage ${current.stagePosition + 1}`,
        );
      }
      if (current.stagePosition >= transition.finalStage) {
        refuse(
          `professional disagreement is OPEN at stage ${current.stagePosition}, the last stage of the policy: resolve or withdraw it`,
        );
      }
      if (transition.toStage > transition.finalStage) {
        refuse(`the escalation policy has ${transition.finalStage} stages: there is no stage ${transition.toStage}`);
      }
      if (transition.toStage > current.stagePosition + 1 && !atRisk) {
        refuse(
          `professional disagreement is OPEN at stage ${current.stagePosition}: skipping to stage ${transition.toStage} needs the child to be at immediate risk`,
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
