import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import {
  checkAnswer,
  distinctCallers,
  forkSide,
  loadSide,
  pair,
  repositoryTree,
  required,
  serveToParent,
  startBareGateway,
  startBenchGateway,
  stats,
  type Side,
} from './bench-support';
import { baseCommit, dashboardQuery, withBothTrees, type TreeSide } from './subgraph-cpu';

/**
 * Issue 19's second target, end to end: with a different person signed in on every connection (so
 * no gateway can answer one caller with another's subgraph requests), our graph, this tree's gateway
 * in front of this tree's subgraphs, serves ≥ 2× the requests per second of a bare `@apollo/gateway`
 * in front of the subgraphs of the commit before issue 19's work (its own supergraph and token code,
 * so the bare gateway carries each caller's identity to them as that commit's gateway did). Each
 * gateway runs in a process of its own; the two sets of subgraphs are the ones bench:subgraph-cpu
 * compares (withBothTrees). Rounds are interleaved, alternating which side goes first; autocannon
 * drives the load, and every answer is checked once by its body before the rounds.
 */
export const endToEndTarget = 2;

export interface EndToEndComparison {
  readonly ratios: number[];
  readonly met: boolean;
}

export async function compareEndToEnd(
  now: TreeSide,
  before: TreeSide,
  baseTree: string,
  options: { rounds: number; requests: number; connections: number; out: NodeJS.WritableStream },
): Promise<EndToEndComparison> {
  const clientSecret = randomBytes(32).toString('base64url');
  const sides: Side[] = [];
  try {
    const started = await Promise.all([
      forkSide('hive', __filename, ['hive', repositoryTree, JSON.stringify(now.urls)], {
        BENCH_INTERNAL_SECRET: now.secret,
        BENCH_CLIENT_SECRET: clientSecret,
      }),
      forkSide('bare', __filename, ['bare', baseTree, JSON.stringify(before.urls)], {
        BENCH_INTERNAL_SECRET: before.secret,
        BENCH_CLIENT_SECRET: clientSecret,
      }),
    ]);
    sides.push(...started);
    const [hive, bare] = started;
    const { headers } = await distinctCallers(options.connections, clientSecret);
    // Every caller is answered whole by both, before any rate counts.
    for (const side of started) for (const caller of headers) await checkAnswer(side.url, dashboardQuery, caller);
    // Each side's gateway and subgraphs' CPU per request too: where a miss comes from.
    const run = async (side: Side, subgraphs: TreeSide) => {
      const before = await subgraphs.cpu();
      const figures = await loadSide(side, dashboardQuery, {
        connections: options.connections,
        requests: options.requests,
        perConnection: headers,
      });
      return { ...figures, subgraphMs: ((await subgraphs.cpu()) - before) / 1000 / options.requests };
    };
    // Warm both: JIT, connection pools, query plans.
    await run(hive, now);
    await run(bare, before);
    const { out } = options;
    out.write(
      `end to end, signed-in dashboard, one person per connection: our graph vs a bare @apollo/gateway in front of ${baseCommit}'s subgraphs — ${options.rounds} interleaved rounds of ${options.requests} requests over ${options.connections} connections, load ${os
        .loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}\n`,
    );
    out.write(
      `${'round'.padEnd(7)}${'ours rps'.padStart(10)}${'gw ms'.padStart(7)}${'sg ms'.padStart(7)}${'bare rps'.padStart(10)}${'gw ms'.padStart(7)}${'sg ms'.padStart(7)}${'ratio'.padStart(8)}\n`,
    );
    const ratios: number[] = [];
    for (let round = 1; round <= options.rounds; round++) {
      const [ours, theirs] = await pair(
        round,
        () => run(hive, now),
        () => run(bare, before),
      );
      ratios.push(ours.rps / theirs.rps);
      const cells = [ours.rps, ours.cpuMs, ours.subgraphMs, theirs.rps, theirs.cpuMs, theirs.subgraphMs].map(
        (value, i) => value.toFixed(1).padStart(i % 3 === 0 ? 10 : 7),
      );
      out.write(`${String(round).padEnd(7)}${cells.join('')}${(ours.rps / theirs.rps).toFixed(2).padStart(8)}\n`);
    }
    const s = stats(ratios);
    const met = s.median >= endToEndTarget;
    out.write(
      `end to end requests/s, ours / bare @apollo/gateway + ${baseCommit}: min ${s.min.toFixed(2)}  median ${s.median.toFixed(2)}  max ${s.max.toFixed(2)}  (target ≥ ${endToEndTarget.toFixed(2)}) ${met ? 'met' : 'NOT met'}\n`,
    );
    return { ratios, met };
  } finally {
    await Promise.all(sides.map((side) => side.stop()));
  }
}

/** A gateway process: `hive` (ours, this tree) or `bare` (Apollo's, with `tree`'s supergraph and token code). */
async function serveGateway(role: string, tree: string, urlsJson: string): Promise<void> {
  // Ctrl-C reaches the whole process group: the bench decides when to stop.
  process.on('SIGINT', () => undefined);
  const urls = JSON.parse(urlsJson) as Record<string, string>;
  const secret = required(process.env['BENCH_INTERNAL_SECRET'], 'BENCH_INTERNAL_SECRET');
  const clientSecret = required(process.env['BENCH_CLIENT_SECRET'], 'BENCH_CLIENT_SECRET');
  const server =
    role === 'hive'
      ? await startBenchGateway({ urls, secret, clientSecret })
      : await startBareGateway({ tree, urls, secret, clientSecret });
  serveToParent({ url: server.url }, () => server.stop());
}

// `npm run bench:e2e` runs this comparison alone; bench:dashboard runs it after its own rounds.
if (require.main === module) {
  if (process.argv[2] === '--serve') {
    void serveGateway(
      required(process.argv[3], 'argument 3'),
      required(process.argv[4], 'argument 4'),
      required(process.argv[5], 'argument 5'),
    );
  } else {
    withBothTrees((now, before, baseTree) =>
      compareEndToEnd(now, before, baseTree, {
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
        process.stderr.write(`bench:e2e: ${error instanceof Error ? error.message : String(error)}\n`);
        process.exit(1);
      },
    );
  }
}
