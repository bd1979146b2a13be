import type { ClockRules } from './clock-rule';

/** Filled by the subgraph that owns these duties; see clock-rule.ts. */
export const selfAssessmentClockRules: ClockRules = {};
