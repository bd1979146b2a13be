import type { ClockRule, ClockRules } from './clock-rule';
import type { ObligationKind } from '../obligation-kind';
import { caseClockRules } from './cases';
import { reviewClockRules } from './reviews';
import { selfAssessmentClockRules } from './self-assessment';

export * from './clock-rule';
export * from './reviews';
export * from './cases';
export { reviewClockRules, selfAssessmentClockRules };

/** Every kind's clock, for `deadlinePreview`; one file per area so each owner edits its own. */
export const clockRules: ClockRules = { ...reviewClockRules, ...caseClockRules, ...selfAssessmentClockRules };

export function clockRuleFor(kind: ObligationKind): ClockRule | undefined {
  return clockRules[kind];
}
