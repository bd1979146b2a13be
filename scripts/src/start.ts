import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import net from 'node:net';
import path from 'node:path';
import { z } from 'zod';
import {
  ConfigError,
  defaultSubgraphPorts,
  parseEnvironment,
  port,
  repositoryRoot,
  subgraphEnvironment,
  subgraphNames,
  type SubgraphName,
} from '@safeguarding/shared';

/**
 * `npm start`: the six subgraphs and the gateway as separate processes, as in production, with
 * demo data. One clear line and exit 1 on any start-up failure; Ctrl-C stops everything cleanly.
 */
const launcherEnvironment = subgraphEnvironment.extend({
  PORT: port.default(4000),
  DEMO_DATA: z.enum(['true', 'false']).default('true'),
  LOG_LEVEL: subgraphEnvironment.shape.LOG_LEVEL.default('warn'),
  PARTNERSHIPS_PORT: port.default(defaultSubgraphPorts.partnerships),
  AGENCIES_PORT: port.default(defaultSubgraphPorts.agencies),
  SCHOOLS_PORT: port.default(defaultSubgraphPorts.schools),
  REVIEWS_PORT: port.default(defaultSubgraphPorts.reviews),
  ESCALATIONS_PORT: port.default(defaultSubgraphPorts.escalations),
  NOTIFICATIONS_PORT: port.default(defaultSubgraphPorts.notifications),
  PORTAL_PORT: port.default(4010),
  // A first start loads the reference data and the demo into six databases; a loaded machine needs longer.
  STARTUP_TIMEOUT_SECONDS: z.coerce.number().int().min(10).max(3600).default(120),
});
type LauncherConfig = z.infer<typeof launcherEnvironment>;

const portVariable = (name: SubgraphName) => `${name.toUpperCase() as Uppercase<SubgraphName>}_PORT` as const;

interface Child {
  readonly name: string;
  readonly process: ChildProcess;
  lastError: string;
}

const children: Child[] = [];
let stopping = false;
// Until everything is up, children's stderr is held back so a failure reads as one line, not six.
let started = false;

function fail(message: string): void {
  if (stopping) return;
  process.stderr.write(`npm start: ${message}\n`);
  void stopAll().then(() => process.exit(1));
}

function spawnChild(name: string, entry: string, env: NodeJS.ProcessEnv): Child {
  const child: Child = {
    name,
    process: spawn(process.execPath, [path.join(repositoryRoot, entry)], { env, stdio: ['ignore', 'inherit', 'pipe'] }),
    lastError: '',
  };
  child.process.stderr?.on('data', (chunk: Buffer) => {
    const text = chunk.toString().trim();
    if (text) child.lastError = text.split('\n').pop() ?? text;
    if (started && !stopping) process.stderr.write(chunk);
  });
  child.process.on('exit', (code) => {
    // A child's known failures are one line of its own (`schools: cannot reach MySQL …`).
    fail(child.lastError || `${name} exited with code ${String(code)}`);
  });
  children.push(child);
  return child;
}

/** A one-shot step (migrations) before the services: its own one-line failure stops the launch. */
function runToCompletion(name: string, entry: string, env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve) => {
    const step = spawn(process.execPath, [path.join(repositoryRoot, entry)], {
      env,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let lastError = '';
    step.stderr.on('data', (chunk: Buffer) => {
      const text = chunk.toString().trim();
      if (text) lastError = text.split('\n').pop() ?? text;
    });
    step.on('exit', (code) => {
      if (code === 0) resolve();
      else fail(lastError || `${name} exited with code ${String(code)}`);
    });
  });
}

function stopChild(child: Child): Promise<void> {
  return new Promise<void>((resolve) => {
    if (child.process.exitCode !== null || child.process.signalCode !== null) {
      resolve();
      return;
    }
    // Each process stops itself within 2 s of SIGTERM; one that does not is killed.
    const killer = setTimeout(() => {
      process.stderr.write(`npm start: ${child.name} did not stop within 3 s of SIGTERM; killed\n`);
      child.process.kill('SIGKILL');
    }, 3_000);
    child.process.once('exit', () => {
      clearTimeout(killer);
      resolve();
    });
    child.process.kill('SIGTERM');
  });
}

/**
 * The edge first (the portal, the gateway): the requests the gateway is still answering need the
 * subgraphs, which stop once it has drained.
 */
async function stopAll(): Promise<void> {
  stopping = true;
  const edge = new Set(['portal', 'gateway']);
  await Promise.all(children.filter((child) => edge.has(child.name)).map(stopChild));
  await Promise.all(children.filter((child) => !edge.has(child.name)).map(stopChild));
}

function assertPortFree(host: string, portNumber: number, variable: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        new ConfigError(
          `port ${portNumber} on ${host} is ${error.code === 'EADDRINUSE' ? 'already in use' : 'unavailable'} (set ${variable})`,
        ),
      ),
    );
    probe.listen(portNumber, host, () => probe.close(() => resolve()));
  });
}

async function waitReady(url: string, child: Child, timeoutSeconds: number): Promise<void> {
  const deadline = Date.now() + timeoutSeconds * 1000;
  while (Date.now() < deadline) {
    if (stopping) return new Promise(() => undefined);
    try {
      if ((await fetch(url, { signal: AbortSignal.timeout(1000) })).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  fail(`${child.name} was not ready within ${timeoutSeconds} s (set STARTUP_TIMEOUT_SECONDS)`);
  return new Promise(() => undefined);
}

async function main(config: LauncherConfig): Promise<void> {
  const host = config.HOST;
  const local = host === '0.0.0.0' ? '127.0.0.1' : host;
  const ports = Object.fromEntries(subgraphNames.map((name) => [name, config[portVariable(name)]])) as Record<
    SubgraphName,
    number
  >;
  for (const name of subgraphNames) await assertPortFree(host, ports[name], portVariable(name));
  await assertPortFree(host, config.PORT, 'PORT');
  await assertPortFree(host, config.PORTAL_PORT, 'PORTAL_PORT');

  // A fresh secret per launch: only these processes can vouch for a caller to each other.
  const internalTokenSecret = config.INTERNAL_TOKEN_SECRET ?? randomBytes(32).toString('base64url');
  const baseEnv = {
    ...process.env,
    LOG_LEVEL: config.LOG_LEVEL,
    DEMO_DATA: config.DEMO_DATA,
    HOST: host,
    INTERNAL_TOKEN_SECRET: internalTokenSecret,
    // The embedded bus: every subgraph's relay posts its events to each service that takes them.
    NOTIFICATIONS_EVENTS_URL: `http://${local}:${ports.notifications}/internal/events`,
    ESCALATIONS_EVENTS_URL: `http://${local}:${ports.escalations}/internal/events`,
  };
  process.stdout.write(`Migrating the databases (${config.DATABASE_URL ? 'MySQL' : 'embedded'})…\n`);
  await runToCompletion('migrate', 'scripts/dist/migrate.js', baseEnv);
  process.stdout.write(`Starting six subgraphs on ${config.DATABASE_URL ? 'MySQL' : 'the embedded database'}…\n`);
  await Promise.all(
    subgraphNames.map(async (name) => {
      const child = spawnChild(name, `subgraphs/${name}/dist/main.js`, { ...baseEnv, PORT: String(ports[name]) });
      await waitReady(`http://${local}:${ports[name]}/ready`, child, config.STARTUP_TIMEOUT_SECONDS);
      process.stdout.write(`  ✓ ${name.padEnd(12)} http://${local}:${ports[name]}/graphql\n`);
    }),
  );

  const urls = Object.fromEntries(
    subgraphNames.map((name) => [`${name.toUpperCase()}_URL`, `http://${local}:${ports[name]}/graphql`]),
  );
  const gatewayUrl = `http://${local}:${config.PORT}/graphql`;
  const portalOrigin = `http://${local}:${config.PORTAL_PORT}`;
  // The portal calls the gateway from the browser: its origin is allowed beside any configured.
  const corsOrigins = [...config.CORS_ORIGINS, portalOrigin].join(',');
  const gateway = spawnChild('gateway', 'gateway/dist/main.js', {
    ...baseEnv,
    ...urls,
    PORT: String(config.PORT),
    CORS_ORIGINS: corsOrigins,
  });
  await waitReady(`http://${local}:${config.PORT}/ready`, gateway, config.STARTUP_TIMEOUT_SECONDS);
  const portal = spawnChild('portal', 'scripts/dist/portal.js', {
    ...baseEnv,
    PORT: String(config.PORTAL_PORT),
    GATEWAY_PUBLIC_URL: gatewayUrl,
  });
  await waitReady(`${portalOrigin}/config.json`, portal, config.STARTUP_TIMEOUT_SECONDS);

  started = true;
  process.stdout.write(
    [
      '',
      `The safeguarding graph is up: ${gatewayUrl}`,
      `The partnership portal:       ${portalOrigin}/ (sign in as a demo identity)`,
      '',
      'Try a query that crosses the subgraphs:',
      `  curl -s ${gatewayUrl} -H 'content-type: application/json' \\`,
      `    -d '{"query":"{ partnerships(first: 5) { nodes { name partners { kind organisation { name } } relevantAgencies(first: 5) { nodes { name } } schools(first: 5) { nodes { name localAuthority { name } } } practiceReviews(first: 5) { nodes { title publicationDeadline { due rule status } } } escalationPolicy { stages { position name timescaleWorkingDays } } } pageInfo { endCursor hasNextPage } } }"}'`,
      '',
      'Signed in, as a demo identity (`npm run token` lists them):',
      `  curl -s ${gatewayUrl} -H 'content-type: application/json' -H "authorization: Bearer $(npm run -s token -- west-sussex-business-manager)" \\`,
      `    -d '{"query":"{ partnerships(first: 5) { nodes { name escalations(accessReason: \\"Monthly assurance review\\", first: 5) { nodes { caseReference stageName stageDeadline { due rule status } } } } } }"}'`,
      '',
      'Press Ctrl-C to stop.',
      '',
    ].join('\n'),
  );
}

const onSignal = () => {
  if (stopping) return;
  process.stdout.write('\nStopping…\n');
  void stopAll().then(() => process.exit(0));
};
process.on('SIGINT', onSignal);
process.on('SIGTERM', onSignal);

let config: LauncherConfig;
try {
  config = parseEnvironment(launcherEnvironment);
} catch (error) {
  process.stderr.write(`npm start: configuration error: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
main(config).catch((error: unknown) => fail(error instanceof Error ? error.message : String(error)));
