import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { repositoryRoot } from '@safeguarding/shared';
import { dropDatabases, onMysql, testConfig } from './support/graph';

// `npm start` as a user runs it: the built launcher, eight processes, real ports. `npm test` builds first.
const launcher = path.join(repositoryRoot, 'scripts', 'dist', 'start.js');

interface Run {
  readonly exit: Promise<{ code: number | null; stdout: string; stderr: string }>;
  readonly output: () => string;
  readonly signal: (signal: NodeJS.Signals) => void;
}

function run(env: Record<string, string>): Run {
  let stdout = '';
  let stderr = '';
  const child = spawn(process.execPath, [launcher], {
    env: { PATH: process.env['PATH'] ?? '', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exit = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
    child.on('exit', (code) => resolve({ code, stdout, stderr })),
  );
  return { exit, output: () => stdout, signal: (signal) => child.kill(signal) };
}

async function freePorts(count: number): Promise<number[]> {
  const servers = await Promise.all(
    Array.from(
      { length: count },
      () =>
        new Promise<net.Server>((resolve) => {
          const s = net.createServer();
          s.listen(0, '127.0.0.1', () => resolve(s));
        }),
    ),
  );
  const ports = servers.map((s) => (s.address() as net.AddressInfo).port);
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
  return ports;
}

async function portsEnv(): Promise<Record<string, string>> {
  const [gateway, partnerships, agencies, schools, reviews, escalations, notifications, portal] = (
    await freePorts(8)
  ).map(String) as [string, string, string, string, string, string, string, string];
  return {
    PORT: gateway,
    PARTNERSHIPS_PORT: partnerships,
    AGENCIES_PORT: agencies,
    SCHOOLS_PORT: schools,
    REVIEWS_PORT: reviews,
    ESCALATIONS_PORT: escalations,
    NOTIFICATIONS_PORT: notifications,
    PORTAL_PORT: portal,
  };
}

function expectOneClearLine(stderr: string, text: string): void {
  const lines = stderr.split('\n').filter((line) => line.trim() !== '');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toContain(text);
  expect(stderr).not.toMatch(/^\s+at /m);
}

beforeAll(() => {
  if (!fs.existsSync(launcher)) throw new Error(`${launcher} is missing: run \`npm run build\` first (npm test does)`);
});

describe('npm start refuses to start, with one clear line and exit 1', () => {
  it('on a bad DATABASE_URL', async () => {
    const result = await run({ ...(await portsEnv()), DATABASE_URL: 'postgres://somewhere/db' }).exit;
    expect(result.code).toBe(1);
    expectOneClearLine(result.stderr, 'DATABASE_URL: must be a URL of the form mysql://');
  });

  it('on a port in use', async () => {
    const env = await portsEnv();
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(Number(env['SCHOOLS_PORT']), '127.0.0.1', resolve));
    try {
      const result = await run(env).exit;
      expect(result.code).toBe(1);
      expectOneClearLine(
        result.stderr,
        `port ${env['SCHOOLS_PORT']} on 127.0.0.1 is already in use (set SCHOOLS_PORT)`,
      );
    } finally {
      blocker.close();
    }
  });

  it('on an unreachable database', async () => {
    const [closed] = await freePorts(1);
    const result = await run({ ...(await portsEnv()), DATABASE_URL: `mysql://root@127.0.0.1:${closed}` }).exit;
    expect(result.code).toBe(1);
    expectOneClearLine(result.stderr, `cannot reach MySQL 127.0.0.1:${closed}/`);
  });
});

describe('npm start', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'safeguarding-start-'));
  const config = testConfig();
  const databaseEnv: Record<string, string> = onMysql
    ? { DATABASE_URL: process.env['DATABASE_URL']!, DATABASE_NAME_PREFIX: config.DATABASE_NAME_PREFIX }
    : { DATA_DIR: dataDir };
  afterAll(async () => {
    fs.rmSync(dataDir, { recursive: true, force: true });
    if (onMysql) await dropDatabases(config);
  });

  async function startAndCount(): Promise<{ partnerships: number; agencies: number; schools: number }> {
    const env = await portsEnv();
    // Beside another graph starting in the suite, a loaded machine can take minutes to load six databases.
    const launched = run({ ...env, ...databaseEnv, STARTUP_TIMEOUT_SECONDS: '420' });
    const deadline = Date.now() + 450_000;
    while (!launched.output().includes('The safeguarding graph is up') && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(launched.output()).toContain(`The safeguarding graph is up: http://127.0.0.1:${env['PORT']}/graphql`);
    expect(launched.output()).toContain('curl -s');
    // The portal is served beside the gateway, at the address printed with it, and talks to that gateway.
    const portalUrl = `http://127.0.0.1:${env['PORTAL_PORT'] ?? ''}/`;
    expect(launched.output()).toContain(`The partnership portal:       ${portalUrl}`);
    const portalPage = await fetch(portalUrl);
    expect(portalPage.status).toBe(200);
    expect(await portalPage.text()).toContain('<div id="root"></div>');
    const portalConfig = (await (await fetch(`${portalUrl}config.json`)).json()) as {
      gatewayUrl: string;
      auth: { kind: string; identities?: Array<{ name: string }> };
    };
    expect(portalConfig.gatewayUrl).toBe(`http://127.0.0.1:${env['PORT'] ?? ''}/graphql`);
    expect(portalConfig.auth.kind).toBe('development');
    expect(portalConfig.auth.identities?.map((identity) => identity.name)).toContain('west-sussex-business-manager');
    // The example the banner prints must work as printed.
    const example = /-d '(\{"query":.*\})'\s*$/m.exec(launched.output());
    expect(example).not.toBeNull();
    const tried = await fetch(`http://127.0.0.1:${env['PORT']}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: example![1]!,
    });
    const triedBody = (await tried.json()) as { errors?: unknown; data?: { partnerships?: { nodes: unknown[] } } };
    expect(triedBody.errors).toBeUndefined();
    expect(triedBody.data?.partnerships?.nodes).toHaveLength(3);
    const response = await fetch(`http://127.0.0.1:${env['PORT']}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query:
          '{ partnerships(first: 5) { nodes { id schools(first: 20) { nodes { urn } } relevantAgencies(first: 1) { nodes { id } } } } agencies { totalCount } }',
      }),
    });
    const body = (await response.json()) as {
      data: { partnerships: { nodes: Array<{ schools: { nodes: unknown[] } }> }; agencies: { totalCount: number } };
    };
    launched.signal('SIGINT');
    const result = await launched.exit;
    expect(result.code).toBe(0);
    // Every child is gone: the ports are free again.
    await expect(freePortsAre(env)).resolves.toBe(true);
    return {
      partnerships: body.data.partnerships.nodes.length,
      agencies: body.data.agencies.totalCount,
      schools: body.data.partnerships.nodes.reduce((n, p) => n + p.schools.nodes.length, 0),
    };
  }

  it('serves the demo data through the gateway, stops cleanly on Ctrl-C, and never loads the demo twice', async () => {
    const first = await startAndCount();
    // 153 live LAs + 42 ICBs + 39 English forces from data/reference, the 8 abolished authorities whose
    // codes no live LA carries on (kept, CLOSED, so records naming them still resolve), and 4 demo agencies.
    expect(first).toEqual({ partnerships: 3, agencies: 153 + 42 + 39 + 8 + 4, schools: 6 });
    expect(await startAndCount()).toEqual(first);
  }, 1_000_000);
});

async function freePortsAre(env: Record<string, string>): Promise<boolean> {
  for (const port of Object.values(env).map(Number)) {
    const free = await new Promise<boolean>((resolve) => {
      const probe = net.createServer();
      probe.once('error', () => resolve(false));
      probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
    });
    if (!free) return false;
  }
  return true;
}
