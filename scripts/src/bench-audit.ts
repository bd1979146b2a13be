import { spawn, type ChildProcess } from 'node:child_process';
import { generateKeyPairSync, randomBytes, randomUUID } from 'node:crypto';
import net from 'node:net';
import path from 'node:path';
import autocannon from 'autocannon';
import mysql from 'mysql2/promise';
import { subgraphs } from '@safeguarding/gateway';
import {
  connectDatabase,
  createLogger,
  demoIdentities,
  mintDevelopmentToken,
  nameBasedId,
  repositoryRoot,
  resolveDatabaseTarget,
  StatementCounter,
  subgraphEntities,
  subgraphNames,
  useAuditChainKeys,
  verifyAuditChain,
} from '@safeguarding/shared';
import { required } from './bench-support';

/**
 * `npm run bench:audit`: the throughput of an audited read against the same read unaudited, through
 * the gateway and the escalations subgraph as `npm start` runs them (separate processes, MySQL), at
 * 50 connections, in interleaved rounds. The audited read is a practitioner's look at a disagreement
 * it is party to (one row, one audit record appended); the unaudited one is the same query, resolver
 * and statement for an id that is not there (no row, so nothing to record). Prints min / median / max
 * of audited ÷ unaudited and exits 1 when the median is below the target (issue 19: 0.85).
 */
const target = 0.85;
const rounds = Number(process.env['BENCH_ROUNDS'] ?? 6);
const seconds = Number(process.env['BENCH_SECONDS'] ?? 10);
const connections = Number(process.env['BENCH_CONNECTIONS'] ?? 50);
const databaseUrl = process.env['DATABASE_URL'] ?? 'mysql://root@127.0.0.1:3306';
const prefix = 'bench_audit_';
// Keys of the bench's own, so that the chain written under load can be verified afterwards.
const auditHmacKey = randomBytes(32).toString('base64url');
const auditSigningKey = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();

/** The escalations chain checked from its first record with the keys it was written under. */
async function verifyChain(): Promise<{ intact: boolean; checked: number }> {
  const definition = required(
    subgraphs.find((candidate) => candidate.name === 'escalations'),
    'subgraphs.find((candidate) => candidate.name === escalations)',
  );
  const db = await connectDatabase(
    resolveDatabaseTarget('escalations', { DATABASE_URL: databaseUrl, DATABASE_NAME_PREFIX: prefix, DATA_DIR: '' }),
    {
      entities: subgraphEntities(definition),
      migrations: definition.migrations,
      logger: createLogger('bench:audit', 'warn'),
      statements: new StatementCounter(),
    },
  );
  try {
    useAuditChainKeys(db, auditHmacKey, auditSigningKey);
    return await verifyAuditChain(db.manager, {
      fromStart: true,
      checkpointEvery: Number.POSITIVE_INFINITY,
      now: new Date(),
    });
  } finally {
    await db.destroy();
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function dropDatabases(): Promise<void> {
  const url = new URL(databaseUrl);
  const admin = await mysql.createConnection({
    host: url.hostname,
    port: Number(url.port || 3306),
    user: decodeURIComponent(url.username || 'root'),
    password: decodeURIComponent(url.password),
  });
  try {
    for (const name of subgraphNames) await admin.query(`DROP DATABASE IF EXISTS \`${prefix}${name}\``);
  } finally {
    await admin.end();
  }
}

async function auditCount(): Promise<number> {
  const url = new URL(databaseUrl);
  const connection = await mysql.createConnection({
    host: url.hostname,
    port: Number(url.port || 3306),
    user: decodeURIComponent(url.username || 'root'),
    password: decodeURIComponent(url.password),
    database: `${prefix}escalations`,
  });
  try {
    const [rows] = await connection.query('SELECT COUNT(*) AS n FROM audit_records');
    const [count] = rows as Array<{ n: number | string }>;
    return Number(required(count, 'a count of audit records').n);
  } finally {
    await connection.end();
  }
}

async function launch(): Promise<{ url: string; child: ChildProcess }> {
  const ports = await Promise.all(Array.from({ length: 7 }, freePort));
  const [gateway, partnerships, agencies, schools, reviews, escalations, portal] = ports.map(String);
  const child = spawn(process.execPath, [path.join(repositoryRoot, 'scripts', 'dist', 'start.js')], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      DATABASE_NAME_PREFIX: prefix,
      LOG_LEVEL: 'warn',
      // The load comes from one address; the gateway's per-client limit would measure itself.
      RATE_LIMIT_PER_MINUTE: '0',
      AUDIT_HMAC_KEY: auditHmacKey,
      AUDIT_SIGNING_KEY: auditSigningKey,
      PORT: gateway,
      PARTNERSHIPS_PORT: partnerships,
      AGENCIES_PORT: agencies,
      SCHOOLS_PORT: schools,
      REVIEWS_PORT: reviews,
      ESCALATIONS_PORT: escalations,
      PORTAL_PORT: portal,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
    detached: true,
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const deadline = Date.now() + 300_000;
  while (!output.includes('The safeguarding graph is up')) {
    if (child.exitCode !== null) throw new Error(`npm start exited with ${child.exitCode}`);
    if (Date.now() > deadline) throw new Error('the graph did not come up within 5 minutes');
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return { url: `http://127.0.0.1:${gateway}/graphql`, child };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? required(sorted[middle], 'a measurement')
    : (required(sorted[middle - 1], 'a measurement') + required(sorted[middle], 'a measurement')) / 2;
};

async function main(): Promise<void> {
  await dropDatabases();
  const { url, child } = await launch();
  const stop = () => {
    if (child.pid && child.exitCode === null) process.kill(-child.pid, 'SIGTERM');
  };
  process.on('SIGINT', () => {
    stop();
    process.exit(130);
  });
  try {
    const token = await mintDevelopmentToken(
      required(demoIdentities['sussex-health-visitor'], 'demo identity sussex-health-visitor'),
      { expiresIn: 3600 },
    );
    const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
    const query = 'query Case($id: ID!) { professionalDisagreement(id: $id) { id } }';
    const audited = JSON.stringify({ query, variables: { id: nameBasedId('demo:disagreement:0001') } });
    const unaudited = JSON.stringify({ query, variables: { id: randomUUID() } });
    // Both answer as expected before anything is timed.
    for (const [body, expectData] of [
      [audited, true],
      [unaudited, false],
    ] as const) {
      const answer = (await (await fetch(url, { method: 'POST', headers, body })).json()) as {
        data?: { professionalDisagreement: unknown };
        errors?: unknown;
      };
      if (answer.errors || Boolean(answer.data?.professionalDisagreement) !== expectData)
        throw new Error(`unexpected answer: ${JSON.stringify(answer)}`);
    }
    const run = async (body: string) => {
      // A generous timeout: on a loaded machine a request can queue for seconds; it still counts.
      const result = await autocannon({
        url,
        connections,
        duration: seconds,
        timeout: 60,
        method: 'POST',
        headers,
        body,
      });
      if (result.non2xx > 0 || result.errors > 0)
        throw new Error(`${result.non2xx} non-2xx answers, ${result.errors} errors (${result.timeouts} timeouts)`);
      return result;
    };
    // Warm both paths (JIT, pools, MySQL's buffer pool) before the rounds that count.
    await run(audited);
    await run(unaudited);
    const ratios: number[] = [];
    let auditedRequests = 0;
    const recordsBefore = await auditCount();
    process.stdout.write(
      `bench:audit  ${connections} connections, ${rounds} rounds of ${seconds} s each way, MySQL (${new URL(databaseUrl).host})\n`,
    );
    process.stdout.write('round  audited req/s  unaudited req/s  ratio\n');
    for (let round = 1; round <= rounds; round += 1) {
      // Alternate which goes first, so a drift in the machine's load falls on both sides.
      const order = round % 2 ? (['audited', 'unaudited'] as const) : (['unaudited', 'audited'] as const);
      const rate: Record<string, number> = {};
      for (const which of order) {
        const result = await run(which === 'audited' ? audited : unaudited);
        rate[which] = result.requests.total / seconds;
        if (which === 'audited') auditedRequests += result.requests.total;
      }
      const ratio = required(rate['audited'], 'rate[audited]') / required(rate['unaudited'], 'rate[unaudited]');
      ratios.push(ratio);
      process.stdout.write(
        `${String(round).padStart(5)}  ${required(rate['audited'], 'rate[audited]').toFixed(0).padStart(13)}  ${required(rate['unaudited'], 'rate[unaudited]').toFixed(0).padStart(15)}  ${ratio.toFixed(3)}\n`,
      );
    }
    // Every audited answer left its record: the speed is not bought by dropping any.
    const recorded = (await auditCount()) - recordsBefore;
    const summary = { min: Math.min(...ratios), median: median(ratios), max: Math.max(...ratios) };
    process.stdout.write(
      `audited / unaudited: min ${summary.min.toFixed(3)}  median ${summary.median.toFixed(3)}  max ${summary.max.toFixed(3)}  (target: median >= ${target})\n`,
    );
    process.stdout.write(`audit records appended: ${recorded} for ${auditedRequests} audited requests\n`);
    const chain = await verifyChain();
    process.stdout.write(
      `chain after the run: ${chain.intact ? 'intact' : 'BROKEN'} (${chain.checked} records checked with the key)\n`,
    );
    if (!chain.intact) {
      process.stderr.write('bench:audit: FAILED: the audit chain written under load does not verify\n');
      process.exitCode = 1;
    } else if (recorded < auditedRequests) {
      process.stderr.write('bench:audit: FAILED: fewer audit records than audited answers\n');
      process.exitCode = 1;
    } else if (summary.median < target) {
      process.stderr.write(`bench:audit: FAILED: median ratio ${summary.median.toFixed(3)} is below ${target}\n`);
      process.exitCode = 1;
    }
  } finally {
    stop();
    await new Promise((resolve) => setTimeout(resolve, 2500));
    await dropDatabases();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:audit: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
