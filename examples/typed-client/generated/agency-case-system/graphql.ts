/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** The three statutory safeguarding partners, or an agency a partnership may name as relevant */
export type AgencyKind =
  | 'INTEGRATED_CARE_BOARD'
  | 'LOCAL_AUTHORITY'
  | 'POLICE'
  | 'RELEVANT_AGENCY';

export type AgencyStatus =
  | 'ACTIVE'
  | 'CLOSED';

/** A person, or a system calling with an OAuth 2.0 client-credentials token */
export type CallerKind =
  | 'PERSON'
  | 'SYSTEM';

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

/** An open obligation: not yet due, due today, or past its due date */
export type OpenDeadlineStatus =
  | 'DUE_TODAY'
  | 'OVERDUE'
  | 'PENDING';

/** The kind of organisation a caller acts for */
export type OrganisationKind =
  | 'INDEPENDENT_SCRUTINEER'
  | 'INTEGRATED_CARE_BOARD'
  | 'LOCAL_AUTHORITY'
  | 'NATIONAL_BODY'
  | 'NATIONAL_PANEL'
  | 'POLICE'
  | 'RELEVANT_AGENCY'
  | 'SCHOOL'
  | 'SYSTEM_SUPPLIER';

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

export type AgencyByCodeQueryVariables = Exact<{
  odsCode?: string | null | undefined;
  gssCode?: string | null | undefined;
  dfeCode?: string | null | undefined;
}>;


export type AgencyByCodeQuery = { agencyByCode: { id: string, name: string, kind: AgencyKind, status: AgencyStatus, gssCode: string | null, dfeCode: string | null, odsCode: string | null } | null };

export type DeadlinePreviewQueryVariables = Exact<{
  kind?: ObligationKind;
  from: string;
}>;


export type DeadlinePreviewQuery = { deadlinePreview: { kind: ObligationKind, from: string, localSetting: string | null, deadline: { due: string, rule: string, basis: string, provisional: boolean } } };

export type FrontDoorQueryVariables = Exact<{
  localAuthorityGssCode: string;
}>;


export type FrontDoorQuery = { frontDoorFor: { gssCode: string, inHours: { name: string | null, telephone: string, email: string | null, hours: string | null } | null, outOfHours: { name: string | null, telephone: string, email: string | null, hours: string | null } | null } | null };

export type ViewerQueryVariables = Exact<{ [key: string]: never; }>;


export type ViewerQuery = { viewer: { kind: CallerKind, clientId: string | null, scopes: Array<string>, actingFor: string | null, subject: string, organisationKind: OrganisationKind, roles: Array<Role>, capabilities: Array<Capability>, organisation:
      | { __typename: 'Agency', id: string, name: string, gssCode: string | null, odsCode: string | null }
      | { __typename: 'School' }
     | null, partnerships: Array<{ id: string, name: string, status: PartnershipStatus }> | null } | null };

export type WhatIsDueQueryVariables = Exact<{
  statuses?: Array<OpenDeadlineStatus> | OpenDeadlineStatus | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type WhatIsDueQuery = { whatIsDue: { totalCount: number, counts: { pending: number, dueToday: number, overdue: number }, nodes: Array<{ id: string, kind: ObligationKind, owedTo: string, owner: { organisationId: string | null }, about:
        | { __typename: 'Agency' }
        | { __typename: 'ChildDeathReview' }
        | { __typename: 'NationalEscalation' }
        | { __typename: 'OtherObligationSubject', type: string, id: string }
        | { __typename: 'Partnership' }
        | { __typename: 'PracticeReview' }
        | { __typename: 'ProfessionalDisagreement' }
        | { __typename: 'RapidReview' }
        | { __typename: 'Recommendation' }
        | { __typename: 'Referral', id: string }
        | { __typename: 'ReviewAction' }
        | { __typename: 'School' }
        | { __typename: 'SeriousIncidentNotification' }
        | { __typename: 'YearlyReport' }
      , deadline: { due: string, rule: string, basis: string, provisional: boolean, status: DeadlineStatus } }>, pageInfo: { endCursor: string | null, hasNextPage: boolean } } };


export const AgencyByCodeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AgencyByCode"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"odsCode"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"gssCode"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"dfeCode"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"agencyByCode"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"odsCode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"odsCode"}}},{"kind":"Argument","name":{"kind":"Name","value":"gssCode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"gssCode"}}},{"kind":"Argument","name":{"kind":"Name","value":"dfeCode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"dfeCode"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"gssCode"}},{"kind":"Field","name":{"kind":"Name","value":"dfeCode"}},{"kind":"Field","name":{"kind":"Name","value":"odsCode"}}]}}]}}]} as unknown as DocumentNode<AgencyByCodeQuery, AgencyByCodeQueryVariables>;
export const DeadlinePreviewDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DeadlinePreview"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"kind"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ObligationKind"}}},"defaultValue":{"kind":"EnumValue","value":"REFERRAL_DECISION"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deadlinePreview"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"kind"},"value":{"kind":"Variable","name":{"kind":"Name","value":"kind"}}},{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"from"}},{"kind":"Field","name":{"kind":"Name","value":"localSetting"}},{"kind":"Field","name":{"kind":"Name","value":"deadline"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"due"}},{"kind":"Field","name":{"kind":"Name","value":"rule"}},{"kind":"Field","name":{"kind":"Name","value":"basis"}},{"kind":"Field","name":{"kind":"Name","value":"provisional"}}]}}]}}]}}]} as unknown as DocumentNode<DeadlinePreviewQuery, DeadlinePreviewQueryVariables>;
export const FrontDoorDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"FrontDoor"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"localAuthorityGssCode"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"frontDoorFor"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"localAuthorityGssCode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"localAuthorityGssCode"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"gssCode"}},{"kind":"Field","name":{"kind":"Name","value":"inHours"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"telephone"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"hours"}}]}},{"kind":"Field","name":{"kind":"Name","value":"outOfHours"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"telephone"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"hours"}}]}}]}}]}}]} as unknown as DocumentNode<FrontDoorQuery, FrontDoorQueryVariables>;
export const ViewerDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"clientId"}},{"kind":"Field","name":{"kind":"Name","value":"scopes"}},{"kind":"Field","name":{"kind":"Name","value":"actingFor"}},{"kind":"Field","name":{"kind":"Name","value":"subject"}},{"kind":"Field","name":{"kind":"Name","value":"organisationKind"}},{"kind":"Field","name":{"kind":"Name","value":"roles"}},{"kind":"Field","name":{"kind":"Name","value":"capabilities"}},{"kind":"Field","name":{"kind":"Name","value":"organisation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Agency"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"gssCode"}},{"kind":"Field","name":{"kind":"Name","value":"odsCode"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"partnerships"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}}]} as unknown as DocumentNode<ViewerQuery, ViewerQueryVariables>;
export const WhatIsDueDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"WhatIsDue"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"statuses"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"OpenDeadlineStatus"}}}},"defaultValue":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"OVERDUE"},{"kind":"EnumValue","value":"DUE_TODAY"}]}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"50"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"whatIsDue"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"statuses"},"value":{"kind":"Variable","name":{"kind":"Name","value":"statuses"}}}]}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"counts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"pending"}},{"kind":"Field","name":{"kind":"Name","value":"dueToday"}},{"kind":"Field","name":{"kind":"Name","value":"overdue"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"owedTo"}},{"kind":"Field","name":{"kind":"Name","value":"owner"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organisationId"}}]}},{"kind":"Field","name":{"kind":"Name","value":"about"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Referral"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"OtherObligationSubject"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"deadline"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"due"}},{"kind":"Field","name":{"kind":"Name","value":"rule"}},{"kind":"Field","name":{"kind":"Name","value":"basis"}},{"kind":"Field","name":{"kind":"Name","value":"provisional"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"endCursor"}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}}]}}]}}]}}]} as unknown as DocumentNode<WhatIsDueQuery, WhatIsDueQueryVariables>;