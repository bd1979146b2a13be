import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { repositoryRoot } from '@safeguarding/shared';
import { dropDatabases, onMysql, testConfig } from './support/graph';

// What a new user does: clone, install from the lock file, start. The clone sits in an empty
// folder, so nothing beside the repository (no ../shared) can be read; everything the graph needs
// must be committed. It clones what is committed (HEAD), as a user would.
const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'fresh-clone-'));
const clone = path.join(workspace, 'safeguarding-graph');
const config = testConfig();
afterAll(async () => {
  if (onMysql) await dropDatabases(config);
  fs.rmSync(workspace, { recursive: true, force: true });
});

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

it('installs with npm ci and starts with npm start in a clone with nothing beside it', async () => {
  execFileSync('git', ['clone', '--quiet', '--no-hardlinks', repositoryRoot, clone], { stdio: 'pipe' });
  expect(fs.readdirSync(workspace)).toEqual(['safeguarding-graph']);
  execFileSync('npm', ['ci', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'], {
    cwd: clone,
    stdio: 'pipe',
    env: process.env,
  });

  const [gateway, partnerships, agencies, schools, reviews, escalations, notifications, portal] = (
    await freePorts(8)
  ).map(String);
  const env: NodeJS.ProcessEnv = {
    PATH: process.env['PATH'] ?? '',
    HOME: process.env['HOME'] ?? os.homedir(),
    LOG_LEVEL: 'warn',
    PORT: gateway,
    PARTNERSHIPS_PORT: partnerships,
    AGENCIES_PORT: agencies,
    SCHOOLS_PORT: schools,
    REVIEWS_PORT: reviews,
    ESCALATIONS_PORT: escalations,
    NOTIFICATIONS_PORT: notifications,
    PORTAL_PORT: portal,
    // Beside another graph starting in the suite, a loaded machine can take minutes to load six databases.
    STARTUP_TIMEOUT_SECONDS: '420',
    ...(onMysql
      ? { DATABASE_URL: process.env['DATABASE_URL'], DATABASE_NAME_PREFIX: config.DATABASE_NAME_PREFIX }
      : {}),
  };
  let output = '';
  const started = spawn('npm', ['start'], { cwd: clone, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  started.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  started.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    started.on('exit', (code, signal) => resolve({ code, signal })),
  );
  try {
    const deadline = Date.now() + 450_000;
    while (!output.includes('The safeguarding graph is up') && Date.now() < deadline && started.exitCode === null) {
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    expect(output).toContain(`The safeguarding graph is up: http://127.0.0.1:${gateway}/graphql`);
    // The banner's example, as printed, answers with the demo data.
    const example = /-d '(\{"query":.*\})'\s*$/m.exec(output);
    expect(example).not.toBeNull();
    const response = await fetch(`http://127.0.0.1:${gateway}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: example![1]!,
    });
    const body = (await response.json()) as { errors?: unknown; data?: { partnerships?: { nodes: unknown[] } } };
    expect(body.errors).toBeUndefined();
    expect(body.data?.partnerships?.nodes).toHaveLength(3);
  } finally {
    // npm start runs the launcher as a child of npm: the whole process group gets the Ctrl-C.
    if (started.pid !== undefined && started.exitCode === null) process.kill(-started.pid, 'SIGINT');
  }
  // npm itself dies of the Ctrl-C; the launcher under it stops every child cleanly: the ports are free.
  const exit = await exited;
  expect(exit.code === 0 || exit.signal === 'SIGINT').toBe(true);
  await new Promise((resolve) => setTimeout(resolve, 3000));
  for (const port of [gateway, partnerships, agencies, schools, reviews, escalations, notifications]) {
    const free = await new Promise<boolean>((resolve) => {
      const probe = net.createServer();
      probe.once('error', () => resolve(false));
      probe.listen(Number(port), '127.0.0.1', () => probe.close(() => resolve(true)));
    });
    expect(free).toBe(true);
  }
}, 1_200_000);
