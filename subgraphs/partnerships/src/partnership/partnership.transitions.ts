import { allowedFrom, ConflictError, TransitionRefusedError } from '@safeguarding/shared';
import { PartnershipStatus } from './partnership.entity';

/** What can happen to arrangements: they come into force once, and are dissolved once. */
export type PartnershipTransition =
  { readonly kind: 'activate'; readonly on: string } | { readonly kind: 'dissolve'; readonly on: string };

const from: Record<PartnershipTransition['kind'], readonly PartnershipStatus[]> = {
  activate: [PartnershipStatus.DRAFT],
  dissolve: [PartnershipStatus.ACTIVE],
};

/** A partnership whose status does not allow what was asked: CONFLICT naming the status and what it allows. */
export function partnershipRefusal(current: PartnershipStatus, message: string): TransitionRefusedError {
  return new TransitionRefusedError(`The partnership is ${current}: ${message}`, current, allowedFrom(current, from));
}

export function nextPartnershipStatus(
  current: PartnershipStatus,
  transition: PartnershipTransition,
): PartnershipStatus {
  switch (transition.kind) {
    case 'activate':
      if (current !== PartnershipStatus.DRAFT)
        throw partnershipRefusal(current, 'only a DRAFT partnership can be activated');
      return PartnershipStatus.ACTIVE;
    case 'dissolve':
      if (current !== PartnershipStatus.ACTIVE)
        throw partnershipRefusal(current, 'only an ACTIVE partnership can be dissolved');
      return PartnershipStatus.DISSOLVED;
    default: {
      const unhandled: never = transition;
      throw new Error(`unknown transition ${JSON.stringify(unhandled)}`);
    }
  }
}

/** The statutory rules checked when arrangements come into force; each refusal names its rule. */
export const activationRules = {
  PARTNER_OF_EACH_KIND:
    'Arrangements need at least one local authority, one ICB and one police partner (Children Act 2004 s16E)',
  PARTNERS_FOR_THE_AREA:
    'Each local authority of the footprint needs as partners an ICB and the police for an area any part of which falls within it, and every partner named must be one for the area (Children Act 2004 s16E)',
  LEAD_FOR_EACH_PARTNER: 'Every statutory partner must have a Lead Safeguarding Partner named (Working Together 2023)',
  ONE_ACTIVE_PARTNERSHIP_PER_AREA: 'A local authority area belongs to at most one active partnership at a time',
} as const;
export type ActivationRule = keyof typeof activationRules;

export function ruleBroken(rule: ActivationRule, detail: string): ConflictError {
  return new ConflictError(`${activationRules[rule]}: ${detail}`, { rule });
}
