import { createHash } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import axe from 'axe-core';
import { chromium, type Browser, type Page } from 'playwright-core';
import { repositoryRoot } from '@safeguarding/shared';
import { startPortalServer, type RunningPortal } from '../scripts/src/portal-server';
import { until } from './support/disagreements';
import { startGraph, type TestGraph } from './support/graph';

// The partnership portal in a real browser (Debian's Chromium), with the network closed beyond
// this machine: every request to anywhere but 127.0.0.1 is refused and counted. What each page
// shows is checked against the graph's own answers for the same caller, and each page is checked
// with axe for accessibility.
const artifacts = path.join(repositoryRoot, 'tests', 'artifacts');
let graph: TestGraph;
let portal: RunningPortal;
let oidcPortalPort: number;
let browser: Browser;
const outside: string[] = [];
const consoleErrors: string[] = [];

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

beforeAll(async () => {
  const portalPort = await freePort();
  oidcPortalPort = await freePort();
  const origin = `http://127.0.0.1:${portalPort}`;
  // A second portal, signing in at an identity provider, calls the same gateway from its own origin.
  graph = await startGraph({ corsOrigins: [origin, `http://127.0.0.1:${oidcPortalPort}`] });
  portal = await startPortalServer({
    host: '127.0.0.1',
    port: portalPort,
    gatewayUrl: graph.gatewayUrl,
    auth: { kind: 'development', secret: graph.secrets.jwt, issuer: 'test-issuer', audience: 'test-audience' },
  });
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
  fs.mkdirSync(artifacts, { recursive: true });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await portal?.stop();
  await graph?.stop();
});

async function closedNetworkPage(): Promise<Page> {
  // bypassCSP lets the test inject axe-core; the page itself runs under the portal's CSP.
  const context = await browser.newContext({ bypassCSP: true });
  await context.route('**/*', async (route) => {
    const host = new URL(route.request().url()).hostname;
    if (host === '127.0.0.1' || host === 'localhost') await route.continue();
    else {
      outside.push(route.request().url());
      await route.abort();
    }
  });
  return context.newPage();
}

async function signedIn(identity: string): Promise<Page> {
  const page = await closedNetworkPage();
  await page.goto(portal.url);
  await page.getByLabel('Demo identity').selectOption(identity);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByText(/Signed in as/).waitFor();
  return page;
}

async function open(page: Page, title: string, heading: RegExp): Promise<void> {
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  await page.getByRole('link', { name: title }).click();
  try {
    await page.getByRole('heading', { level: 1, name: heading }).waitFor({ timeout: 15_000 });
  } catch (error) {
    await page.screenshot({ path: path.join(artifacts, `failed-${title}.png`), fullPage: true });
    throw new Error(
      `${String(error)}\nshown: ${await page.locator('body').innerText()}\nconsole: ${consoleErrors.join('\n')}`,
    );
  }
  // Each section loads on its own; the page is complete when none is still loading.
  await page.waitForFunction("document.querySelectorAll('[role=status]').length === 0");
}

async function accessibilityProblems(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: axe.source });
  // Runs in the page, where axe-core was just injected beside the document.
  const result = await page.evaluate(async () => {
    const inPage = globalThis as unknown as { axe: typeof axe; document: axe.ElementContext };
    return inPage.axe.run(inPage.document, { resultTypes: ['violations'] });
  });
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.length})`);
}

const westSussex = 'west-sussex-business-manager';

it('shows a business manager the overview the graph gives: what is due, yearly reports, education, schools, section 11 and 175', async () => {
  const page = await signedIn(westSussex);
  await open(page, 'Overview', /overview/);
  const answer = await graph.query<{ partnerships: { nodes: Array<{ id: string; name: string }> } }>(
    '{ partnerships { nodes { id name } } }',
    {},
    { as: westSussex },
  );
  const own = answer.data!.partnerships.nodes.find((p) => p.name.includes('West Sussex'))!;
  const detail = await graph.query<{
    partnership: {
      yearlyReports: { nodes: Array<{ financialYear: string; statusReasons: string[] }> };
      educationRepresentatives: Array<{ name: string }>;
      withoutDsl: { totalCount: number; nodes: Array<{ name: string }> };
    };
  }>(
    'query($id: ID!) { partnership(id: $id) { yearlyReports(first: 20) { nodes { financialYear statusReasons } } educationRepresentatives { name } withoutDsl: schools(first: 100, noDsl: true) { totalCount nodes { name } } } }',
    { id: own.id },
    { as: westSussex },
  );
  const text = await page.locator('main').innerText();
  expect(text).toContain(`${own.name}: overview`);
  for (const report of detail.data!.partnership.yearlyReports.nodes) {
    expect(text).toContain(report.financialYear);
    for (const reason of report.statusReasons) expect(text).toContain(reason);
  }
  for (const representative of detail.data!.partnership.educationRepresentatives)
    expect(text).toContain(representative.name);
  for (const school of detail.data!.partnership.withoutDsl.nodes.slice(0, 10)) expect(text).toContain(school.name);
  expect(text).toMatch(/Section 11 \(\d{4}-\d{2}\)/);
  expect(text).toMatch(/Section 175\/157 \(\d{4}-\d{2}\)/);
  // Training overdue and both statutory overviews, for the year the page shows, as the graph gives them.
  const year = /Section 11 \((\d{4}-\d{2})\)/.exec(text)?.[1] ?? '';
  const statutory = await graph.query<{
    partnership: {
      trainingOverdue: { totalCount: number; nodes: Array<{ name: string }> };
      section11Overview: { notReturned: { totalCount: number; nodes: Array<{ name: string }> } };
      schoolSafeguardingOverview: { notReturned: { totalCount: number; nodes: Array<{ name: string }> } };
    };
  }>(
    'query($id: ID!, $year: String!) { partnership(id: $id) { trainingOverdue: schools(first: 10, trainingOverdue: true) { totalCount nodes { name } } section11Overview(financialYear: $year) { notReturned(first: 10) { totalCount nodes { name } } } schoolSafeguardingOverview(financialYear: $year) { notReturned(first: 10) { totalCount nodes { name } } } } }',
    { id: own.id, year },
    { as: westSussex },
  );
  expect(statutory.errors).toBeUndefined();
  const shownLists = statutory.data?.partnership;
  if (!shownLists) throw new Error('the graph gave the business manager no partnership');
  for (const [caption, list] of [
    ['Schools whose DSL training is overdue (KCSIE: at least every two years)', shownLists.trainingOverdue],
    ['Agencies that have not returned', shownLists.section11Overview.notReturned],
    ['Schools that have not returned', shownLists.schoolSafeguardingOverview.notReturned],
  ] as const) {
    if (list.totalCount > 0) expect(text).toContain(`${caption} (${String(list.totalCount)})`);
    for (const node of list.nodes) expect(text).toContain(node.name);
  }
  // Every deadline is shown with its rule.
  const deadlines = page.locator('.deadline');
  expect(await deadlines.count()).toBeGreaterThan(0);
  for (const rule of await page.locator('.deadline .rule').allInnerTexts()) expect(rule.trim()).not.toBe('');
  await page.screenshot({ path: path.join(artifacts, 'portal-overview.png'), fullPage: true });
  expect(await accessibilityProblems(page)).toEqual([]);

  // The chart counts every open obligation, and the overdue list is the graph's, page by page.
  const due = await graph.query<{
    partnership: {
      open: { totalCount: number };
      overdue: { totalCount: number; nodes: Array<{ deadline: { rule: string } }> };
    };
  }>(
    'query($id: ID!) { partnership(id: $id) { open: whatIsDue(first: 1) { totalCount } overdue: whatIsDue(first: 100, filter: { statuses: [OVERDUE] }) { totalCount nodes { deadline { rule } } } } }',
    { id: own.id },
    { as: westSussex },
  );
  expect(due.errors).toBeUndefined();
  const dueAnswer = due.data?.partnership;
  if (!dueAnswer) throw new Error('the graph gave the business manager no partnership');
  const { open: openObligations, overdue } = dueAnswer;
  const figures = await page
    .locator('table', { has: page.locator('caption', { hasText: 'Obligations by week and status: the figures' }) })
    .locator('tbody td')
    .allInnerTexts();
  expect(figures.reduce((sum, figure) => sum + Number(figure), 0)).toBe(openObligations.totalCount);
  expect(overdue.totalCount).toBeGreaterThan(10);
  const overdueTable = page.locator('table', {
    has: page.locator('caption', { hasText: `Overdue obligations (${overdue.totalCount})` }),
  });
  const rulesShown = () => overdueTable.locator('.deadline .rule').allInnerTexts();
  expect(await rulesShown()).toEqual(overdue.nodes.slice(0, 10).map((node) => node.deadline.rule));
  const owners = await overdueTable.locator('tbody tr td:nth-child(3)').allInnerTexts();
  expect(owners).toHaveLength(10);
  // Each owner by name, as its own service gives it: none left as a bare id.
  for (const owner of owners) expect(owner.trim()).not.toMatch(/^(—|)$|^organisation /);
  const pager = page.getByRole('navigation', { name: 'Overdue obligations: pages' });
  // The pager's label moves at the click and the rows when the graph answers: wait for the rows.
  const turnedTo = async (expected: string[], what: string) => {
    await until(async () => JSON.stringify(await rulesShown()) === JSON.stringify(expected), what, 20_000).catch(
      () => undefined,
    );
    expect(await rulesShown()).toEqual(expected);
  };
  await pager.getByRole('button', { name: 'Next' }).click();
  await pager.getByText('Page 2 of').waitFor();
  await turnedTo(
    overdue.nodes.slice(10, 20).map((node) => node.deadline.rule),
    'the second page of overdue obligations',
  );
  await pager.getByRole('button', { name: 'Previous' }).click();
  await pager.getByText('Page 1 of').waitFor();
  await turnedTo(
    overdue.nodes.slice(0, 10).map((node) => node.deadline.rule),
    'the first page again',
  );
}, 120_000);

it('shows the escalations and reviews pages as the graph answers them, keyboard and all', async () => {
  const page = await signedIn(westSussex);
  // Keyboard: the page links are reachable and followed with Tab and Enter.
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  const focused = await page.evaluate(
    () =>
      (globalThis as unknown as { document: { activeElement: { textContent: string | null } | null } }).document
        .activeElement?.textContent ?? '',
  );
  expect(['Overview', 'Escalations', 'Reviews']).toContain(focused);
  await open(page, 'Escalations', /escalations/);
  const own = (
    await graph.query<{ partnerships: { nodes: Array<{ id: string; name: string }> } }>(
      '{ partnerships { nodes { id name } } }',
      {},
      { as: westSussex },
    )
  ).data!.partnerships.nodes.find((p) => p.name.includes('West Sussex'))!;
  const escalations = await graph.query<{
    partnership: { escalations: { nodes: Array<{ caseReference: string; status: string }> } };
  }>(
    'query($id: ID!) { partnership(id: $id) { escalations(accessReason: "Partnership portal: oversight of escalations", first: 50) { nodes { caseReference status } } } }',
    { id: own.id },
    { as: westSussex },
  );
  const escalationsText = await page.locator('main').innerText();
  for (const e of escalations.data!.partnership.escalations.nodes.filter((x) => x.status === 'OPEN').slice(0, 10))
    expect(escalationsText).toContain(e.caseReference);
  for (const rule of await page.locator('.deadline .rule').allInnerTexts()) expect(rule.trim()).not.toBe('');
  // The last twelve months' figures, resolution times among them, as the graph counts them.
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date());
  const report = await graph.query<{
    partnership: {
      escalationReport: Record<
        'raised' | 'resolved' | 'open' | 'overdue',
        { count: number | null; suppressed: boolean }
      >;
    };
  }>(
    'query($id: ID!, $from: Date!, $to: Date!) { partnership(id: $id) { escalationReport(from: $from, to: $to) { raised { count suppressed } resolved { count suppressed } open { count suppressed } overdue { count suppressed } } } }',
    { id: own.id, from: `${String(Number(today.slice(0, 4)) - 1)}${today.slice(4)}`, to: today },
    { as: westSussex },
  );
  expect(report.errors).toBeUndefined();
  const figures = report.data?.partnership.escalationReport;
  if (!figures) throw new Error('the graph gave the business manager no escalation report');
  const shownFigures = await page.locator('dl.figures').innerText();
  for (const [label, figure] of [
    ['Raised', figures.raised],
    ['Resolved', figures.resolved],
    ['Open', figures.open],
    ['Overdue', figures.overdue],
  ] as const)
    expect(shownFigures).toContain(
      `${label}\n${figure.suppressed ? 'fewer than 5 (suppressed)' : String(figure.count ?? 0)}`,
    );
  expect(shownFigures).toContain('Median time to resolve');
  await page.screenshot({ path: path.join(artifacts, 'portal-escalations.png'), fullPage: true });
  expect(await accessibilityProblems(page)).toEqual([]);

  await open(page, 'Reviews', /reviews/);
  const reviews = await graph.query<{
    partnership: {
      practiceReviews: { nodes: Array<{ title: string }> };
      seriousIncidentNotifications: { nodes: Array<{ caseReference: string }> };
    };
  }>(
    'query($id: ID!) { partnership(id: $id) { practiceReviews(first: 10) { nodes { title } } seriousIncidentNotifications(first: 10) { nodes { caseReference } } } }',
    { id: own.id },
    { as: westSussex },
  );
  const reviewsText = await page.locator('main').innerText();
  for (const review of reviews.data!.partnership.practiceReviews.nodes) expect(reviewsText).toContain(review.title);
  for (const notification of reviews.data!.partnership.seriousIncidentNotifications.nodes)
    expect(reviewsText).toContain(notification.caseReference);
  const rapid = await graph.query<{ partnership: { rapidReviews: { totalCount: number } } }>(
    'query($id: ID!) { partnership(id: $id) { rapidReviews(first: 1) { totalCount } } }',
    { id: own.id },
    { as: westSussex },
  );
  const rapidCount = rapid.data?.partnership.rapidReviews.totalCount ?? 0;
  expect(rapidCount).toBeGreaterThan(0);
  expect(reviewsText).toContain(`Rapid reviews (15 working days of the notification) (${String(rapidCount)})`);
  expect(await page.locator('.deadline').count()).toBeGreaterThan(0);
  for (const rule of await page.locator('.deadline .rule').allInnerTexts()) expect(rule.trim()).not.toBe('');
  await page.screenshot({ path: path.join(artifacts, 'portal-reviews.png'), fullPage: true });
  expect(await accessibilityProblems(page)).toEqual([]);
}, 120_000);

it("shows a school DSL none of the partnership staff's data", async () => {
  const page = await signedIn('seaview-primary-dsl');
  await open(page, 'Overview', /overview/);
  const overview = await page.locator('main').innerText();
  for (const staffOnly of [
    'What is due',
    'Section 11',
    'Section 175/157',
    'Schools with no designated safeguarding lead',
  ])
    expect(overview).not.toContain(staffOnly);
  await open(page, 'Escalations', /escalations/);
  const escalations = await page.locator('main').innerText();
  expect(escalations).not.toContain('Open disagreements by stage');
  expect(escalations).not.toContain('The last twelve months');
  await open(page, 'Reviews', /reviews/);
  // The graph gives a DSL no case of the partnership's, and the page shows exactly that: no rows.
  const own = (
    await graph.query<{ partnerships: { nodes: Array<{ id: string; name: string }> } }>(
      '{ partnerships { nodes { id name } } }',
      {},
      { as: 'seaview-primary-dsl' },
    )
  ).data!.partnerships.nodes.find((p) => p.name.includes('Brighton'))!;
  const cases = await graph.query<{
    partnership: { seriousIncidentNotifications: { nodes: unknown[] }; rapidReviews: { nodes: unknown[] } };
  }>(
    'query($id: ID!) { partnership(id: $id) { seriousIncidentNotifications { nodes { id } } rapidReviews { nodes { id } } } }',
    { id: own.id },
    { as: 'seaview-primary-dsl' },
  );
  expect(cases.data?.partnership.seriousIncidentNotifications?.nodes ?? []).toEqual([]);
  expect(cases.data?.partnership.rapidReviews?.nodes ?? []).toEqual([]);
  expect(await page.locator('main table tbody tr').count()).toBe(0);
  expect(await page.locator('main').innerText()).toContain('No serious incident notification that you may see.');
  expect(await accessibilityProblems(page)).toEqual([]);
}, 120_000);

interface StandInProvider {
  readonly url: string;
  readonly authorizations: URLSearchParams[];
  readonly tokenRequests: URLSearchParams[];
  stop(): Promise<void>;
}

/**
 * An OpenID provider's authorization code flow, as far as the portal's browser meets it: discovery,
 * the authorization endpoint (which signs the person in at once and redirects back with a code),
 * and the token endpoint, which gives the access token only for the verifier of the code's
 * PKCE challenge. The access token is one the gateway trusts; the ID token only names the person.
 */
async function startStandInProvider(accessToken: string): Promise<StandInProvider> {
  const authorizations: URLSearchParams[] = [];
  const tokenRequests: URLSearchParams[] = [];
  let url = '';
  const base64url = (value: string | Buffer) => Buffer.from(value).toString('base64url');
  const server = http.createServer((req, res) => {
    const requested = new URL(req.url ?? '/', url);
    const json = (status: number, body: unknown) =>
      res
        .writeHead(status, {
          'content-type': 'application/json',
          'access-control-allow-origin': '*',
          'access-control-allow-headers': '*',
        })
        .end(JSON.stringify(body));
    if (req.method === 'OPTIONS') return void json(204, {});
    if (requested.pathname === '/.well-known/openid-configuration')
      return void json(200, {
        issuer: url,
        authorization_endpoint: `${url}/authorize`,
        token_endpoint: `${url}/token`,
        jwks_uri: `${url}/jwks`,
        response_types_supported: ['code'],
        code_challenge_methods_supported: ['S256'],
      });
    if (requested.pathname === '/authorize') {
      authorizations.push(requested.searchParams);
      const back = new URL(requested.searchParams.get('redirect_uri') ?? '');
      back.searchParams.set('code', 'code-for-the-business-manager');
      back.searchParams.set('state', requested.searchParams.get('state') ?? '');
      return void res.writeHead(302, { location: back.toString() }).end();
    }
    if (requested.pathname === '/token' && req.method === 'POST') {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      req.on('end', () => {
        const form = new URLSearchParams(body);
        tokenRequests.push(form);
        const challenge = authorizations.at(-1)?.get('code_challenge');
        const verifier = form.get('code_verifier') ?? '';
        if (!challenge || base64url(createHash('sha256').update(verifier).digest()) !== challenge)
          return void json(400, { error: 'invalid_grant' });
        const now = Math.floor(Date.now() / 1000);
        const nonce = authorizations.at(-1)?.get('nonce');
        const idToken = [
          base64url(JSON.stringify({ alg: 'none', typ: 'JWT' })),
          base64url(
            JSON.stringify({
              iss: url,
              aud: form.get('client_id'),
              sub: 'demo:west-sussex-business-manager',
              name: 'West Sussex business manager (signed in at the provider)',
              iat: now,
              exp: now + 3600,
              ...(nonce ? { nonce } : {}),
            }),
          ),
          '',
        ].join('.');
        json(200, { access_token: accessToken, id_token: idToken, token_type: 'Bearer', expires_in: 3600 });
      });
      return;
    }
    json(404, { error: 'not_found' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as net.AddressInfo).port}`;
  return {
    url,
    authorizations,
    tokenRequests,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

it('signs in in production with OpenID Connect, authorization code with PKCE, and sends the token as a bearer', async () => {
  const token = await graph.tokenFor(westSussex);
  const provider = await startStandInProvider(token);
  const production = await startPortalServer({
    host: '127.0.0.1',
    port: oidcPortalPort,
    gatewayUrl: graph.gatewayUrl,
    auth: { kind: 'oidc', authority: provider.url, clientId: 'safeguarding-portal', scope: 'openid profile' },
  });
  try {
    const page = await closedNetworkPage();
    const bearers: string[] = [];
    page.on('request', (request) => {
      if (request.url() === graph.gatewayUrl) bearers.push(request.headers()['authorization'] ?? '');
    });
    await page.goto(production.url);
    // No demo identities in production: the provider's sign-in only.
    expect(await page.getByLabel('Demo identity').count()).toBe(0);
    await page.getByRole('button', { name: 'Sign in with your organisation' }).click();
    await page.getByText('Signed in as West Sussex business manager (signed in at the provider)').waitFor();
    await page.getByRole('heading', { level: 1, name: /overview/ }).waitFor();
    await page.waitForFunction("document.querySelectorAll('[role=status]').length === 0");

    const [authorization] = provider.authorizations;
    expect(provider.authorizations).toHaveLength(1);
    expect(authorization?.get('response_type')).toBe('code');
    expect(authorization?.get('client_id')).toBe('safeguarding-portal');
    expect(authorization?.get('redirect_uri')).toBe(production.url);
    expect(authorization?.get('code_challenge_method')).toBe('S256');
    expect(authorization?.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // The code was exchanged once, with the verifier of that challenge (the provider checked it).
    expect(provider.tokenRequests).toHaveLength(1);
    expect(provider.tokenRequests[0]?.get('grant_type')).toBe('authorization_code');
    expect(provider.tokenRequests[0]?.get('code')).toBe('code-for-the-business-manager');
    // The code is gone from the address bar once exchanged.
    expect(new URL(page.url()).searchParams.has('code')).toBe(false);

    expect(bearers.length).toBeGreaterThan(0);
    expect(new Set(bearers)).toEqual(new Set([`Bearer ${token}`]));
    const own = (
      await graph.query<{ viewer: { partnerships: Array<{ name: string }> } }>(
        '{ viewer { partnerships { name } } }',
        {},
        { as: westSussex },
      )
    ).data?.viewer.partnerships[0];
    expect(await page.locator('main h1').innerText()).toBe(`${own?.name ?? ''}: overview`);
    await page.context().close();
  } finally {
    await production.stop();
    await provider.stop();
  }
}, 120_000);

it('asked for nothing beyond this machine (no CDN, no font, no telemetry)', () => {
  expect(outside).toEqual([]);
});
