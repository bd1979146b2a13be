import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { internalIdentityHeader, signInternalToken, subgraphNames } from '@safeguarding/shared';
import { startGraph, type TestGraph } from './support/graph';

/**
 * graphql-cop's checks (github.com/dolevf/graphql-cop, lib/tests), rewritten here because the tool
 * is Python and cannot be installed: each sends what graphql-cop sends and judges the answer as it
 * does, then a little more strictly. Run in production mode against the gateway and against every
 * subgraph directly, both as a stranger and carrying a genuine gateway token for the request.
 */

type Headers = (body: string | undefined) => Promise<Record<string, string>>;

interface Answer {
  readonly status: number;
  readonly text: string;
  readonly json: any;
}

async function send(
  url: string,
  init: {
    method: 'GET' | 'POST';
    body?: string;
    contentType?: string;
    accept?: string;
    params?: Record<string, string>;
  },
  headers: Headers,
): Promise<Answer> {
  const target = new URL(url);
  for (const [key, value] of Object.entries(init.params ?? {})) target.searchParams.set(key, value);
  const response = await fetch(target, {
    method: init.method,
    headers: {
      ...(init.contentType ? { 'content-type': init.contentType } : {}),
      ...(init.accept ? { accept: init.accept } : {}),
      ...(await headers(init.body)),
    },
    ...(init.body !== undefined ? { body: init.body } : {}),
  });
  const text = await response.text();
  let json: any = null;
  try {
    json = JSON.parse(text);
  } catch {
    json = null;
  }
  return { status: response.status, text, json };
}

// graphql-cop's graph_query: JSON POST with operationName "cop" (or ten copies, unnamed, for batching).
const graphQuery = (url: string, query: string, headers: Headers, batch = false) =>
  send(
    url,
    {
      method: 'POST',
      contentType: 'application/json',
      body: JSON.stringify(batch ? Array.from({ length: 10 }, () => ({ query })) : { query, operationName: 'cop' }),
    },
    headers,
  );

const has = (fn: () => unknown): boolean => {
  try {
    return Boolean(fn());
  } catch {
    return false;
  }
};

/** Each check answers true when the endpoint shows the weakness. */
const checks: Record<string, (url: string, headers: Headers) => Promise<boolean>> = {
  'alias overloading (DoS)': async (url, headers) => {
    const aliases = Array.from({ length: 101 }, (_, i) => `alias${i}:__typename \n`).join('');
    const answer = await graphQuery(url, `query cop { ${aliases} }`, headers);
    return has(() => answer.json.data.alias100);
  },
  'batch queries (DoS)': async (url, headers) => {
    const answer = await graphQuery(url, 'query cop { __typename }', headers, true);
    return Array.isArray(answer.json) && answer.json.length >= 10;
  },
  'field duplication (DoS)': async (url, headers) => {
    const answer = await graphQuery(url, `query cop { ${'__typename \n'.repeat(500)}} `, headers);
    return has(() => answer.json.data.__typename);
  },
  'directive overloading (DoS)': async (url, headers) => {
    const answer = await graphQuery(url, 'query cop { __typename @aa@aa@aa@aa@aa@aa@aa@aa@aa@aa }', headers);
    // graphql-cop flags exactly ten errors; anything above one means validation did not stop.
    return has(() => answer.json.errors.length > 1);
  },
  'circular query via introspection (DoS)': async (url, headers) => {
    const answer = await graphQuery(
      url,
      'query cop { __schema { types { fields { type { fields { type { fields { type { fields { type { name } } } } } } } } } } }',
      headers,
    );
    return has(() => answer.json.data.__schema.types.length > 25);
  },
  introspection: async (url, headers) => {
    const answer = await graphQuery(url, 'query cop { __schema { types { name fields { name } } } }', headers);
    return has(() => answer.json.data.__schema.types);
  },
  'GraphQL IDE (GraphiQL, Playground, Sandbox)': async (url, headers) => {
    const answer = await send(url, { method: 'GET', accept: 'text/html' }, headers);
    return [
      'graphiql.min.css',
      'GraphQL Playground',
      'GraphiQL',
      'graphql-playground',
      'Apollo Sandbox',
      'embeddable-sandbox',
    ].some((word) => answer.text.includes(word));
  },
  'GET-method query (possible CSRF)': async (url, headers) => {
    const answer = await send(url, { method: 'GET', params: { query: 'query cop {__typename}' } }, headers);
    return has(() => answer.json.data.__typename);
  },
  'POST url-encoded query (possible CSRF)': async (url, headers) => {
    const body = new URLSearchParams({ query: 'query cop { __typename }' }).toString();
    const answer = await send(url, { method: 'POST', contentType: 'application/x-www-form-urlencoded', body }, headers);
    return has(() => answer.json.data.__typename);
  },
  'GET-method mutation (CSRF)': async (url, headers) => {
    const answer = await send(url, { method: 'GET', params: { query: 'mutation cop {__typename}' } }, headers);
    return has(() => answer.json.data.__typename);
  },
  'trace mode (tracing, ftv1)': async (url, headers) => {
    const plain = await graphQuery(url, 'query cop { __typename }', headers);
    const withTrace = await send(
      url,
      {
        method: 'POST',
        contentType: 'application/json',
        body: JSON.stringify({ query: 'query cop { __typename }', operationName: 'cop' }),
      },
      async (body) => ({ ...(await headers(body)), 'apollo-federation-include-trace': 'ftv1' }),
    );
    return [plain, withTrace].some(
      (answer) => has(() => answer.json.errors[0].extensions.tracing) || /"tracing"\s*:|"ftv1"\s*:/.test(answer.text),
    );
  },
  'field suggestions ("Did you mean")': async (url, headers) => {
    const cop = await graphQuery(url, 'query cop { __schema { directive } }', headers);
    // A typo of a real field too: graphql-cop's probe alone is answered by the introspection refusal.
    const typo = await graphQuery(url, 'query cop { partnershipz { nam } }', headers);
    return [cop, typo].some((answer) => /Did you mean/.test(answer.text));
  },
  'unhandled errors (exception details)': async (url, headers) => {
    const answer = await graphQuery(url, 'qwerty cop { abc }', headers);
    return (
      has(() => answer.json.errors[0].extensions.exception) || /"exception"\s*:|"stacktrace"\s*:/.test(answer.text)
    );
  },
};

let graph: TestGraph;
let dataDir: string;
beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'graphql-cop-'));
  graph = await startGraph({ production: true, overrides: { NODE_ENV: 'production', DATA_DIR: dataDir } });
}, 120_000);
afterAll(async () => {
  await graph?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const stranger: Headers = async () => ({});

/** A genuine gateway token for exactly the body sent, as the gateway would attach it. */
const viaGatewayToken: Headers = async (body) => {
  let parsed: Record<string, unknown> = {};
  try {
    const value = body ? JSON.parse(body) : {};
    if (value && typeof value === 'object' && !Array.isArray(value)) parsed = value as Record<string, unknown>;
  } catch {
    parsed = {};
  }
  const token = await signInternalToken(
    {
      identity: null,
      operationName: 'cop',
      requestId: null,
      operation: { query: parsed['query'], operationName: parsed['operationName'], variables: parsed['variables'] },
    },
    graph.secrets.internal,
  );
  return { [internalIdentityHeader]: token };
};

async function findings(url: string, headers: Headers): Promise<string[]> {
  const found: string[] = [];
  for (const [name, check] of Object.entries(checks)) if (await check(url, headers)) found.push(name);
  return found;
}

describe("graphql-cop's checks in production", () => {
  it("has thirteen checks: graphql-cop's twelve and its field-duplication test", () => {
    expect(Object.keys(checks)).toHaveLength(13);
  });

  it('the gateway shows none of the weaknesses', async () => {
    expect(await findings(graph.gatewayUrl, stranger)).toEqual([]);
  });

  it('the gateway shows none to a signed-in caller either', async () => {
    const token = await graph.tokenFor('sussex-health-visitor');
    expect(await findings(graph.gatewayUrl, async () => ({ authorization: `Bearer ${token}` }))).toEqual([]);
  });

  it.each(subgraphNames)('%s, called directly, shows none', async (name) => {
    expect(await findings(graph.subgraphs[name].url, stranger)).toEqual([]);
  });

  it.each(subgraphNames)('%s, called with a genuine gateway token for each request, shows none', async (name) => {
    expect(await findings(graph.subgraphs[name].url, viaGatewayToken)).toEqual([]);
  });

  it('the checks do find weaknesses where they exist: development mode shows what production hides', async () => {
    const development = await startGraph({ demoData: false });
    try {
      // The circular introspection query stays refused here too, by the depth limit.
      expect(await findings(development.gatewayUrl, stranger)).toEqual([
        'introspection',
        'GraphQL IDE (GraphiQL, Playground, Sandbox)',
        'field suggestions ("Did you mean")',
        'unhandled errors (exception details)',
      ]);
    } finally {
      await development.stop();
    }
  }, 60_000);

  it('a plain query is answered, so the refusals above are refusals and not a broken probe', async () => {
    // Guards the checks themselves: the same request shapes that must be refused above are read correctly when answered.
    const answer = await graphQuery(graph.gatewayUrl, 'query cop { __typename }', stranger);
    expect(answer.json).toEqual({ data: { __typename: 'Query' } });
    const subgraph = await graphQuery(graph.subgraphs.schools.url, 'query cop { __typename }', viaGatewayToken);
    expect(subgraph.json).toEqual({ data: { __typename: 'Query' } });
  });
});
