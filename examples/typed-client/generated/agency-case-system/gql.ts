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
    "query AgencyByCode($odsCode: String, $gssCode: String, $dfeCode: String) {\n  agencyByCode(odsCode: $odsCode, gssCode: $gssCode, dfeCode: $dfeCode) {\n    id\n    name\n    kind\n    status\n    gssCode\n    dfeCode\n    odsCode\n  }\n}": typeof types.AgencyByCodeDocument,
    "query DeadlinePreview($kind: ObligationKind! = REFERRAL_DECISION, $from: Date!) {\n  deadlinePreview(kind: $kind, from: $from) {\n    kind\n    from\n    localSetting\n    deadline {\n      due\n      rule\n      basis\n      provisional\n    }\n  }\n}": typeof types.DeadlinePreviewDocument,
    "query FrontDoor($localAuthorityGssCode: String!) {\n  frontDoorFor(localAuthorityGssCode: $localAuthorityGssCode) {\n    gssCode\n    inHours {\n      name\n      telephone\n      email\n      hours\n    }\n    outOfHours {\n      name\n      telephone\n      email\n      hours\n    }\n  }\n}": typeof types.FrontDoorDocument,
    "query Viewer {\n  viewer {\n    kind\n    clientId\n    scopes\n    actingFor\n    subject\n    organisationKind\n    roles\n    capabilities\n    organisation {\n      __typename\n      ... on Agency {\n        id\n        name\n        gssCode\n        odsCode\n      }\n    }\n    partnerships {\n      id\n      name\n      status\n    }\n  }\n}": typeof types.ViewerDocument,
    "query WhatIsDue($statuses: [OpenDeadlineStatus!] = [OVERDUE, DUE_TODAY], $first: Int = 50, $after: String) {\n  whatIsDue(filter: {statuses: $statuses}, first: $first, after: $after) {\n    totalCount\n    counts {\n      pending\n      dueToday\n      overdue\n    }\n    nodes {\n      id\n      kind\n      owedTo\n      owner {\n        organisationId\n      }\n      about {\n        __typename\n        ... on Referral {\n          id\n        }\n        ... on OtherObligationSubject {\n          type\n          id\n        }\n      }\n      deadline {\n        due\n        rule\n        basis\n        provisional\n        status\n      }\n    }\n    pageInfo {\n      endCursor\n      hasNextPage\n    }\n  }\n}": typeof types.WhatIsDueDocument,
};
const documents: Documents = {
    "query AgencyByCode($odsCode: String, $gssCode: String, $dfeCode: String) {\n  agencyByCode(odsCode: $odsCode, gssCode: $gssCode, dfeCode: $dfeCode) {\n    id\n    name\n    kind\n    status\n    gssCode\n    dfeCode\n    odsCode\n  }\n}": types.AgencyByCodeDocument,
    "query DeadlinePreview($kind: ObligationKind! = REFERRAL_DECISION, $from: Date!) {\n  deadlinePreview(kind: $kind, from: $from) {\n    kind\n    from\n    localSetting\n    deadline {\n      due\n      rule\n      basis\n      provisional\n    }\n  }\n}": types.DeadlinePreviewDocument,
    "query FrontDoor($localAuthorityGssCode: String!) {\n  frontDoorFor(localAuthorityGssCode: $localAuthorityGssCode) {\n    gssCode\n    inHours {\n      name\n      telephone\n      email\n      hours\n    }\n    outOfHours {\n      name\n      telephone\n      email\n      hours\n    }\n  }\n}": types.FrontDoorDocument,
    "query Viewer {\n  viewer {\n    kind\n    clientId\n    scopes\n    actingFor\n    subject\n    organisationKind\n    roles\n    capabilities\n    organisation {\n      __typename\n      ... on Agency {\n        id\n        name\n        gssCode\n        odsCode\n      }\n    }\n    partnerships {\n      id\n      name\n      status\n    }\n  }\n}": types.ViewerDocument,
    "query WhatIsDue($statuses: [OpenDeadlineStatus!] = [OVERDUE, DUE_TODAY], $first: Int = 50, $after: String) {\n  whatIsDue(filter: {statuses: $statuses}, first: $first, after: $after) {\n    totalCount\n    counts {\n      pending\n      dueToday\n      overdue\n    }\n    nodes {\n      id\n      kind\n      owedTo\n      owner {\n        organisationId\n      }\n      about {\n        __typename\n        ... on Referral {\n          id\n        }\n        ... on OtherObligationSubject {\n          type\n          id\n        }\n      }\n      deadline {\n        due\n        rule\n        basis\n        provisional\n        status\n      }\n    }\n    pageInfo {\n      endCursor\n      hasNextPage\n    }\n  }\n}": types.WhatIsDueDocument,
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
export function graphql(source: "query AgencyByCode($odsCode: String, $gssCode: String, $dfeCode: String) {\n  agencyByCode(odsCode: $odsCode, gssCode: $gssCode, dfeCode: $dfeCode) {\n    id\n    name\n    kind\n    status\n    gssCode\n    dfeCode\n    odsCode\n  }\n}"): (typeof documents)["query AgencyByCode($odsCode: String, $gssCode: String, $dfeCode: String) {\n  agencyByCode(odsCode: $odsCode, gssCode: $gssCode, dfeCode: $dfeCode) {\n    id\n    name\n    kind\n    status\n    gssCode\n    dfeCode\n    odsCode\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query DeadlinePreview($kind: ObligationKind! = REFERRAL_DECISION, $from: Date!) {\n  deadlinePreview(kind: $kind, from: $from) {\n    kind\n    from\n    localSetting\n    deadline {\n      due\n      rule\n      basis\n      provisional\n    }\n  }\n}"): (typeof documents)["query DeadlinePreview($kind: ObligationKind! = REFERRAL_DECISION, $from: Date!) {\n  deadlinePreview(kind: $kind, from: $from) {\n    kind\n    from\n    localSetting\n    deadline {\n      due\n      rule\n      basis\n      provisional\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query FrontDoor($localAuthorityGssCode: String!) {\n  frontDoorFor(localAuthorityGssCode: $localAuthorityGssCode) {\n    gssCode\n    inHours {\n      name\n      telephone\n      email\n      hours\n    }\n    outOfHours {\n      name\n      telephone\n      email\n      hours\n    }\n  }\n}"): (typeof documents)["query FrontDoor($localAuthorityGssCode: String!) {\n  frontDoorFor(localAuthorityGssCode: $localAuthorityGssCode) {\n    gssCode\n    inHours {\n      name\n      telephone\n      email\n      hours\n    }\n    outOfHours {\n      name\n      telephone\n      email\n      hours\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Viewer {\n  viewer {\n    kind\n    clientId\n    scopes\n    actingFor\n    subject\n    organisationKind\n    roles\n    capabilities\n    organisation {\n      __typename\n      ... on Agency {\n        id\n        name\n        gssCode\n        odsCode\n      }\n    }\n    partnerships {\n      id\n      name\n      status\n    }\n  }\n}"): (typeof documents)["query Viewer {\n  viewer {\n    kind\n    clientId\n    scopes\n    actingFor\n    subject\n    organisationKind\n    roles\n    capabilities\n    organisation {\n      __typename\n      ... on Agency {\n        id\n        name\n        gssCode\n        odsCode\n      }\n    }\n    partnerships {\n      id\n      name\n      status\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query WhatIsDue($statuses: [OpenDeadlineStatus!] = [OVERDUE, DUE_TODAY], $first: Int = 50, $after: String) {\n  whatIsDue(filter: {statuses: $statuses}, first: $first, after: $after) {\n    totalCount\n    counts {\n      pending\n      dueToday\n      overdue\n    }\n    nodes {\n      id\n      kind\n      owedTo\n      owner {\n        organisationId\n      }\n      about {\n        __typename\n        ... on Referral {\n          id\n        }\n        ... on OtherObligationSubject {\n          type\n          id\n        }\n      }\n      deadline {\n        due\n        rule\n        basis\n        provisional\n        status\n      }\n    }\n    pageInfo {\n      endCursor\n      hasNextPage\n    }\n  }\n}"): (typeof documents)["query WhatIsDue($statuses: [OpenDeadlineStatus!] = [OVERDUE, DUE_TODAY], $first: Int = 50, $after: String) {\n  whatIsDue(filter: {statuses: $statuses}, first: $first, after: $after) {\n    totalCount\n    counts {\n      pending\n      dueToday\n      overdue\n    }\n    nodes {\n      id\n      kind\n      owedTo\n      owner {\n        organisationId\n      }\n      about {\n        __typename\n        ... on Referral {\n          id\n        }\n        ... on OtherObligationSubject {\n          type\n          id\n        }\n      }\n      deadline {\n        due\n        rule\n        basis\n        provisional\n        status\n      }\n    }\n    pageInfo {\n      endCursor\n      hasNextPage\n    }\n  }\n}"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;