import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { generateKeyPairSync, randomBytes, randomUUID } from 'node:crypto';
import net, { type AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import {
  inTransaction,
  demoIdentities,
  NatsEventBus,
  ObligationLedger,
  Role,
  type ObligationAudience,
} from '@safeguarding/shared';
import { startGraph, type TestGraph } from './support/graph';

// Issue 21: kill the notifications service (SIGKILL, no shutdown of any kind) during a burst of
// changes; after it is started again every event reaches the endpoint, never as two different
// webhook-ids (the same id twice is allowed: delivery is at least once). The service runs as a child
// process from its built main.js, on the port and database the rest of the graph (in this process)
// was started with, so the relays and the gateway reach it as they would in production.
//
// The broker is killed too, in a test of its own: nats-server on 4222 is shared, so that test starts
// a private one (JetStream, its own store) as a child, SIGKILLs it mid-burst and starts it again on
// the same port and store, with the relays and the consumer of the whole graph pointed at it.
jest.setTimeout(240_000);

const natsUrl = process.env['NATS_URL'] ?? 'nats://127.0.0.1:4222';
const mainJs = path.join(__dirname, '..', 'subgraphs', 'notifications', 'dist', 'main.js');
const sussexPolice = demoIdentities['sussex-police-safeguarding-manager']!.organisation.id;
const noOne: ObligationAudience = {
  organisationIds: [],
  organisationRoles: [],
  partnershipIds: [],
  partnershipRoles: [],
  nationalRoles: [],
};
const burst = 40;

interface Received {
  readonly headers: Record<string, string>;
  readonly body: string;
}

/** The integrator's receiver: answers 204 after a short pause, so some deliveries are in flight at the kill. */
async function receiver(): Promise<{ url: string; received: Received[]; close(): Promise<void> }> {
  const received: Received[] = [];
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({
        headers: Object.fromEntries(Object.entries(request.headers).map(([k, v]) => [k, String(v)])),
        body: Buffer.concat(chunks).toString('utf8'),
      });
      setTimeout(() => response.writeHead(204).end(), 20);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`,
    received,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

async function until(check: () => boolean | Promise<boolean>, what: string, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe.each(['embedded', 'nats'] as const)(
  'the notifications service killed during a burst, on the %s bus',
  (bus) => {
    let graph: TestGraph;
    let hooks: Awaited<ReturnType<typeof receiver>>;
    let child: ChildProcess | null = null;
    let childOutput = '';
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'notifications-kill-'));
    const stream = `TEST_${process.pid}_${randomUUID().slice(0, 8)}`;
    const prefix = `test${process.pid}${randomUUID().slice(0, 8)}`;
    // Everything the child needs to be the same service on the same database: fixed here, given to
    // both the in-process graph and the child.
    const shared: Record<string, string> = {
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      DATA_DIR: dataDir,
      DATABASE_NAME_PREFIX: `test_kill_${process.pid}_${bus}_`,
      INTERNAL_TOKEN_SECRET: randomBytes(32).toString('base64url'),
      AUDIT_HMAC_KEY: randomBytes(32).toString('base64url'),
      AUDIT_SIGNING_KEY: generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      WEBHOOK_TIMEOUT_MS: '1500',
      ...(bus === 'nats'
        ? {
            EVENT_BUS: 'nats',
            NATS_URL: natsUrl,
            NATS_STREAM: stream,
            NATS_SUBJECT_PREFIX: prefix,
            NATS_ACK_WAIT_MS: '2000',
          }
        : {}),
    };
    let port = 0;

    /** Starts the service from its build, and resolves once it answers /ready. */
    const startChild = async () => {
      const started = fork(mainJs, [], {
        env: { ...process.env, ...shared, PORT: String(port) },
        stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
      });
      started.stdout?.on('data', (chunk: Buffer) => (childOutput += chunk.toString()));
      started.stderr?.on('data', (chunk: Buffer) => (childOutput += chunk.toString()));
      child = started;
      await until(
        async () => {
          if (started.exitCode !== null)
            throw new Error(`the notifications service exited with ${started.exitCode}: ${childOutput}`);
          return fetch(`http://127.0.0.1:${port}/ready`).then(
            (response) => response.ok,
            () => false,
          );
        },
        'the notifications service to be ready',
        60_000,
      );
    };
    const killChild = async () => {
      const running = child;
      if (!running || running.exitCode !== null || running.signalCode !== null) return;
      const exited = new Promise((resolve) => running.once('exit', resolve));
      running.kill('SIGKILL');
      await exited;
    };

    beforeAll(async () => {
      hooks = await receiver();
      graph = await startGraph({ relayIntervalMs: 40, overrides: shared });
      // Hand the service over to a child process on the same port and database.
      port = Number(new URL(graph.subgraphs.notifications.url).port);
      await graph.stopSubgraph('notifications');
      await startChild();
    });
    afterAll(async () => {
      await killChild();
      await graph?.stop();
      await hooks?.close();
      if (bus === 'nats') {
        const nats = await NatsEventBus.connect({ url: natsUrl, stream, subjectPrefix: prefix });
        await nats.deleteStream();
        await nats.close();
      }
      fs.rmSync(dataDir, { recursive: true, force: true });
    });

    it('delivers every event after the restart, each under one webhook-id', async () => {
      const registered = await graph.query<any>(
        `mutation ($input: RegisterWebhookEndpointInput!) { registerWebhookEndpoint(input: $input) { secret endpoint { id } } }`,
        { input: { url: hooks.url, eventTypes: ['obligation.opened'] } },
        { as: 'sussex-police-safeguarding-manager' },
      );
      expect(registered.errors).toBeUndefined();
      const verifier = new Webhook(registered.data.registerWebhookEndpoint.secret as string);
      const obligationOf = (r: Received) =>
        (JSON.parse(r.body) as { data: { obligation: { id: string } } }).data.obligation.id;

      const ids: string[] = [];
      const open = () =>
        inTransaction(graph.subgraphs.escalations.db, (manager) =>
          new ObligationLedger(manager, 'escalations', new Date()).open({
            kind: 'REFERRAL_DECISION',
            about: { type: 'Referral', id: randomUUID() },
            owner: { organisationId: sussexPolice, organisationKind: 'AGENCY', partnershipId: null },
            owedTo: 'REFERRER',
            owedToKind: null,
            deadline: { due: '2026-12-03', rule: '1 working day after the referral', provisional: false },
            basis: 'Working Together to Safeguard Children 2023, chapter 1',
            audience: { ...noOne, organisationIds: [sussexPolice], organisationRoles: [Role.SAFEGUARDING_MANAGER] },
          }),
        );
      const ours = () => hooks.received.filter((r) => ids.includes(obligationOf(r)));

      // The burst: one change after another; the service is killed as soon as the first has reached
      // the receiver (at the latest, halfway through, once one has), with the others still in its
      // intake, outbox or webhook queue, and the changes go on while it is down.
      let killedAt: { opened: number; delivered: number } | null = null;
      for (let i = 0; i < burst; i++) {
        ids.push((await open()).id);
        if (!killedAt && (ours().length > 0 || ids.length === burst / 2)) {
          await until(() => ours().length > 0, 'a first delivery', 60_000);
          killedAt = { opened: ids.length, delivered: new Set(ours().map(obligationOf)).size };
          await killChild();
        }
        await new Promise((resolve) => setTimeout(resolve, 30));
      }
      expect(killedAt).not.toBeNull();
      expect(killedAt!.opened).toBeLessThan(burst);
      expect(killedAt!.delivered).toBeLessThan(burst);

      await startChild();
      // A delivery the killed process had claimed is left to it until its lease runs out (the
      // attempt timeout and 30 s), so the last ones may take that long.
      await until(
        () => new Set(ours().map(obligationOf)).size === burst,
        `all ${burst} events at the receiver`,
        120_000,
      );

      const received = ours();
      for (const r of received) expect(() => verifier.verify(r.body, r.headers)).not.toThrow();
      const webhookIdsByObligation = new Map<string, Set<string>>();
      for (const r of received) {
        const seen = webhookIdsByObligation.get(obligationOf(r)) ?? new Set<string>();
        seen.add(r.headers['webhook-id']!);
        webhookIdsByObligation.set(obligationOf(r), seen);
      }
      expect([...webhookIdsByObligation.keys()].sort()).toEqual([...ids].sort());
      for (const [, webhookIds] of webhookIdsByObligation) expect(webhookIds.size).toBe(1);
      expect(new Set(received.map((r) => r.headers['webhook-id'])).size).toBe(burst);
    });
  },
);

const natsServer = '/usr/sbin/nats-server';

/** A port free now, for a server started by its number (the broker must come back on the same one). */
async function freePort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

describe('the broker killed during a burst, on the nats bus', () => {
  let graph: TestGraph | null = null;
  let hooks: Awaited<ReturnType<typeof receiver>>;
  let broker: ChildProcess | null = null;
  let brokerOutput = '';
  let brokerPort = 0;
  const storeDir = fs.mkdtempSync(path.join(os.tmpdir(), 'notifications-broker-'));

  /** The private broker, answering once it accepts connections; the same port and store every time. */
  const startBroker = async () => {
    brokerOutput = '';
    const started = spawn(natsServer, ['-a', '127.0.0.1', '-p', String(brokerPort), '-js', '-sd', storeDir], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    started.stdout.on('data', (chunk: Buffer) => (brokerOutput += chunk.toString()));
    started.stderr.on('data', (chunk: Buffer) => (brokerOutput += chunk.toString()));
    broker = started;
    await until(
      () => {
        if (started.exitCode !== null) throw new Error(`nats-server exited with ${started.exitCode}: ${brokerOutput}`);
        return brokerOutput.includes('Server is ready');
      },
      'the broker to be ready',
      30_000,
    );
  };
  const killBroker = async () => {
    const running = broker;
    if (!running || running.exitCode !== null || running.signalCode !== null) return;
    const exited = new Promise((resolve) => running.once('exit', resolve));
    running.kill('SIGKILL');
    await exited;
  };

  beforeAll(async () => {
    hooks = await receiver();
    brokerPort = await freePort();
    await startBroker();
    graph = await startGraph({
      relayIntervalMs: 40,
      overrides: {
        EVENT_BUS: 'nats',
        NATS_URL: `nats://127.0.0.1:${brokerPort}`,
        NATS_ACK_WAIT_MS: '2000',
        WEBHOOK_TIMEOUT_MS: '1500',
      },
    });
  });
  afterAll(async () => {
    await graph?.stop();
    await killBroker();
    await hooks.close();
    fs.rmSync(storeDir, { recursive: true, force: true });
  });

  it('delivers every event after the broker is back, each under one webhook-id', async () => {
    if (!graph) throw new Error('the graph did not start');
    const running = graph;
    const registered = await running.query<{ registerWebhookEndpoint: { secret: string } }>(
      `mutation ($input: RegisterWebhookEndpointInput!) { registerWebhookEndpoint(input: $input) { secret } }`,
      { input: { url: hooks.url, eventTypes: ['obligation.opened'] } },
      { as: 'sussex-police-safeguarding-manager' },
    );
    expect(registered.errors).toBeUndefined();
    if (!registered.data) throw new Error('registerWebhookEndpoint answered no data');
    const verifier = new Webhook(registered.data.registerWebhookEndpoint.secret);
    const obligationOf = (r: Received) =>
      (JSON.parse(r.body) as { data: { obligation: { id: string } } }).data.obligation.id;

    const ids: string[] = [];
    const open = () =>
      inTransaction(running.subgraphs.escalations.db, (manager) =>
        new ObligationLedger(manager, 'escalations', new Date()).open({
          kind: 'REFERRAL_DECISION',
          about: { type: 'Referral', id: randomUUID() },
          owner: { organisationId: sussexPolice, organisationKind: 'AGENCY', partnershipId: null },
          owedTo: 'REFERRER',
          owedToKind: null,
          deadline: { due: '2026-12-03', rule: '1 working day after the referral', provisional: false },
          basis: 'Working Together to Safeguard Children 2023, chapter 1',
          audience: { ...noOne, organisationIds: [sussexPolice], organisationRoles: [Role.SAFEGUARDING_MANAGER] },
        }),
      );
    const ours = () => hooks.received.filter((r) => ids.includes(obligationOf(r)));

    // The broker dies once the first change has reached the receiver (at the latest halfway), with
    // later ones published but not yet consumed, or not yet published; the changes go on while it
    // is down, and it comes back on the same port and store a moment later.
    let killedAt: { opened: number; delivered: number } | null = null;
    for (let i = 0; i < burst; i++) {
      ids.push((await open()).id);
      if (!killedAt && (ours().length > 0 || ids.length === burst / 2)) {
        await until(() => ours().length > 0, 'a first delivery', 60_000);
        killedAt = { opened: ids.length, delivered: new Set(ours().map(obligationOf)).size };
        await killBroker();
      }
      if (killedAt && i === killedAt.opened + 5) await startBroker();
      await new Promise((resolve) => setTimeout(resolve, 30));
    }
    if (!killedAt) throw new Error('the broker was never killed');
    expect(killedAt.opened).toBeLessThan(burst);
    expect(killedAt.delivered).toBeLessThan(burst);
    if (broker?.exitCode !== null || broker.signalCode !== null) await startBroker();

    await until(() => new Set(ours().map(obligationOf)).size === burst, `all ${burst} events at the receiver`, 120_000);
    const received = ours();
    for (const r of received) expect(() => verifier.verify(r.body, r.headers)).not.toThrow();
    const webhookIdsByObligation = new Map<string, Set<string>>();
    for (const r of received) {
      const seen = webhookIdsByObligation.get(obligationOf(r)) ?? new Set<string>();
      seen.add(r.headers['webhook-id'] ?? '');
      webhookIdsByObligation.set(obligationOf(r), seen);
    }
    expect([...webhookIdsByObligation.keys()].sort()).toEqual([...ids].sort());
    for (const [, webhookIds] of webhookIdsByObligation) expect(webhookIds.size).toBe(1);
    expect(new Set(received.map((r) => r.headers['webhook-id'])).size).toBe(burst);
  });
});
