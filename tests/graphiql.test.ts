import { chromium, type Browser } from 'playwright-core';
import { createAuthenticator, gatewayEnvironment, readSupergraph, startGateway } from '@safeguarding/gateway';
import { createLogger, subgraphNames, type RunningHttpService } from '@safeguarding/shared';
import { exampleOperations } from './support/example-operations';
import { startGraph, type TestGraph } from './support/graph';

// Issue 15 item 5: the gateway's GraphiQL works with the network closed beyond this machine.
let graph: TestGraph;
let browser: Browser;
beforeAll(async () => {
  graph = await startGraph();
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await graph?.stop();
});

/** GraphiQL's editors are CodeMirror 5 instances, reachable from their element. */
interface CodeMirrorElement {
  readonly CodeMirror: { setValue(value: string): void; getValue(): string };
}

async function gatewayWith(options: { production: boolean; graphiql?: boolean }): Promise<RunningHttpService> {
  return startGateway({
    supergraphSdl: readSupergraph(),
    subgraphUrls: Object.fromEntries(subgraphNames.map((name) => [name, graph.subgraphs[name].url])),
    host: '127.0.0.1',
    port: 0,
    logger: createLogger('test', 'silent'),
    production: options.production,
    ...(options.graphiql !== undefined ? { graphiql: options.graphiql } : {}),
    authenticator: createAuthenticator({ secret: graph.secrets.jwt, issuer: 'test-issuer', audience: 'test-audience' }),
    internalTokenSecret: graph.secrets.internal,
  });
}

describe('GraphiQL served by the gateway', () => {
  it('loads with every other host blocked, opens the example operations, runs a query and shows the answer', async () => {
    const outside: string[] = [];
    const problems: string[] = [];
    const context = await browser.newContext();
    await context.route('**/*', async (route) => {
      const host = new URL(route.request().url()).hostname;
      if (host === '127.0.0.1' || host === 'localhost') await route.continue();
      else {
        outside.push(host);
        await route.abort();
      }
    });
    const page = await context.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));
    try {
      await page.goto(graph.gatewayUrl);
      await page.locator('.graphiql-container').waitFor({ timeout: 30_000 });
      // One tab per example operation, named by its operation.
      const tabs = page.locator('.graphiql-tab');
      await expect(tabs.count()).resolves.toBe(exampleOperations().length);
      await expect(tabs.allInnerTexts()).resolves.toEqual(
        expect.arrayContaining(['Viewer', 'PartnershipWhatIsDue', 'SchoolByCode']),
      );

      const query = 'query Partnerships { partnerships(first: 10) { nodes { name } } }';
      const expected = await graph.query<{ partnerships: { nodes: { name: string }[] } }>(query);
      expect(expected.errors).toBeUndefined();
      // A tab of its own, as a user starts one; the example tabs stay as they were.
      await page.getByRole('button', { name: 'Add tab' }).click();
      await expect(tabs.count()).resolves.toBe(exampleOperations().length + 1);
      await page
        .locator('.graphiql-query-editor .CodeMirror')
        .evaluate((element, text) => (element as unknown as CodeMirrorElement).CodeMirror.setValue(text), query);
      // GraphiQL reads the operation's name from the editor a moment after each change; its tab shows it then.
      await tabs.getByText('Partnerships', { exact: true }).waitFor({ timeout: 10_000 });
      await page.locator('.graphiql-execute-button').click();
      // The answer pane is an editor too: wait for its text, not for what it has scrolled into view.
      const answerPane = page.locator('.graphiql-response .CodeMirror');
      let shown = '';
      for (const end = Date.now() + 15_000; shown === '' && Date.now() < end;) {
        shown = await answerPane.evaluate((element) => (element as unknown as CodeMirrorElement).CodeMirror.getValue());
        if (shown === '') await page.waitForTimeout(100);
      }
      expect(JSON.parse(shown)).toEqual({ data: expected.data });
    } finally {
      await context.close();
    }
    expect(outside).toEqual([]);
    expect(problems).toEqual([]);
  }, 90_000);

  it('is served from the gateway itself under a policy that allows no other origin', async () => {
    const answer = await fetch(graph.gatewayUrl, { headers: { accept: 'text/html' } });
    expect(answer.status).toBe(200);
    const html = await answer.text();
    expect(html).not.toMatch(/https?:\/\//);
    expect(answer.headers.get('content-security-policy')).toContain("default-src 'none'");
    for (const asset of html.matchAll(/(?:src|href)="([^"]+)"/g)) {
      const fetched = await fetch(new URL(asset[1]!, graph.gatewayUrl));
      expect([asset[1], fetched.status]).toEqual([asset[1], 200]);
    }
    // A client asking for JSON still reaches GraphQL.
    const json = await fetch(`${graph.gatewayUrl}?query=${encodeURIComponent('{ __typename }')}`, {
      headers: { 'apollo-require-preflight': 'true' },
    });
    expect(await json.json()).toEqual({ data: { __typename: 'Query' } });
  });

  it('is off in production unless configured on', async () => {
    for (const [options, served] of [
      [{ production: true }, false],
      [{ production: true, graphiql: true }, true],
      [{ production: false, graphiql: false }, false],
    ] as const) {
      const gateway = await gatewayWith(options);
      try {
        const html = await (await fetch(gateway.url, { headers: { accept: 'text/html' } })).text();
        expect([options, html.includes('graphiql.js')]).toEqual([options, served]);
        // Never Apollo's CDN page instead.
        expect(html).not.toMatch(/apollo-server-landing-page|embeddable-sandbox|cdn\./);
      } finally {
        await gateway.stop();
      }
    }
    const wrong = gatewayEnvironment.shape.GRAPHIQL.safeParse('yes');
    expect(wrong.success).toBe(false);
    expect(wrong.error?.issues[0]?.message).toBe('must be on or off');
  });
});
