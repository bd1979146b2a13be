import { spawn } from 'node:child_process';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { repositoryRoot, subgraphNames, type SubgraphName } from '@safeguarding/shared';

/**
 * Issue 12 item 4: in production the audit chain's keys are never made up at start. Without them a
 * subgraph would key its chain with a random key that dies with the process (nothing could be
 * verified after a restart), so it stops with one line naming the setting, before opening any database.
 */
const hmacKey = randomBytes(32).toString('base64url');
const signingKey = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'audit-keys-'));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

function start(name: SubgraphName, env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  const main = path.join(repositoryRoot, 'subgraphs', name, 'dist', 'main.js');
  if (!fs.existsSync(main)) throw new Error(`${main} is missing: run \`npm run build\` first (npm test does)`);
  // Only what is given: no key inherited from the shell running the tests.
  const child = spawn(process.execPath, [main], {
    env: {
      PATH: process.env['PATH'] ?? '',
      NODE_ENV: 'production',
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      ...env,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
  return new Promise((resolve) =>
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stderr });
    }),
  );
}

function expectOneLine(stderr: string, line: string): void {
  const lines = stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toBe(line);
}

describe('a production subgraph', () => {
  it.each(subgraphNames)('%s refuses to start without AUDIT_HMAC_KEY, naming it', async (name) => {
    const result = await start(name, { AUDIT_SIGNING_KEY: signingKey });
    expect(result.code).toBe(1);
    expectOneLine(
      result.stderr,
      `${name}: AUDIT_HMAC_KEY: required in production (32+ random characters, kept outside the database)`,
    );
  });

  it.each(subgraphNames)('%s refuses to start without AUDIT_SIGNING_KEY, naming it', async (name) => {
    const result = await start(name, { AUDIT_HMAC_KEY: hmacKey });
    expect(result.code).toBe(1);
    expectOneLine(
      result.stderr,
      `${name}: AUDIT_SIGNING_KEY: required in production (an Ed25519 private key, PKCS#8 PEM, kept outside the database)`,
    );
  });

  it.each(subgraphNames)('%s refuses to start without CHILD_KEY_SECRET, naming it', async (name) => {
    // The internal token secret is no stand-in in production: rotating it would re-key every child.
    const result = await start(name, {
      AUDIT_HMAC_KEY: hmacKey,
      AUDIT_SIGNING_KEY: signingKey,
      INTERNAL_TOKEN_SECRET: randomBytes(32).toString('base64url'),
    });
    expect(result.code).toBe(1);
    expectOneLine(
      result.stderr,
      `${name}: CHILD_KEY_SECRET: required in production (32+ random characters, the same in every subgraph, sealing children's keys)`,
    );
  });

  it('refuses a key too short to be one, naming it', async () => {
    const result = await start('escalations', { AUDIT_HMAC_KEY: 'short', AUDIT_SIGNING_KEY: signingKey });
    expect(result.code).toBe(1);
    expectOneLine(result.stderr, 'escalations: configuration error: AUDIT_HMAC_KEY: must be at least 32 characters');
  });

  it('writes no database before refusing', () => {
    expect(fs.readdirSync(dataDir)).toEqual([]);
  });
});
