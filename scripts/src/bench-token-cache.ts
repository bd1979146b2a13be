import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import { createAuthenticator } from '@safeguarding/gateway';
import {
  createAuthenticator as createVerifyingAuthenticator,
  demoIdentities,
  mintDevelopmentToken,
  type Authenticator,
} from '@safeguarding/shared';
import { required } from './bench-support';

/**
 * What remembering verified caller tokens saves at the gateway, in one process (a side-by-side
 * gateway run cannot show it: the saving is far below the difference between two processes):
 * CPU per `authenticate` of a replayed token, verified every time ÷ remembered, interleaved rounds.
 * No target: the figure says what share of a gateway request's CPU the cache can take away.
 */
const rounds = Number(process.env['BENCH_ROUNDS'] ?? 5);
const calls = Number(process.env['BENCH_CALLS'] ?? 20_000);

async function cpuPerCall(authenticator: Authenticator, authorization: string): Promise<number> {
  const before = process.cpuUsage();
  for (let i = 0; i < calls; i++) await authenticator.authenticate(authorization);
  const used = process.cpuUsage(before);
  return (used.user + used.system) / calls;
}

async function main(): Promise<void> {
  const secret = randomBytes(32).toString('base64url');
  const options = { secret, issuer: 'bench', audience: 'bench' };
  const identity = required(demoIdentities['west-sussex-social-worker'], 'demo identity west-sussex-social-worker');
  const authorization = `Bearer ${await mintDevelopmentToken(identity, options)}`;
  const verifying = createVerifyingAuthenticator(options);
  const remembering = createAuthenticator(options);
  // Warm both paths up, so the first round does not measure the compiler.
  await cpuPerCall(verifying, authorization);
  await cpuPerCall(remembering, authorization);
  const out = process.stdout;
  out.write(
    `bench:token-cache — ${rounds} rounds of ${calls} calls, node ${process.version}, load ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}\n${'round'.padEnd(6)}${'verified µs'.padStart(13)}${'remembered µs'.padStart(15)}\n`,
  );
  const verified: number[] = [];
  const remembered: number[] = [];
  for (let round = 1; round <= rounds; round++) {
    const first = round % 2 === 1;
    const v = first ? await cpuPerCall(verifying, authorization) : 0;
    const r = await cpuPerCall(remembering, authorization);
    const v2 = first ? v : await cpuPerCall(verifying, authorization);
    verified.push(v2);
    remembered.push(r);
    out.write(`${String(round).padEnd(6)}${v2.toFixed(1).padStart(13)}${r.toFixed(1).padStart(15)}\n`);
  }
  const median = (values: number[]) => required([...values].sort((a, b) => a - b)[values.length >> 1], 'median');
  out.write(
    `median CPU per replayed token: verified ${median(verified).toFixed(1)} µs, remembered ${median(remembered).toFixed(1)} µs (saving ${(median(verified) - median(remembered)).toFixed(1)} µs a request)\n`,
  );
}

void main().catch((error: unknown) => {
  process.stderr.write(`bench:token-cache: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
