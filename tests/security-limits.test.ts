import { parse } from 'graphql';
import { demoIds, operationCost } from '@safeguarding/shared';
import { firstError, startGraph, type GraphQLResponse, type TestGraph } from './support/graph';

let graph: TestGraph;
beforeAll(async () => {
  graph = await startGraph();
});
afterAll(() => graph?.stop());

async function post(body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(graph.gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as GraphQLResponse };
}

const westSussex = demoIds.partnerships.westSussex;
const schoolsPage = `query Schools($p: ID!, $n: Int!) { partnership(id: $p) { schools(first: $n) { totalCount nodes { urn name } } } }`;

describe('the cost limit counts how many items a list is asked for', () => {
  it('prices first as a multiplier, whether literal, variable, variable default or the schema default', () => {
    const cost = (query: string, variables: Record<string, unknown> = {}) =>
      operationCost(parse(query), null, variables);
    const one = cost('{ partnership(id: "x") { schools(first: 1) { nodes { urn } } } }');
    const ten = cost('{ partnership(id: "x") { schools(first: 10) { nodes { urn } } } }');
    const hundred = cost('{ partnership(id: "x") { schools(first: 100) { nodes { urn } } } }');
    expect(hundred - ten).toBeCloseTo((ten - one) * 10, 5);
    expect(ten).toBeGreaterThan(one * 5);
    expect(cost('query ($n: Int!) { partnership(id: "x") { schools(first: $n) { nodes { urn } } } }', { n: 10 })).toBe(
      cost('{ partnership(id: "x") { schools(first: 10) { nodes { urn } } } }'),
    );
    expect(cost('query ($n: Int! = 10) { partnership(id: "x") { schools(first: $n) { nodes { urn } } } }')).toBe(
      cost('{ partnership(id: "x") { schools(first: 10) { nodes { urn } } } }'),
    );
    expect(cost('{ a: partnership(id: "x") { schools(last: 7) { nodes { urn } } } }')).toBe(
      cost('{ a: partnership(id: "x") { schools(first: 7) { nodes { urn } } } }'),
    );
  });

  it('lets a page through and refuses a page priced over the limit, with HTTP 400', async () => {
    const small = await post({ query: schoolsPage, variables: { p: westSussex, n: 10 } });
    expect(small.status).toBe(200);
    expect(small.body.errors).toBeUndefined();
    // Five hundred schools with two fields each: the variable is read, not ignored as a literal-only rule would.
    const large = await post({ query: schoolsPage, variables: { p: westSussex, n: 500 } });
    expect(large.status).toBe(400);
    expect(large.body.errors).toHaveLength(1);
    expect(firstError(large.body)).toMatchObject({ extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
    expect(firstError(large.body).message).toMatch(/^Query Cost limit of 5000 exceeded, found \d+\.$/);
    expect(large.body.data).toBeUndefined();
  });

  it('prices aliased pages each', async () => {
    const aliases = Array.from({ length: 6 }, (_, i) => `s${i}: schools(first: 100) { nodes { urn name } }`).join(' ');
    const response = await post({
      query: `query ($p: ID!) { partnership(id: $p) { ${aliases} } }`,
      variables: { p: westSussex },
    });
    expect(response.status).toBe(400);
    expect(firstError(response.body).message).toMatch(/Query Cost limit/);
  });
});

describe('validation stops at the first breach', () => {
  it('ten unknown directives give one error, not ten', async () => {
    const response = await post({
      query: 'query cop { __typename @aa@aa@aa@aa@aa@aa@aa@aa@aa@aa }',
      operationName: 'cop',
    });
    expect(response.status).toBe(400);
    expect(response.body.errors).toHaveLength(1);
    expect(firstError(response.body).message).toBe('Unknown directive "@aa".');
  });

  it('the same field five hundred times is refused as repetition', async () => {
    const response = await post({ query: `query cop { ${'__typename\n'.repeat(500)} }` });
    expect(response.status).toBe(400);
    expect(firstError(response.body)).toMatchObject({
      message: 'Field "__typename" is asked for more than 3 times in one selection',
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    });
    expect(response.body.data).toBeUndefined();
  });
});

describe("the caller's mistakes are HTTP 400 with a code, never 500", () => {
  it.each([
    ['no query at all', {}, 'BAD_REQUEST'],
    ['a query that does not parse', { query: '{ partnership(id: ' }, 'GRAPHQL_PARSE_FAILED'],
    ['variables that are not an object', { query: '{ __typename }', variables: 'x' }, 'BAD_REQUEST'],
    [
      'an operationName the document does not have',
      { query: 'query A { __typename }', operationName: 'B' },
      'OPERATION_RESOLUTION_FAILURE',
    ],
    [
      'no operationName for a document with two',
      { query: 'query A { __typename } query B { __typename }' },
      'OPERATION_RESOLUTION_FAILURE',
    ],
    ['an operationName that is not a string', { query: 'query A { __typename }', operationName: 42 }, 'BAD_REQUEST'],
    [
      'an unknown persisted-query hash',
      { extensions: { persistedQuery: { version: 1, sha256Hash: 'a'.repeat(64) } } },
      'PERSISTED_QUERY_NOT_FOUND',
    ],
    [
      'a persisted-query hash that is not one',
      { extensions: { persistedQuery: { version: 1, sha256Hash: 'not-a-hash' } } },
      'PERSISTED_QUERY_NOT_FOUND',
    ],
    [
      'a persisted-query hash that is not the hash of the query sent with it',
      { query: '{ __typename }', extensions: { persistedQuery: { version: 1, sha256Hash: 'a'.repeat(64) } } },
      'BAD_REQUEST',
    ],
    [
      'a persisted query of an unknown version',
      { extensions: { persistedQuery: { version: 9, sha256Hash: 'a'.repeat(64) } } },
      'BAD_REQUEST',
    ],
  ])('%s', async (_label, body, code) => {
    const response = await post(body);
    expect(response.status).toBe(400);
    expect(firstError(response.body).extensions?.['code']).toBe(code);
  });
});

describe('a variable GraphQL cannot coerce is named as the service names fields, and its value is not echoed', () => {
  const submit = `mutation Refer($i: SubmitReferralInput!) { submitReferral(input: $i) { id } }`;
  const input = {
    idempotencyKey: 'coercion-key-0001',
    childReference: 'CHILD-SECRET-REF',
    nhsNumber: '9434765919',
    homeLocalAuthorityGssCode: 'E10000032',
    concernCategories: ['NOT_A_CATEGORY'],
    significantHarm: false,
    earlyHelpIndicators: [],
    lawfulBasis: 'PUBLIC_TASK',
    consent: 'OBTAINED',
    practitionerName: null,
    practitionerRole: null,
  };

  it.each([
    [
      'an unknown enum value in a list',
      { ...input },
      'input.concernCategories.0',
      /^input\.concernCategories\.0: must be one of the values of the ConcernCategory enum$/,
    ],
    [
      'a number where a string belongs',
      { ...input, concernCategories: ['NEGLECT'], nhsNumber: 9434765919 },
      'input.nhsNumber',
      /^input\.nhsNumber: must be a String$/,
    ],
    [
      'a required field missing',
      (({ lawfulBasis: _l, ...rest }) => ({ ...rest, concernCategories: ['NEGLECT'] }))(input),
      'input.lawfulBasis',
      /^input\.lawfulBasis: is required \(ReferralLawfulBasis!\) and was not provided$/,
    ],
    [
      'a field the input type does not have',
      { ...input, concernCategories: ['NEGLECT'], childName: 'Secret Name' },
      'input.childName',
      /^input\.childName: is not a field of SubmitReferralInput$/,
    ],
    [
      'null where a value is required',
      { ...input, concernCategories: ['NEGLECT'], lawfulBasis: null },
      'input.lawfulBasis',
      /^input\.lawfulBasis: must not be null \(ReferralLawfulBasis!\)$/,
    ],
  ])('%s', async (_label, value, field, reason) => {
    const response = await post(
      { query: submit, variables: { i: value } },
      { authorization: `Bearer ${await graph.tokenFor('sussex-health-visitor')}` },
    );
    expect(response.status).toBe(400);
    const error = firstError(response.body);
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(error.message.startsWith(`${field}: `)).toBe(true);
    expect(error.message).toMatch(reason);
    const text = JSON.stringify(response.body);
    for (const secret of ['9434765919', 'CHILD-SECRET-REF', 'coercion-key', 'NOT_A_CATEGORY', 'Secret Name', '$i'])
      expect(text).not.toContain(secret);
  });
});
