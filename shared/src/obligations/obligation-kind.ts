/**
 * Every statutory or guidance clock the graph keeps, as one vocabulary for all six services. The
 * subgraph that owns the duty raises obligations of its kinds; the notifications service indexes
 * them all. A new clock is a new kind here first, so no subgraph invents a name the index cannot read.
 */
export const obligationKinds = [
  // Reviews: Children Act 2004 s16C; Working Together 2023 chapter 5.
  'SERIOUS_INCIDENT_NOTIFICATION',
  'PARTNERS_TOLD_OF_INCIDENT',
  'RAPID_REVIEW',
  'PANEL_RESPONSE',
  'PRACTICE_REVIEW_PUBLICATION',
  'PRACTICE_REVIEW_TO_PANEL',
  'REVIEW_ACTION',
  // Child death review: Children Act 2004 s16M; Child Death Review Statutory and Operational Guidance 2018.
  'CHILD_DEATH_NOTIFICATION',
  'CHILD_DEATH_REVIEW_STAGE',
  // Yearly report: Children Act 2004 s16G; Working Together 2023 chapter 2.
  'YEARLY_REPORT',
  'YEARLY_REPORT_SENT',
  // Referrals: Working Together 2023 chapter 1 (decision within one working day).
  'REFERRAL_ACKNOWLEDGEMENT',
  'REFERRAL_DECISION',
  // Schools: Keeping children safe in education (file transfer within 5 school days; DSL training every 2 years).
  'FILE_TRANSFER',
  'DSL_TRAINING',
  // Escalations: the partnership's escalation policy (local practice) and national escalation.
  'ESCALATION_STAGE',
  'NATIONAL_ESCALATION',
  // Self-assessments: Children Act 2004 s11; Education Act 2002 s175 and s157.
  'SECTION_11_RETURN',
  'SECTION_11_ACTION',
  'SCHOOL_SAFEGUARDING_RETURN',
  'SCHOOL_SAFEGUARDING_ACTION',
] as const;
export type ObligationKind = (typeof obligationKinds)[number];

export function isObligationKind(value: string): value is ObligationKind {
  return (obligationKinds as readonly string[]).includes(value);
}

/** Whom an obligation is owed to, when it is not an organisation the graph holds by id. */
export const obligationRecipients = [
  'NATIONAL_PANEL',
  'FOUNDATIONS',
  'SAFEGUARDING_PARTNERS',
  'PARTNERSHIP',
  'RECEIVING_SCHOOL',
  'REFERRER',
  'RAISING_ORGANISATION',
  'SECRETARY_OF_STATE',
  'CHILD_DEATH_REVIEW_PARTNERS',
] as const;
export type ObligationRecipient = (typeof obligationRecipients)[number];
