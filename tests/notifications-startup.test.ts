import net, { type AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { NatsEventBus } from '@safeguarding/shared';
import { startGraph, type TestGraph } from './support/graph';

// notifications-kill once failed with "must use https" registering a loopback endpoint on the NATS
// bus: the service listened while its bus was still connecting, and the webhook URL policy was set
// only after that, so a request in the gap met production's rules. Here the gap is held open on
// purpose: the broker's connections wait at a gate while the service restarts.
jest.setTimeout(120_000);

const natsUrl = new URL(process.env['NATS_URL'] ?? 'nats://127.0.0.1:4222');

/** A TCP relay to the broker that, while held, accepts connections and forwards nothing yet. */
async function brokerGate(): Promise<{ url: string; hold(): void; release(): void; close(): Promise<void> }> {
  let held = false;
  const waiting: (() => void)[] = [];
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    sockets.add(client);
    client.pause();
    const connect = () => {
      const upstream = net.connect(Number(natsUrl.port || 4222), natsUrl.hostname);
      sockets.add(upstream);
      client.pipe(upstream).pipe(client);
      client.resume();
      const end = () => {
        client.destroy();
        upstream.destroy();
      };
      client.on('error', end).on('close', end);
      upstream.on('error', end).on('close', end);
    };
    if (held) waiting.push(connect);
    else connect();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `nats://127.0.0.1:${(server.address() as AddressInfo).port}`,
    hold: () => {
      held = true;
    },
    release: () => {
      held = false;
      for (const connect of waiting.splice(0)) connect();
    },
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

async function until(check: () => Promise<boolean>, what: string, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe('the notifications service while its bus is still connecting', () => {
  let graph: TestGraph;
  let gate: Awaited<ReturnType<typeof brokerGate>>;
  const stream = `TEST_${process.pid}_${randomUUID().slice(0, 8)}`;
  const prefix = `test${process.pid}${randomUUID().slice(0, 8)}`;

  beforeAll(async () => {
    gate = await brokerGate();
    graph = await startGraph({
      overrides: { EVENT_BUS: 'nats', NATS_URL: gate.url, NATS_STREAM: stream, NATS_SUBJECT_PREFIX: prefix },
    });
  });
  afterAll(async () => {
    gate.release();
    await graph.stop();
    await gate.close();
    const nats = await NatsEventBus.connect({ url: natsUrl.href, stream, subjectPrefix: prefix });
    await nats.deleteStream();
    await nats.close();
  });

  it('already applies its own webhook rules, and does not call itself ready', async () => {
    const base = graph.subgraphs.notifications.url.replace(/\/graphql$/, '');
    await graph.stopSubgraph('notifications');
    gate.hold();
    const restarting = graph.startSubgraph('notifications');
    try {
      // Listening (alive), its bus connection waiting at the gate.
      await until(
        () =>
          fetch(`${base}/health`).then(
            (response) => response.ok,
            () => false,
          ),
        'the restarted service to listen',
        60_000,
      );
      const registered = await graph.query<{ registerWebhookEndpoint: { endpoint: { url: string } } }>(
        `mutation ($input: RegisterWebhookEndpointInput!) { registerWebhookEndpoint(input: $input) { endpoint { url } } }`,
        { input: { url: 'http://127.0.0.1:9/hooks', eventTypes: ['obligation.opened'] } },
        { as: 'sussex-police-safeguarding-manager' },
      );
      expect(registered.errors).toBeUndefined();
      expect(registered.data?.registerWebhookEndpoint.endpoint.url).toBe('http://127.0.0.1:9/hooks');
      expect((await fetch(`${base}/ready`)).status).toBe(503);
    } finally {
      gate.release();
      await restarting;
    }
    expect((await fetch(`${base}/ready`)).status).toBe(200);
  });
});
