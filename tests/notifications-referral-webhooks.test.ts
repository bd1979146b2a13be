import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { OutboxEvent, type SubgraphName } from '@safeguarding/shared';
import { ReceivedEvent, type ReminderScheduler, type WebhookDispatcher } from '@safeguarding/notifications';
import { startGraph, type TestGraph } from './support/graph';

// Issue 21's end-to-end case: a local authority's case system registers a webhook receiver, a
// referral reaches it at 17:40 on a Friday, and the graph's clock is moved past the decision's
// deadline: the receiver hears "due soon", then "overdue", then "decided", each verifiable with the
// Standard Webhooks algorithm and nothing but ids and the deadline in it.
let clock = new Date('2026-11-27T17:45:00Z');
let graph: TestGraph;
let server: http.Server;
let receiverUrl = '';
const received: Array<{ headers: Record<string, string>; body: string }> = [];

beforeAll(async () => {
  server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({
        headers: Object.fromEntries(Object.entries(request.headers).map(([k, v]) => [k, String(v)])),
        body: Buffer.concat(chunks).toString('utf8'),
      });
      response.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  receiverUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/case-system`;
  graph = await startGraph({ now: () => clock, relayIntervalMs: 40, startWorkers: false });
});
afterAll(async () => {
  await graph?.stop();
  server?.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

async function settled(): Promise<void> {
  const domains: SubgraphName[] = ['partnerships', 'agencies', 'schools', 'reviews', 'escalations'];
  const end = Date.now() + 30_000;
  for (;;) {
    const written = (
      await Promise.all(
        domains.map((name) => graph.subgraphs[name].db.getRepository(OutboxEvent).find({ select: { eventId: true } })),
      )
    ).flat();
    const taken = new Set(
      (await graph.subgraphs.notifications.db.getRepository(ReceivedEvent).find({ select: { eventId: true } })).map(
        (e) => e.eventId,
      ),
    );
    if (written.every((event) => taken.has(event.eventId))) return;
    if (Date.now() > end) throw new Error('the outboxes were not taken');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

async function deliver(): Promise<void> {
  const dispatcher = graph.subgraphs.notifications.workers['webhooks'] as WebhookDispatcher;
  await dispatcher.pass();
  await dispatcher.settled();
}

it('tells the case system a referral decision is due soon, then overdue, then decided', async () => {
  await settled();
  const registered = await graph.query<{ registerWebhookEndpoint: { secret: string } }>(
    `mutation ($input: RegisterWebhookEndpointInput!) { registerWebhookEndpoint(input: $input) { secret } }`,
    { input: { url: receiverUrl, eventTypes: ['obligation.due_soon', 'obligation.overdue', 'referral.decided'] } },
    { as: 'west-sussex-business-manager' },
  );
  expect(registered.errors).toBeUndefined();
  const webhook = new Webhook(registered.data!.registerWebhookEndpoint.secret);

  const submitted = await graph.query<{ submitReferral: { id: string; decisionDeadline: { due: string } } }>(
    `mutation ($input: SubmitReferralInput!) { submitReferral(input: $input) { id decisionDeadline { due } } }`,
    {
      input: {
        idempotencyKey: 'webhook-e2e-0001',
        childReference: 'CHILD-WEBHOOK-0001',
        homeLocalAuthorityGssCode: 'E10000032',
        concernCategories: ['NEGLECT'],
        significantHarm: false,
        earlyHelpIndicators: [],
        lawfulBasis: 'PUBLIC_TASK',
        consent: 'OBTAINED',
        receivedAt: '2026-11-27T17:40:00Z',
      },
    },
    { as: 'sussex-health-visitor' },
  );
  expect(submitted.errors).toBeUndefined();
  const referral = submitted.data!.submitReferral;
  // Friday 17:40: one working day is Monday.
  expect(referral.decisionDeadline.due).toBe('2026-11-30');
  await settled();

  const scheduler = graph.subgraphs.notifications.workers['reminders'] as ReminderScheduler;
  await scheduler.pass();
  await deliver();
  clock = new Date('2026-12-01T09:00:00Z');
  await scheduler.pass();
  await deliver();
  const decided = await graph.query(
    `mutation ($id: ID!, $input: DecideReferralInput!) { decideReferral(id: $id, input: $input) { id } }`,
    { id: referral.id, input: { decision: 'EARLY_HELP', feedback: 'Early help offered' } },
    { as: 'west-sussex-social-worker' },
  );
  expect(decided.errors).toBeUndefined();
  await settled();
  await deliver();

  const messages = received.map(
    (message) => webhook.verify(message.body, message.headers) as { type: string; data: Record<string, any> },
  );
  const aboutOurs = messages.filter(
    (m) => m.data['obligation']?.about?.id === referral.id || m.data['entity']?.id === referral.id,
  );
  const decisionNews = aboutOurs.filter(
    (m) => m.type === 'referral.decided' || m.data['obligation']?.kind === 'REFERRAL_DECISION',
  );
  expect(decisionNews.map((m) => m.type)).toEqual(['obligation.due_soon', 'obligation.overdue', 'referral.decided']);
  expect(decisionNews[1]!.data['obligation']).toMatchObject({
    kind: 'REFERRAL_DECISION',
    deadline: { due: '2026-11-30' },
  });
  // Thin: the child's reference is not in any message.
  for (const message of received) expect(message.body).not.toContain('CHILD-WEBHOOK-0001');
});
