import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { In } from 'typeorm';
import {
  inTransaction,
  demoIdentities,
  NatsEventBus,
  ObligationLedger,
  OutboxEvent,
  Role,
  type ObligationAudience,
  type ObligationDraft,
  type SubgraphName,
} from '@safeguarding/shared';
import {
  ReceivedEvent,
  WebhookDispatcher,
  ReminderScheduler,
  assertPublicDestination,
  webhookUrlPolicy,
  UnsafeDestinationError,
  WebhookDelivery,
} from '@safeguarding/notifications';
import { startGraph, type TestGraph } from './support/graph';

// Webhooks and reminders through the gateway, with the notifications service's workers driven by
// hand on a pinned clock. A local HTTP server plays every receiver.
const natsUrl = process.env['NATS_URL'] ?? 'nats://127.0.0.1:4222';
const sussexPolice = demoIdentities['sussex-police-safeguarding-manager']!.organisation.id;
const seaviewPrimary = demoIdentities['seaview-primary-dsl']!.organisation.id;
const noOne: ObligationAudience = {
  organisationIds: [],
  organisationRoles: [],
  partnershipIds: [],
  partnershipRoles: [],
  nationalRoles: [],
};

interface Received {
  readonly path: string;
  readonly headers: Record<string, string>;
  readonly body: string;
}

/** One server, a behaviour per path: `/ok…` answers 204, `/fail…` 500, `/hole…` never answers. */
async function receiver(): Promise<{ url: string; received: Received[]; close(): Promise<void> }> {
  const received: Received[] = [];
  const held: http.ServerResponse[] = [];
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const headers = Object.fromEntries(Object.entries(request.headers).map(([k, v]) => [k, String(v)]));
      received.push({ path: request.url ?? '', headers, body: Buffer.concat(chunks).toString('utf8') });
      if (request.url?.startsWith('/hole')) held.push(response);
      else response.writeHead(request.url?.startsWith('/fail') ? 500 : 204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    close: async () => {
      for (const response of held) response.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

const register = `mutation ($input: RegisterWebhookEndpointInput!) {
  registerWebhookEndpoint(input: $input) { secret endpoint { id url status eventTypes organisationId partnershipId } }
}`;

async function until(check: () => boolean | Promise<boolean>, what: string, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe('webhook endpoints: who may register, and where to', () => {
  it('refuses addresses inside our own network in production, by every spelling', async () => {
    const production = webhookUrlPolicy('production');
    for (const host of [
      '127.0.0.1',
      '10.1.2.3',
      '192.168.0.10',
      '169.254.169.254',
      '[::1]',
      '[::ffff:127.0.0.1]',
      '0.0.0.0',
      '[fd00::1]',
    ]) {
      await expect(assertPublicDestination(new URL(`https://${host}/hook`), production)).rejects.toBeInstanceOf(
        UnsafeDestinationError,
      );
    }
    await expect(assertPublicDestination(new URL('https://93.184.216.34/hook'), production)).resolves.toBeUndefined();
    await expect(
      assertPublicDestination(new URL('http://127.0.0.1/hook'), webhookUrlPolicy('development')),
    ).resolves.toBeUndefined();
  });
});

describe('webhooks and reminders', () => {
  let graph: TestGraph;
  let hooks: Awaited<ReturnType<typeof receiver>>;
  let clock = new Date('2026-12-02T10:00:00Z');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'webhooks-'));

  beforeAll(async () => {
    hooks = await receiver();
    graph = await startGraph({
      now: () => clock,
      relayIntervalMs: 40,
      startWorkers: false,
      overrides: { DATA_DIR: dataDir, WEBHOOK_TIMEOUT_MS: '1500', WEBHOOK_DISABLE_AFTER_FAILURES: '3' },
    });
    // The demo data's obligations are taken before any endpoint exists, so none is delivered below.
    await settled();
  });
  afterAll(async () => {
    await graph?.stop();
    await hooks?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const dispatcher = () => graph.subgraphs.notifications.workers['webhooks'] as WebhookDispatcher;
  const scheduler = () => graph.subgraphs.notifications.workers['reminders'] as ReminderScheduler;
  const open = (subgraph: SubgraphName, draft: ObligationDraft) =>
    inTransaction(graph.subgraphs[subgraph].db, (manager) =>
      new ObligationLedger(manager, subgraph, clock).open(draft),
    );
  const settled = async () => {
    const domains: SubgraphName[] = ['partnerships', 'agencies', 'schools', 'reviews', 'escalations'];
    await until(async () => {
      const written = (
        await Promise.all(
          domains.map((name) =>
            graph.subgraphs[name].db.getRepository(OutboxEvent).find({ select: { eventId: true } }),
          ),
        )
      ).flat();
      const taken = new Set(
        (await graph.subgraphs.notifications.db.getRepository(ReceivedEvent).find({ select: { eventId: true } })).map(
          (e) => e.eventId,
        ),
      );
      return written.every((event) => taken.has(event.eventId));
    }, 'the outboxes to be taken');
  };
  const deliverAll = async () => {
    await dispatcher().pass();
    await dispatcher().settled();
  };
  const policeDuty = (due: string): ObligationDraft => ({
    kind: 'REFERRAL_DECISION',
    about: { type: 'Referral', id: randomUUID() },
    owner: { organisationId: sussexPolice, organisationKind: 'AGENCY', partnershipId: null },
    owedTo: 'REFERRER',
    owedToKind: null,
    deadline: { due, rule: `1 working day after the referral`, provisional: false },
    basis: 'Working Together to Safeguard Children 2023, chapter 1',
    audience: { ...noOne, organisationIds: [sussexPolice], organisationRoles: [Role.SAFEGUARDING_MANAGER] },
  });
  const messagesTo = (prefix: string) => hooks.received.filter((r) => r.path.startsWith(prefix));

  let policeSecret = '';

  it('registers an endpoint for its own organisation, refusing practitioners and bad input by field', async () => {
    const done = await graph.query<{
      registerWebhookEndpoint: {
        secret: string;
        endpoint: { status: string; organisationId: string; eventTypes: string[] };
      };
    }>(
      register,
      { input: { url: `${hooks.url}/ok-police`, description: 'case system' } },
      { as: 'sussex-police-safeguarding-manager' },
    );
    expect(done.errors).toBeUndefined();
    expect(done.data!.registerWebhookEndpoint.secret).toMatch(/^whsec_/);
    expect(done.data!.registerWebhookEndpoint.endpoint).toMatchObject({
      status: 'ACTIVE',
      organisationId: sussexPolice,
      eventTypes: [],
    });
    policeSecret = done.data!.registerWebhookEndpoint.secret;

    const practitioner = await graph.query(
      register,
      { input: { url: `${hooks.url}/ok` } },
      { as: 'sussex-police-officer' },
    );
    expect(practitioner.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    const anonymous = await graph.query(register, { input: { url: `${hooks.url}/ok` } });
    expect(anonymous.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
    for (const [input, field] of [
      [{ url: 'ftp://example.org/hook' }, 'input.url'],
      [{ url: 'https://user:pw@example.org/hook' }, 'input.url'],
      [{ url: 'not a url' }, 'input.url'],
      [{ url: `${hooks.url}/ok`, eventTypes: ['referral.decided', 'child.everything'] }, 'input.eventTypes.1'],
    ] as const) {
      const refused = await graph.query(register, { input }, { as: 'sussex-police-safeguarding-manager' });
      expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    // Another partnership's administrator cannot register for West Sussex.
    const other = await graph.query(
      register,
      {
        input: {
          url: `${hooks.url}/ok`,
          partnershipId: demoIdentities['west-sussex-business-manager']!.partnershipIds[0],
        },
      },
      { as: 'east-sussex-business-manager' },
    );
    expect(other.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
  });

  it('delivers each event its audience admits, signed by the Standard Webhooks scheme, thin', async () => {
    const duty = policeDuty('2026-12-03');
    // A school's duty: the police endpoint must not hear of it.
    await open('schools', {
      ...policeDuty('2026-12-09'),
      kind: 'FILE_TRANSFER',
      owner: { organisationId: seaviewPrimary, organisationKind: 'SCHOOL', partnershipId: null },
      audience: { ...noOne, organisationIds: [seaviewPrimary] },
    });
    const row = await open('escalations', duty);
    await settled();
    await deliverAll();

    const delivered = messagesTo('/ok-police');
    expect(delivered).toHaveLength(1);
    const [message] = delivered;
    const verified = new Webhook(policeSecret).verify(message!.body, message!.headers) as {
      type: string;
      data: { obligation: Record<string, unknown> };
    };
    expect(verified.type).toBe('obligation.opened');
    expect(verified.data.obligation).toMatchObject({
      id: row.id,
      kind: 'REFERRAL_DECISION',
      about: duty.about,
      deadline: { due: '2026-12-03' },
    });
    expect(message!.body).not.toContain('audience');
    expect(message!.headers['webhook-id']).toMatch(/^msg_/);
    // A forged body does not verify.
    expect(() =>
      new Webhook(policeSecret).verify(message!.body.replace('2026-12-03', '2027-12-03'), message!.headers),
    ).toThrow();
  });

  it('reminds the owner when a duty is due soon, due today, overdue and still overdue, each once', async () => {
    hooks.received.length = 0;
    const duty = await open('escalations', { ...policeDuty('2026-12-04'), kind: 'REFERRAL_ACKNOWLEDGEMENT' });
    await settled();
    const remindersOn = async (day: string) => {
      clock = new Date(`${day}T09:00:00Z`);
      await scheduler().pass();
      await deliverAll();
      return messagesTo('/ok-police')
        .map((m) => JSON.parse(m.body) as { type: string; data: { obligation?: { id: string }; today?: string } })
        .filter((m) => m.data.obligation?.id === duty.id && m.type !== 'obligation.opened')
        .map((m) => `${m.type}@${m.data.today}`);
    };
    // Wednesday: due Friday, 2 working days away.
    expect(await remindersOn('2026-12-02')).toEqual(['obligation.due_soon@2026-12-02']);
    expect(await remindersOn('2026-12-03')).toEqual(['obligation.due_soon@2026-12-02']);
    expect(await remindersOn('2026-12-04')).toEqual([
      'obligation.due_soon@2026-12-02',
      'obligation.due_today@2026-12-04',
    ]);
    expect((await remindersOn('2026-12-07')).slice(2)).toEqual(['obligation.overdue@2026-12-07']);
    // Five working days after Friday 4 December is Friday 11 December.
    expect((await remindersOn('2026-12-10')).slice(3)).toEqual([]);
    expect((await remindersOn('2026-12-11')).slice(3)).toEqual(['obligation.still_overdue@2026-12-11']);
    expect((await remindersOn('2026-12-11')).slice(3)).toEqual(['obligation.still_overdue@2026-12-11']);
    clock = new Date('2026-12-02T10:00:00Z');
  });

  it('lets a receiver that never answers delay no other endpoint', async () => {
    hooks.received.length = 0;
    const school = await graph.query<{ registerWebhookEndpoint: { secret: string } }>(
      register,
      { input: { url: `${hooks.url}/hole-school` } },
      { as: 'seaview-primary-dsl' },
    );
    expect(school.errors).toBeUndefined();
    await open('schools', {
      ...policeDuty('2026-12-20'),
      owner: { organisationId: seaviewPrimary, organisationKind: 'SCHOOL', partnershipId: null },
      audience: { ...noOne, organisationIds: [seaviewPrimary, sussexPolice] },
    });
    await settled();
    await dispatcher().pass();
    await until(
      () => messagesTo('/ok-police').length === 1 && messagesTo('/hole-school').length === 1,
      'both endpoints to be called',
    );
    // The police endpoint's answer is in while the school's receiver still holds its request.
    const deliveries = graph.subgraphs.notifications.db.getRepository(WebhookDelivery);
    await until(
      async () => (await deliveries.findBy({ status: 'SUCCEEDED' })).some((d) => d.body.includes('2026-12-20')),
      'the police delivery to be recorded',
    );
    // …while the school's attempt is still waiting for an answer that will not come.
    const waiting = (await deliveries.find()).filter((d) => d.body.includes('2026-12-20') && d.status === 'PENDING');
    expect(waiting).toHaveLength(1);
    expect(waiting[0]!.attempts).toBe(0);
    await dispatcher().settled();
    const hole = (await graph.subgraphs.notifications.db.getRepository(WebhookDelivery).find()).filter((d) =>
      d.lastError?.startsWith('no answer'),
    );
    expect(hole).toHaveLength(1);
    expect(hole[0]).toMatchObject({ status: 'PENDING', attempts: 1 });
  });

  it('retries on its schedule, keeps a log the owner alone can read, disables after a run of failures, and redelivers by hand', async () => {
    hooks.received.length = 0;
    const registered = await graph.query<{ registerWebhookEndpoint: { endpoint: { id: string } } }>(
      register,
      { input: { url: `${hooks.url}/fail-police`, eventTypes: ['obligation.opened'] } },
      { as: 'sussex-police-safeguarding-manager' },
    );
    const failingId = registered.data!.registerWebhookEndpoint.endpoint.id;
    await open('escalations', policeDuty('2026-12-21'));
    await settled();
    const base = clock.getTime();
    await deliverAll();
    expect(messagesTo('/fail-police')).toHaveLength(1);
    await deliverAll(); // not yet due again: 5 s later
    expect(messagesTo('/fail-police')).toHaveLength(1);
    clock = new Date(base + 6_000);
    await deliverAll();
    clock = new Date(base + 6_000 + 301_000);
    await deliverAll();
    const attempts = messagesTo('/fail-police');
    expect(attempts).toHaveLength(3);
    await deliverAll(); // the owner's other endpoint hears that this one was switched off
    expect(new Set(attempts.map((a) => a.headers['webhook-id'])).size).toBe(1);

    const log = `{ webhookEndpoints(first: 10) { nodes { id status disabledReason deliveries(first: 5) { totalCount nodes { id eventType status attempts lastResponseCode } } } } }`;
    const mine = await graph.query<{
      webhookEndpoints: {
        nodes: Array<{
          id: string;
          status: string;
          disabledReason: string | null;
          deliveries: {
            totalCount: number;
            nodes: Array<{ id: string; status: string; attempts: number; lastResponseCode: number | null }>;
          };
        }>;
      };
    }>(log, {}, { as: 'sussex-police-safeguarding-manager' });
    expect(mine.errors).toBeUndefined();
    const failing = mine.data!.webhookEndpoints.nodes.find((n) => n.id === failingId)!;
    expect(failing).toMatchObject({ status: 'DISABLED', disabledReason: '3 attempts in a row failed' });
    expect(failing.deliveries.nodes[0]).toMatchObject({ status: 'PENDING', attempts: 3, lastResponseCode: 500 });
    // The owner's working endpoint was told.
    expect(messagesTo('/ok-police').map((m) => (JSON.parse(m.body) as { type: string }).type)).toContain(
      'webhook.endpoint_disabled',
    );

    const theirs = await graph.query<{ webhookEndpoints: { nodes: unknown[] } }>(
      log,
      {},
      { as: 'seaview-primary-dsl' },
    );
    expect(theirs.data!.webhookEndpoints.nodes.map((n) => (n as { id: string }).id)).not.toContain(failingId);
    const deliveryId = failing.deliveries.nodes[0]!.id;
    const redeliver = `mutation ($id: ID!) { redeliverWebhook(deliveryId: $id) { id status attempts } }`;
    const stranger = await graph.query(redeliver, { id: deliveryId }, { as: 'seaview-primary-dsl' });
    expect(stranger.errors?.[0]?.extensions?.['code']).toBe('NOT_FOUND');

    const enable = `mutation ($id: ID!) { setWebhookEndpointEnabled(id: $id, enabled: true) { status consecutiveFailures } }`;
    expect((await graph.query(enable, { id: failingId }, { as: 'sussex-police-safeguarding-manager' })).data).toEqual({
      setWebhookEndpointEnabled: { status: 'ACTIVE', consecutiveFailures: 0 },
    });
    const again = await graph.query<{ redeliverWebhook: { id: string; status: string } }>(
      redeliver,
      { id: deliveryId },
      { as: 'sussex-police-safeguarding-manager' },
    );
    expect(again.data!.redeliverWebhook).toEqual({ id: deliveryId, status: 'PENDING', attempts: 0 });
    await deliverAll();
    expect(messagesTo('/fail-police').at(-1)!.headers['webhook-id']).toBe(deliveryId);
    clock = new Date('2026-12-02T10:00:00Z');
  });
});

describe.each(['embedded', 'nats'] as const)('a restart during a burst, on the %s bus', (bus) => {
  let graph: TestGraph;
  let hooks: Awaited<ReturnType<typeof receiver>>;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'webhooks-restart-'));
  const stream = `TEST_${process.pid}_${randomUUID().slice(0, 8)}`;
  const prefix = `test${process.pid}${randomUUID().slice(0, 8)}`;
  const now = () => new Date('2026-12-02T10:00:00Z');

  beforeAll(async () => {
    hooks = await receiver();
    graph = await startGraph({
      now,
      relayIntervalMs: 40,
      startWorkers: false,
      overrides: {
        DATA_DIR: dataDir,
        ...(bus === 'nats'
          ? { EVENT_BUS: 'nats', NATS_URL: natsUrl, NATS_STREAM: stream, NATS_SUBJECT_PREFIX: prefix }
          : {}),
      },
    });
  });
  afterAll(async () => {
    await graph?.stop();
    await hooks?.close();
    if (bus === 'nats') {
      const nats = await NatsEventBus.connect({ url: natsUrl, stream, subjectPrefix: prefix });
      await nats.deleteStream();
      await nats.close();
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('delivers every event once per endpoint, under one webhook-id, after the service comes back', async () => {
    const done = await graph.query(
      register,
      { input: { url: `${hooks.url}/ok-burst`, eventTypes: ['obligation.opened'] } },
      { as: 'sussex-police-safeguarding-manager' },
    );
    expect(done.errors).toBeUndefined();
    const open = (i: number) =>
      inTransaction(graph.subgraphs.escalations.db, (manager) =>
        new ObligationLedger(manager, 'escalations', now()).open({
          kind: 'REFERRAL_DECISION',
          about: { type: 'Referral', id: randomUUID() },
          owner: { organisationId: sussexPolice, organisationKind: 'AGENCY', partnershipId: null },
          owedTo: 'REFERRER',
          owedToKind: null,
          deadline: { due: '2026-12-03', rule: `rule ${i}`, provisional: false },
          basis: 'Working Together to Safeguard Children 2023',
          audience: { ...noOne, organisationIds: [sussexPolice] },
        }),
      );
    const ids: string[] = [];
    for (let i = 0; i < 10; i++) ids.push((await open(i)).id);
    await graph.stopSubgraph('notifications');
    for (let i = 10; i < 30; i++) ids.push((await open(i)).id);
    const restarted = await graph.startSubgraph('notifications');
    await until(
      async () => (await restarted.db.getRepository(ReceivedEvent).countBy({ entityId: In(ids) })) === 30,
      'all 30 events to be taken',
      60_000,
    );
    const dispatcher = restarted.workers['webhooks'] as WebhookDispatcher;
    await dispatcher.pass();
    await dispatcher.settled();
    // The demo data's own obligations may reach the endpoint too; these thirty are the burst's.
    const bodies = hooks.received.filter(
      (r) =>
        r.path === '/ok-burst' &&
        ids.includes((JSON.parse(r.body) as { data: { obligation: { id: string } } }).data.obligation.id),
    );
    const obligations = bodies.map(
      (r) => (JSON.parse(r.body) as { data: { obligation: { id: string } } }).data.obligation.id,
    );
    expect(new Set(obligations)).toEqual(new Set(ids));
    expect(obligations).toHaveLength(30);
    expect(new Set(bodies.map((r) => r.headers['webhook-id'])).size).toBe(30);
  });
});
