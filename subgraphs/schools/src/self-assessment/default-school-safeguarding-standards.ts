import type { SelfAssessmentStandardDefinition } from '@safeguarding/shared';

/**
 * The default set, after what section 175 of the Education Act 2002 (maintained schools) and
 * section 157 (independent schools and academies) require through Keeping Children Safe in
 * Education, as partnerships' annual school safeguarding audits commonly group it. A starting
 * point each partnership may replace.
 */
export function defaultSchoolSafeguardingStandards(): SelfAssessmentStandardDefinition[] {
  return [
    {
      key: 'LEADERSHIP_AND_DSL',
      title: 'Leadership and DSL arrangements',
      description:
        'Governors or proprietors hold the school to account for safeguarding; a senior designated safeguarding lead and deputies are appointed, trained every two years and given time to do the role',
    },
    {
      key: 'POLICIES',
      title: 'Child protection policy',
      description:
        "The child protection policy follows KCSIE and the partnership's procedures, is reviewed every year and is published",
    },
    {
      key: 'SAFER_RECRUITMENT',
      title: 'Safer recruitment and allegations',
      description:
        'Safer recruitment, the single central record and checks are kept; allegations against staff are referred to the LADO',
    },
    {
      key: 'TRAINING',
      title: 'Staff training',
      description:
        'All staff have safeguarding and child protection training at induction and regular updates, and have read KCSIE part one',
    },
    {
      key: 'ONLINE_SAFETY',
      title: 'Online safety',
      description:
        'Filtering and monitoring are in place and reviewed, and children are taught how to keep safe online',
    },
    {
      key: 'ATTENDANCE_AND_CME',
      title: 'Attendance and children missing education',
      description:
        'Absence is followed up as a safeguarding matter, and children leaving or missing education are reported to the local authority',
    },
    {
      key: 'RECORDS_AND_TRANSFERS',
      title: 'Record keeping and file transfers',
      description:
        'Concerns and actions are recorded; child protection files are transferred within 5 school days when a child moves school',
    },
    {
      key: 'WORKING_WITH_PARTNERS',
      title: 'Working with the local authority and partners',
      description:
        "The school refers to children's social care, takes part in plans, conferences and reviews, and uses the escalation policy",
    },
    {
      key: 'PUPIL_VOICE',
      title: 'Pupil voice',
      description: "Children know whom to tell, are listened to, and their views shape the school's safeguarding",
    },
  ];
}
