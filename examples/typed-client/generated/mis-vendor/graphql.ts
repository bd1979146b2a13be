/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
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

/** The designated safeguarding lead, or a deputy */
export type SafeguardingLeadRole =
  | 'DEPUTY'
  | 'DESIGNATED_SAFEGUARDING_LEAD';

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

/** Establishment status (GIAS) */
export type SchoolStatus =
  | 'CLOSED'
  | 'OPEN'
  | 'PROPOSED_TO_CLOSE'
  | 'PROPOSED_TO_OPEN';

export type SchoolByCodeQueryVariables = Exact<{
  urn?: string | null | undefined;
  ukprn?: string | null | undefined;
  laestab?: string | null | undefined;
}>;


export type SchoolByCodeQuery = { schoolByCode: { urn: string, name: string, laestab: string, phase: SchoolPhase, status: SchoolStatus, safeguardingLeads: Array<{ name: string, role: SafeguardingLeadRole, lastTrainedOn: string | null, trainingOverdue: boolean }> } | null };

export type SchoolsActedForQueryVariables = Exact<{
  first?: number;
  after?: string | null | undefined;
}>;


export type SchoolsActedForQuery = { viewer: { schoolsActedFor: { totalCount: number, nodes: Array<{ urn: string, capabilities: Array<Capability>, school: { name: string, laestab: string } | null, delegation: { grantedAt: string } | null }>, pageInfo: { endCursor: string | null, hasNextPage: boolean } } | null } | null };

export type ViewerQueryVariables = Exact<{ [key: string]: never; }>;


export type ViewerQuery = { viewer: { kind: CallerKind, clientId: string | null, scopes: Array<string>, subject: string, organisationKind: OrganisationKind, capabilities: Array<Capability>, organisation:
      | { __typename: 'Agency' }
      | { __typename: 'School', urn: string, name: string, laestab: string, ukprn: string | null }
     | null, delegations: { totalCount: number, nodes: Array<{ urn: string, clientId: string, active: boolean, grantedAt: string }>, pageInfo: { endCursor: string | null, hasNextPage: boolean } } | null } | null };


export const SchoolByCodeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SchoolByCode"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"urn"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"ukprn"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"laestab"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"schoolByCode"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"urn"},"value":{"kind":"Variable","name":{"kind":"Name","value":"urn"}}},{"kind":"Argument","name":{"kind":"Name","value":"ukprn"},"value":{"kind":"Variable","name":{"kind":"Name","value":"ukprn"}}},{"kind":"Argument","name":{"kind":"Name","value":"laestab"},"value":{"kind":"Variable","name":{"kind":"Name","value":"laestab"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"urn"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"laestab"}},{"kind":"Field","name":{"kind":"Name","value":"phase"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"safeguardingLeads"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"lastTrainedOn"}},{"kind":"Field","name":{"kind":"Name","value":"trainingOverdue"}}]}}]}}]}}]} as unknown as DocumentNode<SchoolByCodeQuery, SchoolByCodeQueryVariables>;
export const SchoolsActedForDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SchoolsActedFor"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},"defaultValue":{"kind":"IntValue","value":"50"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"schoolsActedFor"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"urn"}},{"kind":"Field","name":{"kind":"Name","value":"capabilities"}},{"kind":"Field","name":{"kind":"Name","value":"school"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"laestab"}}]}},{"kind":"Field","name":{"kind":"Name","value":"delegation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"grantedAt"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"endCursor"}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}}]}}]}}]}}]}}]} as unknown as DocumentNode<SchoolsActedForQuery, SchoolsActedForQueryVariables>;
export const ViewerDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"clientId"}},{"kind":"Field","name":{"kind":"Name","value":"scopes"}},{"kind":"Field","name":{"kind":"Name","value":"subject"}},{"kind":"Field","name":{"kind":"Name","value":"organisationKind"}},{"kind":"Field","name":{"kind":"Name","value":"capabilities"}},{"kind":"Field","name":{"kind":"Name","value":"organisation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"School"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"urn"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"laestab"}},{"kind":"Field","name":{"kind":"Name","value":"ukprn"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"delegations"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"urn"}},{"kind":"Field","name":{"kind":"Name","value":"clientId"}},{"kind":"Field","name":{"kind":"Name","value":"active"}},{"kind":"Field","name":{"kind":"Name","value":"grantedAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"endCursor"}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ViewerQuery, ViewerQueryVariables>;