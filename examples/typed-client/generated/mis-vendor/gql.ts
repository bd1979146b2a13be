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
    "query SchoolByCode($urn: String, $ukprn: String, $laestab: String) {\n  schoolByCode(urn: $urn, ukprn: $ukprn, laestab: $laestab) {\n    urn\n    name\n    laestab\n    phase\n    status\n    safeguardingLeads {\n      name\n      role\n      lastTrainedOn\n      trainingOverdue\n    }\n  }\n}": typeof types.SchoolByCodeDocument,
    "query SchoolsActedFor($first: Int! = 50, $after: String) {\n  viewer {\n    schoolsActedFor(first: $first, after: $after) {\n      totalCount\n      nodes {\n        urn\n        capabilities\n        school {\n          name\n          laestab\n        }\n        delegation {\n          grantedAt\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n}": typeof types.SchoolsActedForDocument,
    "query Viewer {\n  viewer {\n    kind\n    clientId\n    scopes\n    subject\n    organisationKind\n    capabilities\n    organisation {\n      __typename\n      ... on School {\n        urn\n        name\n        laestab\n        ukprn\n      }\n    }\n    delegations(first: 50) {\n      totalCount\n      nodes {\n        urn\n        clientId\n        active\n        grantedAt\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n}": typeof types.ViewerDocument,
};
const documents: Documents = {
    "query SchoolByCode($urn: String, $ukprn: String, $laestab: String) {\n  schoolByCode(urn: $urn, ukprn: $ukprn, laestab: $laestab) {\n    urn\n    name\n    laestab\n    phase\n    status\n    safeguardingLeads {\n      name\n      role\n      lastTrainedOn\n      trainingOverdue\n    }\n  }\n}": types.SchoolByCodeDocument,
    "query SchoolsActedFor($first: Int! = 50, $after: String) {\n  viewer {\n    schoolsActedFor(first: $first, after: $after) {\n      totalCount\n      nodes {\n        urn\n        capabilities\n        school {\n          name\n          laestab\n        }\n        delegation {\n          grantedAt\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n}": types.SchoolsActedForDocument,
    "query Viewer {\n  viewer {\n    kind\n    clientId\n    scopes\n    subject\n    organisationKind\n    capabilities\n    organisation {\n      __typename\n      ... on School {\n        urn\n        name\n        laestab\n        ukprn\n      }\n    }\n    delegations(first: 50) {\n      totalCount\n      nodes {\n        urn\n        clientId\n        active\n        grantedAt\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n}": types.ViewerDocument,
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
export function graphql(source: "query SchoolByCode($urn: String, $ukprn: String, $laestab: String) {\n  schoolByCode(urn: $urn, ukprn: $ukprn, laestab: $laestab) {\n    urn\n    name\n    laestab\n    phase\n    status\n    safeguardingLeads {\n      name\n      role\n      lastTrainedOn\n      trainingOverdue\n    }\n  }\n}"): (typeof documents)["query SchoolByCode($urn: String, $ukprn: String, $laestab: String) {\n  schoolByCode(urn: $urn, ukprn: $ukprn, laestab: $laestab) {\n    urn\n    name\n    laestab\n    phase\n    status\n    safeguardingLeads {\n      name\n      role\n      lastTrainedOn\n      trainingOverdue\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query SchoolsActedFor($first: Int! = 50, $after: String) {\n  viewer {\n    schoolsActedFor(first: $first, after: $after) {\n      totalCount\n      nodes {\n        urn\n        capabilities\n        school {\n          name\n          laestab\n        }\n        delegation {\n          grantedAt\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n}"): (typeof documents)["query SchoolsActedFor($first: Int! = 50, $after: String) {\n  viewer {\n    schoolsActedFor(first: $first, after: $after) {\n      totalCount\n      nodes {\n        urn\n        capabilities\n        school {\n          name\n          laestab\n        }\n        delegation {\n          grantedAt\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Viewer {\n  viewer {\n    kind\n    clientId\n    scopes\n    subject\n    organisationKind\n    capabilities\n    organisation {\n      __typename\n      ... on School {\n        urn\n        name\n        laestab\n        ukprn\n      }\n    }\n    delegations(first: 50) {\n      totalCount\n      nodes {\n        urn\n        clientId\n        active\n        grantedAt\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n}"): (typeof documents)["query Viewer {\n  viewer {\n    kind\n    clientId\n    scopes\n    subject\n    organisationKind\n    capabilities\n    organisation {\n      __typename\n      ... on School {\n        urn\n        name\n        laestab\n        ukprn\n      }\n    }\n    delegations(first: 50) {\n      totalCount\n      nodes {\n        urn\n        clientId\n        active\n        grantedAt\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n}"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;