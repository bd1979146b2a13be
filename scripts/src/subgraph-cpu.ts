import 'reflect-metadata';
import { execFileSync, fork, type ChildProcess } from 'node:child_process';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import mysql from 'mysql2/promise';
import type { SubgraphConfig, SubgraphDefinition } from '@safeguarding/shared';
import { createAuthenticator, readSupergraph, startGateway } from '@safeguarding/gateway';
import { createLogger, defaultHardening, type RunningHttpService } from '@safeguarding/shared';
import { createRequire } from 'node:module';
import { Kind, parse, print, visit } from 'graphql';
import { required, tellParent } from './bench-support';

/**
 * Subgraphs' CPU per dashboard request, this tree against the commit before issue 19's work, side by
 * side (issue 19's first target: ≤ 0.4×). The base commit is checked out in a temporary `git
 * worktree` (its dependencies linked from this tree's, its own packages its own) and built; each
 * tree's six subgraphs run in a process of their own on MySQL, behind one gateway each (this tree's,
 * so only the subgraphs differ), and each round loads both in turn and reads each process's CPU time.
 * `npm run bench:subgraph-cpu` runs it alone; bench:dashboard runs it after its own rounds.
 */
export const baseCommit = '5a8b668';
export const cpuTarget = 0.4;

export const dashboardQuery =
  '{ partnerships(first: 5) { nodes { name partners { kind organisation { name } } relevantAgencies(first: 5) { nodes { name } } schools(first: 5) { nodes { name localAuthority { name } } } practiceReviews(first: 5) { nodes { title publicationDeadline { due rule status } } } escalationPolicy { stages { position name timescaleWorkingDays } } } pageInfo { endCursor hasNextPage } } }';

/**
 * The dashboard query as connection `connection` sends it: its fields aliased with the
 * connection's number. The gateway collapses identical in-flight anonymous subgraph fetches into
 * one (Hive's deduplication), so with one document for every connection most client requests cost
 * the subgraphs nothing (0.8 SQL statements per request instead of 8) and a faster subgraph, which
 * overlaps less, would collapse fewer and look slower. One document per connection: a connection's
 * own requests are sequential, so no two fetches in flight are identical, and each subgraph still
 * sees a handful of documents, as it does from the gateway's few operations.
 */
export function dashboardQueryFor(connection: number): string {
  return print(
    visit(parse(dashboardQuery), {
      // The leaves only (every subgraph fetch selects some), within the gateway's alias limit.
      Field: (node) =>
        node.selectionSet
          ? undefined
          : { ...node, alias: { kind: Kind.NAME, value: `${node.alias?.value ?? node.name.value}_c${connection}` } },
    }),
  );
}

const root = path.resolve(__dirname, '../..');

/** The base commit checked out and built beside this tree; removed by `remove`. */
export function checkoutBase(): { tree: string; remove: () => void } {
  const tree = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-base-'));
  fs.rmSync(tree, { recursive: true });
  execFileSync('git', ['worktree', 'add', '--detach', tree, baseCommit], { cwd: root, stdio: 'ignore' });
  const remove = () => {
    execFileSync('git', ['worktree', 'remove', '--force', tree], { cwd: root, stdio: 'ignore' });
  };
  try {
    // The same third-party packages, linked; the workspace packages are the base's own.
    const modules = path.join(tree, 'node_modules');
    fs.mkdirSync(path.join(modules, '@safeguarding'), { recursive: true });
    for (const entry of fs.readdirSync(path.join(root, 'node_modules'))) {
      if (entry !== '@safeguarding') fs.symlinkSync(path.join(root, 'node_modules', entry), path.join(modules, entry));
    }
    for (const entry of fs.readdirSync(path.join(root, 'node_modules', '@safeguarding'))) {
      fs.symlinkSync(
        fs.readlinkSync(path.join(root, 'node_modules', '@safeguarding', entry)),
        path.join(modules, '@safeguarding', entry),
      );
    }
    for (const workspace of ['shared', 'gateway', 'subgraphs/notifications']) {
      const own = path.join(root, workspace, 'node_modules');
      if (fs.existsSync(own) && !fs.existsSync(path.join(tree, workspace, 'node_modules')))
        fs.symlinkSync(own, path.join(tree, workspace, 'node_modules'));
    }
    execFileSync(process.execPath, [path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-b'], {
      cwd: tree,
      stdio: 'inherit',
    });
  } catch (error) {
    remove();
    throw error;
  }
  return { tree, remove };
}

interface SharedModule {
  parseEnvironment(schema: unknown, env: Record<string, string | undefined>): SubgraphConfig;
  subgraphEnvironment: unknown;
  resolveDatabaseTarget(
    name: string,
    config: SubgraphConfig,
  ): { kind: string; host: string; port: number; user: string; password: string; database: string };
  startSubgraph(
    definition: SubgraphDefinition,
    config: SubgraphConfig,
    options: { logger: unknown },
  ): Promise<{ name: string; url: string; stop(): Promise<void> }>;
  createLogger(name: string, level: string): unknown;
}

/** The child: a tree's six subgraphs, answering `cpu` with its CPU time so far and `stop` by stopping. */
async function serveTree(tree: string, prefix: string, secret: string): Promise<void> {
  // The tree's own packages, so the base serves with the base's code.
  const fromTree = createRequire(__filename);
  const shared = fromTree(path.join(tree, 'shared')) as SharedModule;
  const { subgraphs } = fromTree(path.join(tree, 'gateway')) as { subgraphs: SubgraphDefinition[] };
  const config = shared.parseEnvironment(shared.subgraphEnvironment, {
    ...process.env,
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    PORT: '0',
    DATABASE_NAME_PREFIX: prefix,
    DEMO_DATA: 'true',
    INTERNAL_TOKEN_SECRET: secret,
    AUDIT_HMAC_KEY: randomBytes(32).toString('base64url'),
    AUDIT_SIGNING_KEY: generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  });
  const drop = async () => {
    for (const definition of subgraphs) {
      const target = shared.resolveDatabaseTarget(definition.name, config);
      if (target.kind !== 'mysql') throw new Error('needs MySQL: set DATABASE_URL');
      const connection = await mysql.createConnection({
        host: target.host,
        port: target.port,
        user: target.user,
        password: target.password,
      });
      await connection.query(`DROP DATABASE IF EXISTS \`${target.database}\``);
      await connection.end();
    }
  };
  await drop();
  const logger = shared.createLogger('bench', 'silent');
  const running = await Promise.all(
    subgraphs.map((definition) => shared.startSubgraph(definition, config, { logger })),
  );
  process.on('message', (message: string) => {
    if (message === 'cpu') {
      const used = process.cpuUsage();
      tellParent({ cpuMicros: used.user + used.system });
    } else if (message === 'stop') {
      void Promise.all(running.map((s) => s.stop()))
        .then(drop)
        .finally(() => process.exit(0));
    }
  });
  tellParent({ urls: Object.fromEntries(running.map((s) => [s.name, s.url])) });
}

/** A tree's six subgraphs in their process, behind a gateway of this tree's in this one. */
export interface TreeSide {
  readonly label: string;
  /** The gateway's URL. */
  readonly url: string;
  /** The subgraphs' URLs, and the secret they take the gateway's tokens under. */
  readonly urls: Record<string, string>;
  readonly secret: string;
  cpu(): Promise<number>;
  stop(): Promise<void>;
}
type Side = TreeSide;

async function startSide(label: string, tree: string, prefix: string): Promise<Side> {
  const secret = randomBytes(32).toString('base64url');
  const child: ChildProcess = fork(__filename, ['--serve', tree, prefix, secret], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const next = <T>() =>
    new Promise<T>((resolve, reject) => {
      const onExit = (code: number | null) => reject(new Error(`the ${label} subgraphs exited (${code})`));
      child.once('exit', onExit);
      child.once('message', (message) => {
        child.off('exit', onExit);
        resolve(message as T);
      });
    });
  const { urls } = await next<{ urls: Record<string, string> }>();
  const gateway: RunningHttpService = await startGateway({
    supergraphSdl: readSupergraph(),
    subgraphUrls: urls,
    host: '127.0.0.1',
    port: 0,
    logger: createLogger('bench', 'silent'),
    production: false,
    authenticator: createAuthenticator({
      secret: randomBytes(32).toString('base64url'),
      issuer: 'bench',
      audience: 'bench',
    }),
    internalTokenSecret: secret,
    hardening: { ...defaultHardening, RATE_LIMIT_PER_MINUTE: 0 },
  });
  return {
    label,
    url: gateway.url,
    urls,
    secret,
    cpu: async () => {
      const answer = next<{ cpuMicros: number }>();
      child.send('cpu');
      return (await answer).cpuMicros;
    },
    stop: async () => {
      await gateway.stop();
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.send('stop');
      await exited;
    },
  };
}

async function load(url: string, requests: number, connections: number): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: connections }, async (_, connection) => {
      const body = JSON.stringify({ query: dashboardQueryFor(connection) });
      while (next < requests) {
        next += 1;
        const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
        const answer = (await response.json()) as { errors?: unknown };
        if (!response.ok || answer.errors)
          throw new Error(`${response.status} ${JSON.stringify(answer.errors).slice(0, 200)}`);
      }
    }),
  );
}

/** Milliseconds of the side's subgraph CPU per dashboard request, over one run of `requests`. */
async function cpuPerRequest(side: Side, requests: number, connections: number): Promise<number> {
  const before = await side.cpu();
  await load(side.url, requests, connections);
  return ((await side.cpu()) - before) / 1000 / requests;
}

export interface CpuComparison {
  readonly ratios: number[];
  readonly met: boolean;
}

/** Both trees' subgraphs, this one's and the base commit's (checked out and built), for the time `use` takes. */
export async function withBothTrees<T>(
  use: (now: TreeSide, before: TreeSide, baseTree: string) => Promise<T>,
): Promise<T> {
  process.env['DATABASE_URL'] ??= 'mysql://root@127.0.0.1:3306';
  const base = checkoutBase();
  let sides: Side[] = [];
  try {
    sides = await Promise.all([
      // The process id in the names: two runs at once (two engineers' trees on one server) would
      // otherwise drop each other's databases mid-run.
      startSide('this tree', root, `bench_cpu_now_${process.pid}_`),
      startSide(baseCommit, base.tree, `bench_cpu_base_${process.pid}_`),
    ]);
    const [now, before] = sides as [Side, Side];
    return await use(now, before, base.tree);
  } finally {
    await Promise.all(sides.map((side) => side.stop()));
    base.remove();
  }
}

/** Interleaved rounds, this tree ÷ base; prints each round and min / median / max. */
export async function compareSubgraphCpu(
  now: TreeSide,
  before: TreeSide,
  options: {
    rounds: number;
    requests: number;
    connections: number;
    out: NodeJS.WritableStream;
  },
): Promise<CpuComparison> {
  const sides = [now, before];
  for (const side of sides) await load(side.url, 200, options.connections);
  const { out } = options;
  out.write(
    `subgraphs' CPU per dashboard request, this tree vs ${baseCommit} — ${options.rounds} interleaved rounds of ${options.requests} requests over ${options.connections} connections, load ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}\n`,
  );
  out.write(
    `${'round'.padEnd(7)}${'this tree ms'.padStart(14)}${`${baseCommit} ms`.padStart(14)}${'ratio'.padStart(8)}\n`,
  );
  const ratios: number[] = [];
  for (let round = 1; round <= options.rounds; round++) {
    const order = round % 2 === 0 ? [before, now] : [now, before];
    const figures = new Map<Side, number>();
    for (const side of order) figures.set(side, await cpuPerRequest(side, options.requests, options.connections));
    const ratio = required(figures.get(now), 'figures.get(now)') / required(figures.get(before), 'figures.get(before)');
    ratios.push(ratio);
    out.write(
      `${String(round).padEnd(7)}${required(figures.get(now), 'figures.get(now)').toFixed(2).padStart(14)}${required(figures.get(before), 'figures.get(before)').toFixed(2).padStart(14)}${ratio.toFixed(2).padStart(8)}\n`,
    );
  }
  const sorted = [...ratios].sort((a, b) => a - b);
  const median = required(sorted[Math.floor(sorted.length / 2)], 'a measurement');
  const met = median <= cpuTarget;
  out.write(
    `subgraphs' CPU per request, this tree / ${baseCommit}: min ${required(sorted[0], 'a measurement').toFixed(2)}  median ${median.toFixed(2)}  max ${required(sorted[sorted.length - 1], 'a measurement').toFixed(2)}  (target ≤ ${cpuTarget.toFixed(2)}) ${met ? 'met' : 'NOT met'}\n`,
  );
  return { ratios, met };
}

if (require.main === module) {
  if (process.argv[2] === '--serve') {
    void serveTree(
      required(process.argv[3], 'argument 3'),
      required(process.argv[4], 'argument 4'),
      required(process.argv[5], 'argument 5'),
    );
  } else {
    withBothTrees((now, before) =>
      compareSubgraphCpu(now, before, {
        rounds: Number(process.env['BENCH_ROUNDS'] ?? 5),
        requests: Number(process.env['BENCH_REQUESTS'] ?? 300),
        connections: Number(process.env['BENCH_CONNECTIONS'] ?? 10),
        out: process.stdout,
      }),
    ).then(
      ({ met }) => {
        process.exitCode = met ? 0 : 1;
      },
      (error: unknown) => {
        process.stderr.write(`bench:subgraph-cpu: ${error instanceof Error ? error.message : String(error)}\n`);
        process.exit(1);
      },
    );
  }
}
