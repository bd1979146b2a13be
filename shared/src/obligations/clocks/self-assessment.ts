import { financialYearContaining } from '../../financial-year';
import { defaultReturnDue, returnDueOn } from '../../self-assessment/self-assessment.obligations';
import type { ClockRule, ClockRules } from './clock-rule';
import type { ObligationKind } from '../obligation-kind';

const localSetting =
  "the day each year's return is due (MM-DD); default 03-31, the last day of the financial year assessed";

function yearlyReturn(kind: ObligationKind, basis: string): ClockRule {
  return {
    kind,
    basis,
    localSetting,
    compute: (from) => {
      const year = financialYearContaining(from);
      return {
        due: returnDueOn(year, defaultReturnDue),
        rule: `the ${year} return is due on the last day of the year assessed (the partnership may set another day)`,
        provisional: false,
      };
    },
  };
}

/** An action's due date is the one its return's action plan sets: the clock starts and ends there. */
function plannedAction(kind: ObligationKind, basis: string): ClockRule {
  return {
    kind,
    basis,
    compute: (from) => ({ due: from, rule: "due date set in the return's action plan", provisional: false }),
  };
}

export const selfAssessmentClockRules: ClockRules = {
  SECTION_11_RETURN: yearlyReturn('SECTION_11_RETURN', 'Children Act 2004 s11 (Working Together 2023)'),
  SECTION_11_ACTION: plannedAction(
    'SECTION_11_ACTION',
    'Section 11 self-assessment action plan (Children Act 2004 s11)',
  ),
  SCHOOL_SAFEGUARDING_RETURN: yearlyReturn('SCHOOL_SAFEGUARDING_RETURN', 'Education Act 2002 s175 and s157 (KCSIE)'),
  SCHOOL_SAFEGUARDING_ACTION: plannedAction(
    'SCHOOL_SAFEGUARDING_ACTION',
    'Section 175/157 safeguarding self-assessment action plan (Education Act 2002)',
  ),
};
