import type { SelfAssessmentStandardDefinition } from '@safeguarding/shared';

/**
 * The default set, after the arrangements s11 of the Children Act 2004 requires of each body
 * (Working Together, chapter 2 "Organisational responsibilities") as partnerships' section 11
 * audits commonly group them. A starting point each partnership may replace.
 */
export function defaultSection11Standards(): SelfAssessmentStandardDefinition[] {
  return [
    {
      key: 'LEADERSHIP_AND_ACCOUNTABILITY',
      title: 'Leadership and accountability',
      description:
        "A senior board-level lead is accountable for safeguarding, and safeguarding is a priority in the organisation's governance and planning",
    },
    {
      key: 'POLICIES_AND_PROCEDURES',
      title: 'Safeguarding policies and procedures',
      description: "Policies and procedures follow the partnership's multi-agency procedures and are known to staff",
    },
    {
      key: 'SAFER_RECRUITMENT_AND_ALLEGATIONS',
      title: 'Safer recruitment and allegations management',
      description:
        'Safer recruitment and vetting are applied, and allegations against people who work with children are referred to the LADO',
    },
    {
      key: 'TRAINING',
      title: 'Safeguarding training',
      description:
        'Staff are trained in safeguarding to the level their role needs, refreshed, and the impact is evaluated',
    },
    {
      key: 'LISTENING_TO_CHILDREN',
      title: 'Listening to children',
      description: "Children's wishes and feelings are sought and shape services and decisions about them",
    },
    {
      key: 'INFORMATION_SHARING',
      title: 'Information sharing',
      description: 'Staff share information to safeguard children in a timely and lawful way, and know how',
    },
    {
      key: 'INTER_AGENCY_WORKING',
      title: 'Inter-agency working',
      description: 'The organisation works with the partners, takes part in reviews and uses the escalation policy',
    },
    {
      key: 'SUPERVISION_AND_SUPPORT',
      title: 'Supervision and support',
      description: 'Staff who work with children have safeguarding supervision and support',
    },
  ];
}
