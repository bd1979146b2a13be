/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "query PartnershipFor($localAuthorityGssCode: String, $localAuthorityDfeCode: String, $first: Int = 50, $after: String) {\n  partnershipFor(\n    localAuthorityGssCode: $localAuthorityGssCode\n    localAuthorityDfeCode: $localAuthorityDfeCode\n  ) {\n    id\n    name\n    localAuthorities {\n      gssCode\n      name\n    }\n    schools(first: $first, after: $after) {\n      totalCount\n      nodes {\n        urn\n        name\n        phase\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n}": typeof types.PartnershipForDocument,
    "query PartnershipWhatIsDue($id: ID!, $kinds: [ObligationKind!], $first: Int = 25, $after: String) {\n  partnership(id: $id) {\n    id\n    name\n    whatIsDue(filter: {kinds: $kinds}, first: $first, after: $after) {\n      totalCount\n      counts {\n        pending\n        dueToday\n        overdue\n        total\n      }\n      nodes {\n        id\n        kind\n        owedTo\n        deadline {\n          due\n          rule\n          basis\n          status\n        }\n        about {\n          __typename\n          ... on PracticeReview {\n            id\n            title\n          }\n          ... on OtherObligationSubject {\n            type\n            id\n          }\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n}": typeof types.PartnershipWhatIsDueDocument,
    "query Viewer {\n  viewer {\n    subject\n    roles\n    capabilities\n    organisation {\n      __typename\n      ... on Agency {\n        id\n        name\n      }\n      ... on School {\n        urn\n        name\n      }\n    }\n    partnerships {\n      id\n      name\n      status\n    }\n  }\n}": typeof types.ViewerDocument,
};
const documents: Documents = {
    "query PartnershipFor($localAuthorityGssCode: String, $localAuthorityDfeCode: String, $first: Int = 50, $after: String) {\n  partnershipFor(\n    localAuthorityGssCode: $localAuthorityGssCode\n    localAuthorityDfeCode: $localAuthorityDfeCode\n  ) {\n    id\n    name\n    localAuthorities {\n      gssCode\n      name\n    }\n    schools(first: $first, after: $after) {\n      totalCount\n      nodes {\n        urn\n        name\n        phase\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n}": types.PartnershipForDocument,
    "query PartnershipWhatIsDue($id: ID!, $kinds: [ObligationKind!], $first: Int = 25, $after: String) {\n  partnership(id: $id) {\n    id\n    name\n    whatIsDue(filter: {kinds: $kinds}, first: $first, after: $after) {\n      totalCount\n      counts {\n        pending\n        dueToday\n        overdue\n        total\n      }\n      nodes {\n        id\n        kind\n        owedTo\n        deadline {\n          due\n          rule\n          basis\n          status\n        }\n        about {\n          __typename\n          ... on PracticeReview {\n            id\n            title\n          }\n          ... on OtherObligationSubject {\n            type\n            id\n          }\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n}": types.PartnershipWhatIsDueDocument,
    "query Viewer {\n  viewer {\n    subject\n    roles\n    capabilities\n    organisation {\n      __typename\n      ... on Agency {\n        id\n        name\n      }\n      ... on School {\n        urn\n        name\n      }\n    }\n    partnerships {\n      id\n      name\n      status\n    }\n  }\n}": types.ViewerDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query PartnershipFor($localAuthorityGssCode: String, $localAuthorityDfeCode: String, $first: Int = 50, $after: String) {\n  partnershipFor(\n    localAuthorityGssCode: $localAuthorityGssCode\n    localAuthorityDfeCode: $localAuthorityDfeCode\n  ) {\n    id\n    name\n    localAuthorities {\n      gssCode\n      name\n    }\n    schools(first: $first, after: $after) {\n      totalCount\n      nodes {\n        urn\n        name\n        phase\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n}"): (typeof documents)["query PartnershipFor($localAuthorityGssCode: String, $localAuthorityDfeCode: String, $first: Int = 50, $after: String) {\n  partnershipFor(\n    localAuthorityGssCode: $localAuthorityGssCode\n    localAuthorityDfeCode: $localAuthorityDfeCode\n  ) {\n    id\n    name\n    localAuthorities {\n      gssCode\n      name\n    }\n    schools(first: $first, after: $after) {\n      totalCount\n      nodes {\n        urn\n        name\n        phase\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query PartnershipWhatIsDue($id: ID!, $kinds: [ObligationKind!], $first: Int = 25, $after: String) {\n  partnership(id: $id) {\n    id\n    name\n    whatIsDue(filter: {kinds: $kinds}, first: $first, after: $after) {\n      totalCount\n      counts {\n        pending\n        dueToday\n        overdue\n        total\n      }\n      nodes {\n        id\n        kind\n        owedTo\n        deadline {\n          due\n          rule\n          basis\n          status\n        }\n        about {\n          __typename\n          ... on PracticeReview {\n            id\n            title\n          }\n          ... on OtherObligationSubject {\n            type\n            id\n          }\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n}"): (typeof documents)["query PartnershipWhatIsDue($id: ID!, $kinds: [ObligationKind!], $first: Int = 25, $after: String) {\n  partnership(id: $id) {\n    id\n    name\n    whatIsDue(filter: {kinds: $kinds}, first: $first, after: $after) {\n      totalCount\n      counts {\n        pending\n        dueToday\n        overdue\n        total\n      }\n      nodes {\n        id\n        kind\n        owedTo\n        deadline {\n          due\n          rule\n          basis\n          status\n        }\n        about {\n          __typename\n          ... on PracticeReview {\n            id\n            title\n          }\n          ... on OtherObligationSubject {\n            type\n            id\n          }\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Viewer {\n  viewer {\n    subject\n    roles\n    capabilities\n    organisation {\n      __typename\n      ... on Agency {\n        id\n        name\n      }\n      ... on School {\n        urn\n        name\n      }\n    }\n    partnerships {\n      id\n      name\n      status\n    }\n  }\n}"): (typeof documents)["query Viewer {\n  viewer {\n    subject\n    roles\n    capabilities\n    organisation {\n      __typename\n      ... on Agency {\n        id\n        name\n      }\n      ... on School {\n        urn\n        name\n      }\n    }\n    partnerships {\n      id\n      name\n      status\n    }\n  }\n}"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;