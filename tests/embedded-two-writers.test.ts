import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { demoIdentities, internalIdentityHeader, repositoryRoot, signInternalToken } from '@safeguarding/shared';

// Two processes writing one embedded database file, as a second replica or an import command
// beside the API would: every write must succeed (BEGIN IMMEDIATE, the busy timeout, retries),
// none may surface as INTERNAL_SERVER_ERROR. The file is always SQLite, whichever pass this is.
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'two-writers-'));
const secret = randomBytes(32).toString('base64url');
const children: ChildProcess[] = [];
let output = '';

function startEscalations(): Promise<string> {
  const env: NodeJS.ProcessEnv = {
    PATH: process.env['PATH'] ?? '',
    NODE_ENV: 'development',
    LOG_LEVEL: 'info',
    HOST: '127.0.0.1',
    PORT: '0',
    DATA_DIR: dataDir,
    INTERNAL_TOKEN_SECRET: secret,
  };
  const child = spawn(process.execPath, [path.join(repositoryRoot, 'subgraphs', 'escalations', 'dist', 'main.js')], {
    env,
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    let buffered = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      buffered += chunk.toString();
      const ready = /"url":"(http:\/\/[^"]+)".*subgraph ready/.exec(buffered);
      if (ready?.[1]) resolve(ready[1]);
    });
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`escalations exited with ${String(code)}: ${output.slice(-500)}`)));
  });
}

afterAll(async () => {
  await Promise.all(
    children.map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null) return resolve();
          child.once('exit', () => resolve());
          child.kill('SIGTERM');
        }),
    ),
  );
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const submit = `mutation Submit($input: SubmitReferralInput!) { submitReferral(input: $input) { id status } }`;

async function referralsFrom(
  url: string,
  prefix: string,
  count: number,
  concurrency: number,
): Promise<Array<{ errors?: unknown; data?: unknown }>> {
  const results: Array<{ errors?: unknown; data?: unknown }> = [];
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const n = next++;
      const body = {
        query: submit,
        variables: {
          input: {
            idempotencyKey: `${prefix}-key-${String(n).padStart(4, '0')}`,
            childReference: `CHILD-${prefix}-${String(n).padStart(4, '0')}`,
            nhsNumber: null,
            homeLocalAuthorityGssCode: 'E10000032',
            concernCategories: ['NEGLECT'],
            significantHarm: false,
            earlyHelpIndicators: [],
            lawfulBasis: 'PUBLIC_TASK',
            consent: 'OBTAINED',
            practitionerName: null,
            practitionerRole: null,
          },
        },
      };
      const token = await signInternalToken(
        {
          identity: demoIdentities['sussex-health-visitor']!,
          operationName: 'Submit',
          requestId: null,
          operation: body,
        },
        secret,
      );
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [internalIdentityHeader]: token },
        body: JSON.stringify(body),
      });
      results.push((await response.json()) as { errors?: unknown; data?: unknown });
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return results;
}

it('loses no write when two processes write the same embedded database at once', async () => {
  // Started together: their migrations race for the same file too.
  const [first, second] = await Promise.all([startEscalations(), startEscalations()]);
  const [a, b] = await Promise.all([referralsFrom(first, 'A', 80, 8), referralsFrom(second, 'B', 80, 8)]);
  const failed = [...a, ...b].filter((result) => result.errors);
  expect(failed).toEqual([]);
  const file = new Database(path.join(dataDir, 'escalations.sqlite'), { readonly: true });
  try {
    expect((file.prepare('SELECT COUNT(*) AS n FROM referrals').get() as { n: number }).n).toBe(160);
  } finally {
    file.close();
  }
  expect(output).not.toContain('unexpected error');
  expect(output).not.toContain('database is locked');
}, 120_000);
