import type express from 'express';
import { buildSchema } from 'graphql';
import {
  clientKey,
  ConfigError,
  createLogger,
  createRateLimiter,
  defaultHardening,
  hardeningEnvironment,
  parseEnvironment,
  startHttpService,
  type HardeningConfig,
  type RunningHttpService,
} from '@safeguarding/shared';
import { startGraph, type GraphQLResponse, type TestGraph } from './support/graph';

interface Answer {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  readonly body: GraphQLResponse;
}

async function send(url: string, init: RequestInit): Promise<Answer> {
  const response = await fetch(url, init);
  const text = await response.text();
  let body: GraphQLResponse = {};
  try {
    body = JSON.parse(text) as GraphQLResponse;
  } catch {
    // Some refusals (a preflight) have no body; the status says it all.
  }
  return { status: response.status, headers: response.headers, text, body };
}

const postJson = (url: string, payload: unknown, headers: Record<string, string> = {}) =>
  send(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(payload),
  });

const codes = (answer: Answer) => (answer.body.errors ?? []).map((error) => error.extensions?.['code']);
const messages = (answer: Answer) => (answer.body.errors ?? []).map((error) => error.message);

/** Refused before anything ran, naming the limit and quoting none of the query back. */
function expectRefused(answer: Answer, code: string, limit: RegExp, queryFragments: string[]): void {
  expect(answer.status).toBe(400);
  expect(answer.body.data ?? undefined).toBeUndefined();
  expect(codes(answer)).toContain(code);
  expect(messages(answer).some((message) => limit.test(message))).toBe(true);
  for (const fragment of queryFragments) expect(messages(answer).join('\n')).not.toContain(fragment);
}

const aliases = (count: number, field: string) =>
  Array.from({ length: count }, (_, i) => `alias${i}: ${field}`).join(' ');

describe('the whole graph, with the default limits', () => {
  let graph: TestGraph;
  beforeAll(async () => {
    graph = await startGraph({ demoData: false });
  });
  afterAll(() => graph?.stop());

  it('answers a query at the alias limit, and refuses one alias more, `__typename` aliases included', async () => {
    const atLimit = await postJson(graph.gatewayUrl, { query: `{ ${aliases(15, '__typename')} }` });
    expect(atLimit.status).toBe(200);
    expect(atLimit.body.errors).toBeUndefined();

    expectRefused(
      await postJson(graph.gatewayUrl, { query: `{ ${aliases(16, '__typename')} }` }),
      'GRAPHQL_VALIDATION_FAILED',
      /Aliases limit of 15 exceeded/,
      ['alias15', '__typename'],
    );
    const mixed = `{ ${aliases(8, '__typename')} ${Array.from({ length: 8 }, (_, i) => `p${i}: partnerships { nodes { id } }`).join(' ')} }`;
    expectRefused(
      await postJson(graph.gatewayUrl, { query: mixed }),
      'GRAPHQL_VALIDATION_FAILED',
      /Aliases limit of 15 exceeded/,
      ['p7'],
    );
  });

  it('refuses a directive flood, repeated on one field or spread over many', async () => {
    const onOneField = `{ __typename ${'@include(if: true) '.repeat(25)}}`;
    expectRefused(
      await postJson(graph.gatewayUrl, { query: onOneField }),
      'GRAPHQL_VALIDATION_FAILED',
      /Directives limit of 20 exceeded/,
      [],
    );
    // No aliases and no duplicate directive per location: only the directive count can refuse this.
    const spread = `{ ${'__typename @skip(if: false) '.repeat(21)}}`;
    const answer = await postJson(graph.gatewayUrl, { query: spread });
    expectRefused(answer, 'GRAPHQL_VALIDATION_FAILED', /Directives limit of 20 exceeded/, ['@skip']);
    expect(answer.body.errors).toHaveLength(1);
  });

  it('refuses a query nested deeper than the depth limit', async () => {
    // PracticeReview.partnership and Partnership.practiceReviews form a cycle a client can descend forever.
    let selection = 'id';
    for (let level = 0; level < 6; level += 1) selection = `practiceReviews { partnership { ${selection} } }`;
    expectRefused(
      await postJson(graph.gatewayUrl, { query: `{ partnerships { ${selection} } }` }),
      'GRAPHQL_VALIDATION_FAILED',
      /Query depth limit of 10 exceeded/,
      ['practiceReviews'],
    );
  });

  it('refuses a cost bomb that keeps within the depth, alias and token limits', async () => {
    // Lists of lists eight levels down: each alias multiplies what the subgraphs must load. A page of
    // schools costs its size over (first: 5 here; the default 100 alone would exceed the limit).
    const agency = 'id name kind scheduleCategory gssCode dfeCode odsCode';
    const bomb = (copies: number) => `
      fragment Deep on Partnership {
        practiceReviews(first: 1) { nodes { partnership {
          schools(first: 2) { nodes { localAuthority { ${agency} } } }
          relevantAgencies(first: 2) { nodes { ${agency} } }
          partners { organisation { ${agency} } }
        } } }
      }
      { ${Array.from({ length: copies }, (_, i) => `p${i}: partnerships(first: 1) { nodes { ...Deep } }`).join(' ')} }`;
    const once = await postJson(graph.gatewayUrl, { query: bomb(1) });
    expect(codes(once)).not.toContain('GRAPHQL_VALIDATION_FAILED');
    expectRefused(
      await postJson(graph.gatewayUrl, { query: bomb(10) }),
      'GRAPHQL_VALIDATION_FAILED',
      /Query Cost limit of 5000 exceeded/,
      ['Deep', 'relevantAgencies'],
    );
  });

  it('refuses a token flood while parsing', async () => {
    const answer = await postJson(graph.gatewayUrl, { query: `{ ${'__typename '.repeat(2100)}}` });
    expectRefused(answer, 'GRAPHQL_PARSE_FAILED', /more that 2000 tokens/, ['__typename']);
  });

  it('applies the same limits in every subgraph, behind the gateway', async () => {
    const answer = await postJson(graph.subgraphs.schools.url, { query: `{ ${aliases(16, '__typename')} }` });
    expectRefused(answer, 'GRAPHQL_VALIDATION_FAILED', /Aliases limit of 15 exceeded/, ['alias15']);
  });

  it('still answers an ordinary query across the subgraphs', async () => {
    const answer = await postJson(graph.gatewayUrl, {
      query: `{ partnerships(first: 5) { nodes { name partners { kind organisation { name } } relevantAgencies(first: 5) { nodes { name } }
        schools(first: 5) { nodes { name localAuthority { name } } } escalationPolicy { stages { position name timescaleWorkingDays } } } } }`,
    });
    expect(codes(answer)).not.toContain('GRAPHQL_VALIDATION_FAILED');
    expect(codes(answer)).not.toContain('GRAPHQL_PARSE_FAILED');
    expect(answer.status).toBe(200);
  });

  it('refuses a batch of operations in one HTTP request', async () => {
    const answer = await postJson(graph.gatewayUrl, [{ query: '{ __typename }' }, { query: '{ __typename }' }]);
    expect(answer.status).toBe(400);
    expect(answer.text).toMatch(/batching/i);
    expect(answer.text).not.toContain('"Query"');
  });

  it('refuses requests a browser could send cross-site without a preflight (CSRF)', async () => {
    const body = JSON.stringify({ query: '{ __typename }' });
    for (const contentType of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      const answer = await send(graph.gatewayUrl, { method: 'POST', headers: { 'content-type': contentType }, body });
      expect(answer.status).toBe(400);
      expect(answer.text).toMatch(/Cross-Site Request Forgery/);
      expect(answer.text).not.toContain('"Query"');
    }
    const plainGet = await send(`${graph.gatewayUrl}?query=${encodeURIComponent('{ __typename }')}`, { method: 'GET' });
    expect(plainGet.status).toBe(400);
    expect(plainGet.text).toMatch(/Cross-Site Request Forgery/);
    // The same GET with the header only a preflighted request can carry goes through.
    const preflightedGet = await send(`${graph.gatewayUrl}?query=${encodeURIComponent('{ __typename }')}`, {
      method: 'GET',
      headers: { 'apollo-require-preflight': 'true' },
    });
    expect(preflightedGet.status).toBe(200);
    expect(preflightedGet.body.data).toEqual({ __typename: 'Query' });
  });

  it('answers 413 to a body over the limit, and 400 to one that is not JSON, in JSON and without echoing it', async () => {
    const big = await postJson(graph.gatewayUrl, {
      query: '{ __typename }',
      variables: { padding: 'x'.repeat(1_100_000) },
    });
    expect(big.status).toBe(413);
    expect(big.body.errors).toEqual([
      { message: 'Request body is larger than the limit of 1048576 bytes', extensions: { code: 'PAYLOAD_TOO_LARGE' } },
    ]);

    const broken = await send(graph.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query": secret-looking-text',
    });
    expect(broken.status).toBe(400);
    expect(broken.headers.get('content-type')).toMatch(/application\/json/);
    expect(broken.body.errors?.[0]?.extensions?.['code']).toBe('BAD_REQUEST');
    expect(broken.text).not.toContain('secret-looking-text');
    expect(broken.text).not.toMatch(/node_modules|\bat \w/);
  });
});

describe('a service started on its own', () => {
  const logger = createLogger('test', 'silent');
  const schema = buildSchema(`
    enum Colour { RED GREEN BLUE }
    type Query { hello: String paint(colour: Colour!): String }
  `);
  const running: RunningHttpService[] = [];
  const start = async (production: boolean, hardening?: HardeningConfig) => {
    const service = await startHttpService({
      name: 'tiny',
      host: '127.0.0.1',
      port: 0,
      logger,
      production,
      graphql: { schema },
      context: async () => ({}),
      ready: async () => true,
      ...(hardening ? { hardening } : {}),
    });
    running.push(service);
    return service;
  };
  afterAll(() => Promise.all(running.map((service) => service.stop())));

  it('in production, refuses introspection and gives no schema hints or stack traces', async () => {
    const service = await start(true);
    for (const query of ['{ __schema { types { name } } }', '{ __type(name: "Query") { fields { name } } }']) {
      const answer = await postJson(service.url, { query });
      expect(answer.status).toBe(400);
      expect(codes(answer)).toContain('GRAPHQL_VALIDATION_FAILED');
      expect(messages(answer).join()).toMatch(/introspection is not allowed/);
    }

    const misspelt = await postJson(service.url, { query: '{ helo }' });
    expect(misspelt.status).toBe(400);
    expect(messages(misspelt)).toEqual(['Cannot query field "helo" on type "Query".']);
    const badEnum = await postJson(service.url, { query: '{ paint(colour: GREN) }' });
    expect(messages(badEnum)).toEqual(['Value "GREN" does not exist in "Colour" enum.']);
    for (const answer of [misspelt, badEnum]) {
      expect(answer.text).not.toMatch(/Did you mean|hello|GREEN/);
      expect(answer.text).not.toContain('stacktrace');
    }

    const tooManyAliases = await postJson(service.url, { query: `{ ${aliases(16, 'hello')} }` });
    expect(tooManyAliases.body.errors).toEqual([
      { message: 'Aliases limit of 15 exceeded, found 16.', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } },
    ]);
  });

  it('in development, keeps the hints that help an integrator', async () => {
    const service = await start(false);
    const misspelt = await postJson(service.url, { query: '{ helo }' });
    expect(messages(misspelt)).toEqual(['Cannot query field "helo" on type "Query". Did you mean "hello"?']);
    const introspection = await postJson(service.url, { query: '{ __schema { queryType { name } } }' });
    expect(introspection.body.data).toEqual({ __schema: { queryType: { name: 'Query' } } });
  });

  it('limits requests per client on /graphql, answering 429 with Retry-After, but never /health', async () => {
    const service = await start(true, { ...defaultHardening, RATE_LIMIT_PER_MINUTE: 3 });
    for (let i = 0; i < 3; i += 1) expect((await postJson(service.url, { query: '{ hello }' })).status).toBe(200);
    const refused = await postJson(service.url, { query: '{ hello }' });
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(refused.body).toEqual({
      errors: [{ message: 'Too many requests: limit is 3 per minute', extensions: { code: 'RATE_LIMITED' } }],
    });
    const health = await fetch(service.url.replace(/\/graphql$/, '/health'));
    expect(health.status).toBe(200);
    expect((await fetch(service.url.replace(/\/graphql$/, '/ready'))).status).toBe(200);
  });

  it('allows cross-origin calls from the configured origins only, preflight included', async () => {
    const service = await start(true, { ...defaultHardening, CORS_ORIGINS: ['https://portal.example.org'] });
    const allowed = await postJson(service.url, { query: '{ hello }' }, { origin: 'https://portal.example.org' });
    expect(allowed.status).toBe(200);
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://portal.example.org');
    expect(allowed.headers.get('vary')).toMatch(/Origin/i);

    const other = await postJson(service.url, { query: '{ hello }' }, { origin: 'https://evil.example.com' });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();

    const preflight = await send(service.url, {
      method: 'OPTIONS',
      headers: {
        origin: 'https://portal.example.org',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('https://portal.example.org');
    expect(preflight.headers.get('access-control-allow-methods')).toContain('POST');
    expect(preflight.headers.get('access-control-allow-headers')).toContain('content-type');

    const foreignPreflight = await send(service.url, {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example.com', 'access-control-request-method': 'POST' },
    });
    expect(foreignPreflight.headers.get('access-control-allow-origin')).toBeNull();
    expect(foreignPreflight.headers.get('access-control-allow-methods')).toBeNull();
  });

  it('allows no cross-origin access when no origin is configured', async () => {
    const service = await start(true);
    const answer = await postJson(service.url, { query: '{ hello }' }, { origin: 'https://portal.example.org' });
    expect(answer.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('the rate limiter itself', () => {
  const request = (ip: string) => ({ ip, socket: {} }) as unknown as express.Request;
  const response = () => {
    const headers: Record<string, string> = {};
    const state = { status: 200, headers };
    const res = {
      setHeader: (name: string, value: string) => {
        headers[name.toLowerCase()] = value;
        return res;
      },
      status: (status: number) => {
        state.status = status;
        return res;
      },
      type: () => res,
      send: () => res,
    };
    return { res: res as unknown as express.Response, state };
  };
  const call = (limiter: express.RequestHandler, ip: string): number => {
    const { res, state } = response();
    let passed = false;
    void limiter(request(ip), res, () => {
      passed = true;
    });
    return passed ? 200 : state.status;
  };

  it('opens a fresh window after a minute and forgets the oldest client when full', () => {
    let now = 0;
    const limiter = createRateLimiter({ perMinute: 1, maxClients: 2, now: () => now });
    expect(call(limiter, '10.0.0.1')).toBe(200);
    expect(call(limiter, '10.0.0.1')).toBe(429);
    now = 60_000;
    expect(call(limiter, '10.0.0.1')).toBe(200);
    expect(call(limiter, '10.0.0.2')).toBe(200);
    expect(call(limiter, '10.0.0.3')).toBe(200);
    // 10.0.0.1 was forgotten to make room, so it starts afresh rather than the map growing.
    expect(call(limiter, '10.0.0.1')).toBe(200);
  });

  it('counts an IPv6 client by its /64 and an IPv4-mapped address as IPv4', () => {
    expect(clientKey('::ffff:10.1.2.3')).toBe('10.1.2.3');
    expect(clientKey('10.1.2.3')).toBe('10.1.2.3');
    expect(clientKey('2001:db8:1:2:aaaa:bbbb:cccc:dddd')).toBe(clientKey('2001:db8:1:2::1'));
    expect(clientKey('2001:db8:1:2::1')).not.toBe(clientKey('2001:db8:1:3::1'));
    expect(clientKey('::1')).toBe('0:0:0:0::/64');
  });
});

describe('hardening configuration', () => {
  it('has safe defaults', () => {
    expect(parseEnvironment(hardeningEnvironment, {})).toEqual({
      MAX_QUERY_DEPTH: 10,
      MAX_ALIASES: 15,
      MAX_DIRECTIVES: 20,
      MAX_TOKENS: 2000,
      MAX_COST: 5000,
      MAX_FIELD_REPEATS: 3,
      BODY_LIMIT_BYTES: 1_048_576,
      TRUST_PROXY: false,
      CORS_ORIGINS: [],
    });
  });

  it('reads a list of origins', () => {
    const config = parseEnvironment(hardeningEnvironment, {
      CORS_ORIGINS: 'https://portal.example.org, http://localhost:3000',
      RATE_LIMIT_PER_MINUTE: '120',
      TRUST_PROXY: 'true',
    });
    expect(config.CORS_ORIGINS).toEqual(['https://portal.example.org', 'http://localhost:3000']);
    expect(config.RATE_LIMIT_PER_MINUTE).toBe(120);
    expect(config.TRUST_PROXY).toBe(true);
  });

  it.each([
    [{ CORS_ORIGINS: 'not a url' }, 'CORS_ORIGINS: "not a url" is not an origin'],
    [
      { CORS_ORIGINS: 'https://portal.example.org/graphql' },
      'CORS_ORIGINS: "https://portal.example.org/graphql" is not an origin',
    ],
    [{ CORS_ORIGINS: '*' }, 'CORS_ORIGINS:'],
    [{ RATE_LIMIT_PER_MINUTE: '-1' }, 'RATE_LIMIT_PER_MINUTE:'],
    [{ MAX_QUERY_DEPTH: 'deep' }, 'MAX_QUERY_DEPTH:'],
    [{ TRUST_PROXY: 'sometimes' }, 'TRUST_PROXY:'],
  ])('refuses %j with one line naming the variable', (env, message) => {
    let error: unknown;
    try {
      parseEnvironment(hardeningEnvironment, env);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message.startsWith(message)).toBe(true);
  });
});
