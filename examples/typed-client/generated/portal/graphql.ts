/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** What the caller may do in the arrangements; each record still checks that the caller acts for its organisation or partnership */
export type Capability =
  /** Change the arrangements, registers and policies of your partnerships (Children Act 2004 s16E to 16G) */
  | 'ADMINISTER_PARTNERSHIP'
  /** The organisation's Children Act 2004 s11 self-assessment */
  | 'COMPLETE_SECTION_11_RETURNS'
  /** Allow a system (the school's MIS supplier) to act for your school, and end it: the DSL or the headteacher, signed in as a person */
  | 'DELEGATE_TO_SYSTEMS'
  /** Add or correct schools, trusts and relevant agencies in the national registers */
  | 'KEEP_NATIONAL_REGISTERS'
  /** A school's designated safeguarding leads, calendar, self-assessment and child protection file transfers (KCSIE Part 2 and Annex C) */
  | 'KEEP_SCHOOL_SAFEGUARDING_RECORDS'
  /** The Child Safeguarding Practice Review Panel: notifications, rapid reviews and national reviews (Children Act 2004 s16B to 16D) */
  | 'OVERSEE_NATIONALLY'
  /** Raise and respond to professional disagreements and make referrals (Working Together 2023 ch. 2 and 3) */
  | 'RAISE_PROFESSIONAL_DISAGREEMENTS'
  /** Read your partnerships' audit trail */
  | 'READ_AUDIT_TRAIL'
  /** Independent scrutiny of the arrangements (Working Together 2023 ch. 2) */
  | 'SCRUTINISE_ARRANGEMENTS';

/** PENDING, DUE_TODAY and OVERDUE while not done; MET or MISSED once done */
export type DeadlineStatus =
  | 'DUE_TODAY'
  | 'MET'
  | 'MISSED'
  | 'OVERDUE'
  | 'PENDING';

/** Which statutory or guidance clock an obligation runs on (Children Act 2004, Working Together 2023, KCSIE) */
export type ObligationKind =
  | 'CHILD_DEATH_NOTIFICATION'
  | 'CHILD_DEATH_REVIEW_STAGE'
  | 'DSL_TRAINING'
  | 'ESCALATION_STAGE'
  | 'FILE_TRANSFER'
  | 'NATIONAL_ESCALATION'
  | 'PANEL_RESPONSE'
  | 'PARTNERS_TOLD_OF_INCIDENT'
  | 'PRACTICE_REVIEW_PUBLICATION'
  | 'PRACTICE_REVIEW_TO_PANEL'
  | 'RAPID_REVIEW'
  | 'REFERRAL_ACKNOWLEDGEMENT'
  | 'REFERRAL_DECISION'
  | 'REVIEW_ACTION'
  | 'SCHOOL_SAFEGUARDING_ACTION'
  | 'SCHOOL_SAFEGUARDING_RETURN'
  | 'SECTION_11_ACTION'
  | 'SECTION_11_RETURN'
  | 'SERIOUS_INCIDENT_NOTIFICATION'
  | 'YEARLY_REPORT'
  | 'YEARLY_REPORT_SENT';

/** DRAFT until the lead partners sign off the arrangements; ACTIVE while in force; DISSOLVED after */
export type PartnershipStatus =
  | 'ACTIVE'
  | 'DISSOLVED'
  | 'DRAFT';

export type Role =
  | 'DELEGATED_SAFEGUARDING_PARTNER'
  | 'DESIGNATED_SAFEGUARDING_LEAD'
  /** A school's headteacher or principal, who answers with the designated safeguarding lead for the school's safeguarding (KCSIE Part 2) */
  | 'HEAD_TEACHER'
  | 'LEAD_SAFEGUARDING_PARTNER'
  /** Keeps the national registers (schools, trusts, relevant agencies) for records no partnership holds; no case-level data */
  | 'NATIONAL_ADMINISTRATOR'
  | 'PANEL_MEMBER'
  | 'PARTNERSHIP_BUSINESS_MANAGER'
  | 'PRACTITIONER'
  | 'SAFEGUARDING_MANAGER'
  | 'SCRUTINEER';

/** Phase of education (GIAS) */
export type SchoolPhase =
  | 'ALL_THROUGH'
  | 'MIDDLE_DEEMED_PRIMARY'
  | 'MIDDLE_DEEMED_SECONDARY'
  | 'NOT_APPLICABLE'
  | 'NURSERY'
  | 'PRIMARY'
  | 'SECONDARY'
  | 'SIXTEEN_PLUS';

export type PartnershipForQueryVariables = Exact<{
  localAuthorityGssCode?: string | null | undefined;
  localAuthorityDfeCode?: string | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type PartnershipForQuery = { partnershipFor: { id: string, name: string, localAuthorities: Array<{ gssCode: string, name: string }>, schools: { totalCount: number, nodes: Array<{ urn: string, name: string, phase: SchoolPhase }>, pageInfo: { endCursor: string | null, hasNextPage: boolean } } | null } | null };

export type PartnershipWhatIsDueQueryVariables = Exact<{
  id: string;
  kinds?: Array<ObligationKind> | ObligationKind | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type PartnershipWhatIsDueQuery = { partnership: { id: string, name: string, whatIsDue: { totalCount: number, counts: { pending: number, dueToday: number, overdue: number, total: number }, nodes: Array<{ id: string, kind: ObligationKind, owedTo: string, deadline: { due: string, rule: string, basis: string, status: DeadlineStatus }, about:
          | { __typename: 'Agency' }
          | { __typename: 'ChildDeathReview' }
          | { __typename: 'NationalEscalation' }
          | { __typename: 'OtherObligationSubject', type: string, id: string }
          | { __typename: 'Partnership' }
          | { __typename: 'PracticeReview', id: string, title: string }
          | { __typename: 'ProfessionalDisagreement' }
          | { __typename: 'RapidReview' }
          | { __typename: 'Recommendation' }
          | { __typename: 'Referral' }
          | { __typename: 'ReviewAction' }
          | { __typename: 'School' }
          | { __typename: 'SeriousIncidentNotification' }
          | { __typename: 'YearlyReport' }
         }>, pageInfo: { endCursor: string | null, hasNextPage: boolean } } | null } | null };

export type ViewerQueryVariables = Exact<{ [key: string]: never; }>;


export type ViewerQuery = { viewer: { subject: string, roles: Array<Role>, capabilities: Array<Capability>, organisation:
      | { __typename: 'Agency', id: string, name: string }
      | { __typename: 'School', urn: string, name: string }
     | null, partnerships: Array<{ id: string, name: string, status: PartnershipStatus }> | null } | null };


export const PartnershipForDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PartnershipFor"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"localAuthorityGssCode"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"localAuthorityDfeCode"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"50"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"partnershipFor"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"localAuthorityGssCode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"localAuthorityGssCode"}}},{"kind":"Argument","name":{"kind":"Name","value":"localAuthorityDfeCode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"localAuthorityDfeCode"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"localAuthorities"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"gssCode"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"schools"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"urn"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"phase"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"endCursor"}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}}]}}]}}]}}]}}]} as unknown as DocumentNode<PartnershipForQuery, PartnershipForQueryVariables>;
export const PartnershipWhatIsDueDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PartnershipWhatIsDue"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"kinds"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ObligationKind"}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"25"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"partnership"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"whatIsDue"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"kinds"},"value":{"kind":"Variable","name":{"kind":"Name","value":"kinds"}}}]}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"counts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"pending"}},{"kind":"Field","name":{"kind":"Name","value":"dueToday"}},{"kind":"Field","name":{"kind":"Name","value":"overdue"}},{"kind":"Field","name":{"kind":"Name","value":"total"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"owedTo"}},{"kind":"Field","name":{"kind":"Name","value":"deadline"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"due"}},{"kind":"Field","name":{"kind":"Name","value":"rule"}},{"kind":"Field","name":{"kind":"Name","value":"basis"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}},{"kind":"Field","name":{"kind":"Name","value":"about"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PracticeReview"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"OtherObligationSubject"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"endCursor"}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}}]}}]}}]}}]}}]} as unknown as DocumentNode<PartnershipWhatIsDueQuery, PartnershipWhatIsDueQueryVariables>;
export const ViewerDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"subject"}},{"kind":"Field","name":{"kind":"Name","value":"roles"}},{"kind":"Field","name":{"kind":"Name","value":"capabilities"}},{"kind":"Field","name":{"kind":"Name","value":"organisation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Agency"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"School"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"urn"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"partnerships"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}}]} as unknown as DocumentNode<ViewerQuery, ViewerQueryVariables>;