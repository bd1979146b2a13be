import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { repositoryRoot } from '@safeguarding/shared';
import { dropDatabases, onMysql, testConfig } from './support/graph';

// Every process exits within 2 s of SIGTERM on both databases, and a request already in flight
// when the signal arrives is answered, not cut off.
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shutdown-'));
const config = testConfig({ DATA_DIR: dataDir });
const databaseEnv: Record<string, string> = onMysql
  ? { DATABASE_URL: process.env['DATABASE_URL']!, DATABASE_NAME_PREFIX: config.DATABASE_NAME_PREFIX }
  : { DATA_DIR: dataDir };
afterAll(async () => {
  await dropDatabases(config);
  fs.rmSync(dataDir, { recursive: true, force: true });
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

function launch(
  entry: string,
  env: Record<string, string>,
): { child: ChildProcess; output: () => string; exited: Promise<{ code: number | null; at: number }> } {
  let output = '';
  const child = spawn(process.execPath, [path.join(repositoryRoot, entry)], {
    env: { PATH: process.env['PATH'] ?? '', LOG_LEVEL: 'warn', HOST: '127.0.0.1', ...databaseEnv, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<{ code: number | null; at: number }>((resolve) =>
    child.on('exit', (code) => resolve({ code, at: Date.now() })),
  );
  return { child, output: () => output, exited };
}

async function waitFor(url: string, deadlineMs: number): Promise<void> {
  const deadline = Date.now() + deadlineMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url, { signal: AbortSignal.timeout(1000) })).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${url} was not ready`);
}

/**
 * A GraphQL request whose body is still arriving: the server has begun it, and it is only finished
 * (the rest of the body sent) after the signal. Resolves with the status and body the server gave.
 */
function requestInFlight(port: number): { finish: () => void; answer: Promise<{ status: number; body: string }> } {
  const body = JSON.stringify({ query: '{ localAuthority(gssCode: "E10000032") { gssCode } }' });
  const half = Math.floor(body.length / 2);
  const request = http.request({
    host: '127.0.0.1',
    port,
    path: '/graphql',
    method: 'POST',
    headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
  });
  const answer = new Promise<{ status: number; body: string }>((resolve, reject) => {
    request.on('response', (response) => {
      let text = '';
      response.on('data', (chunk: Buffer) => (text += chunk.toString()));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: text }));
    });
    request.on('error', reject);
  });
  request.write(body.slice(0, half));
  return { finish: () => request.end(body.slice(half)), answer };
}

it('a subgraph answers the request in flight and exits within 2 s of SIGTERM', async () => {
  const [port] = await freePorts(1);
  const subgraph = launch('subgraphs/partnerships/dist/main.js', {
    PORT: String(port),
    INTERNAL_TOKEN_SECRET: randomBytes(32).toString('base64url'),
  });
  await waitFor(`http://127.0.0.1:${port}/ready`, 60_000);
  const inFlight = requestInFlight(port!);
  await new Promise((resolve) => setTimeout(resolve, 200));
  const signalledAt = Date.now();
  subgraph.child.kill('SIGTERM');
  await new Promise((resolve) => setTimeout(resolve, 300));
  inFlight.finish();
  const answer = await inFlight.answer;
  expect(answer.status).toBe(200);
  expect(answer.body).toContain('E10000032');
  const exit = await subgraph.exited;
  expect(exit.code).toBe(0);
  expect(exit.at - signalledAt).toBeLessThan(2000);
}, 90_000);

it('npm start stops all eight processes by themselves on SIGTERM, answering the request in flight', async () => {
  const [gateway, partnerships, agencies, schools, reviews, escalations, notifications, portal] = await freePorts(8);
  const launcher = launch('scripts/dist/start.js', {
    PORT: String(gateway),
    PARTNERSHIPS_PORT: String(partnerships),
    AGENCIES_PORT: String(agencies),
    SCHOOLS_PORT: String(schools),
    REVIEWS_PORT: String(reviews),
    ESCALATIONS_PORT: String(escalations),
    NOTIFICATIONS_PORT: String(notifications),
    PORTAL_PORT: String(portal),
  });
  const deadline = Date.now() + 120_000;
  while (!launcher.output().includes('The safeguarding graph is up') && Date.now() < deadline)
    await new Promise((resolve) => setTimeout(resolve, 250));
  expect(launcher.output()).toContain('The safeguarding graph is up');
  const inFlight = requestInFlight(gateway!);
  await new Promise((resolve) => setTimeout(resolve, 200));
  const signalledAt = Date.now();
  launcher.child.kill('SIGTERM');
  await new Promise((resolve) => setTimeout(resolve, 300));
  inFlight.finish();
  const answer = await inFlight.answer;
  expect(answer.status).toBe(200);
  expect(answer.body).toContain('E10000032');
  const exit = await launcher.exited;
  expect(exit.code).toBe(0);
  // Every child stopped by itself: none needed the launcher's SIGKILL, which it sends (and says) 3 s
  // after its SIGTERM. The edge stops before the subgraphs, so two such bounds in all; how much of
  // them a stop uses depends on the machine's load, which a wall-clock figure here would measure.
  expect(launcher.output()).not.toContain('did not stop within');
  expect(exit.at - signalledAt).toBeLessThan(6000);
}, 180_000);
