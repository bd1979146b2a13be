import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { MoreThan } from 'typeorm';
import {
  demoIdentities,
  OutboxEvent,
  Role,
  statutoryOrganisationId,
  type Identity,
  type SubgraphName,
} from '@safeguarding/shared';
import { IndexedObligation, ObligationAudienceEntry, ReceivedEvent } from '@safeguarding/notifications';
import { relayed, startGraph, type QueryOptions, type TestGraph } from './support/graph';

/**
 * Issue 21: existing open obligations reach the audience their owner gave them without waiting for
 * new events. The notifications index is rebuilt at start from the events it has already taken: an
 * index written before organisation groups were stored (local authorities then missed file
 * transfers), or one emptied to be rebuilt, answers `whatIsDue` as the events say, and no owner is
 * asked to send anything again. A file transfer's events also reach its local authorities' endpoints.
 */
jest.setTimeout(120_000);

const now = () => new Date('2026-12-10T10:00:00Z');
// A directory, not memory: the restarted service must find the database it left.
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'notifications-rebuild-'));
let graph: TestGraph;
beforeAll(async () => {
  graph = await startGraph({ now, relayIntervalMs: 40, overrides: { DATA_DIR: dataDir } });
});
afterAll(async () => {
  await graph.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const brightonCouncil = statutoryOrganisationId({ kind: 'LOCAL_AUTHORITY', dfeCode: '846' });
const westSussexCouncil = statutoryOrganisationId({ kind: 'LOCAL_AUTHORITY', dfeCode: '938' });
const person = (subject: string, organisation: Identity['organisation'], roles: Role[]): Identity => ({
  subject,
  organisation,
  roles,
  partnershipIds: [],
});
const brightonPractitioner = person('test:brighton-practitioner', { id: brightonCouncil, kind: 'LOCAL_AUTHORITY' }, [
  Role.PRACTITIONER,
]);
const brightonManager = person('test:brighton-manager', { id: brightonCouncil, kind: 'LOCAL_AUTHORITY' }, [
  Role.SAFEGUARDING_MANAGER,
]);
const westSussexLead = person('test:west-sussex-dsl', { id: westSussexCouncil, kind: 'LOCAL_AUTHORITY' }, [
  Role.DESIGNATED_SAFEGUARDING_LEAD,
]);
const seaviewTeacher = person('test:seaview-teacher', { id: '990001', kind: 'SCHOOL' }, [Role.PRACTITIONER]);
type Who = keyof typeof demoIdentities | Identity;

interface DuePage {
  totalCount: number;
  counts: { pending: number; dueToday: number; overdue: number; total: number };
  nodes: Array<{ id: string; kind: string; deadline: { due: string; rule: string } }>;
}
const due = `query ($kinds: [ObligationKind!], $first: Int) {
  whatIsDue(filter: { kinds: $kinds }, first: $first) {
    totalCount counts { pending dueToday overdue total } nodes { id kind deadline { due rule } }
  }
}`;

async function as(who: Who): Promise<QueryOptions> {
  return typeof who === 'string' ? { as: who } : { authorization: `Bearer ${await graph.tokenFor(who)}` };
}

async function seenBy(who: Who, kinds: string[] | null = ['FILE_TRANSFER']): Promise<DuePage> {
  const result = await graph.query<{ whatIsDue: DuePage }>(due, { kinds, first: 100 }, await as(who));
  expect(result.errors).toBeUndefined();
  if (!result.data) throw new Error('whatIsDue answered no data');
  return result.data.whatIsDue;
}

async function until(check: () => Promise<boolean>, what: string, ms = 15_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const domains: SubgraphName[] = ['partnerships', 'agencies', 'schools', 'reviews', 'escalations'];
const outboxSizes = () =>
  Promise.all(domains.map((name) => graph.subgraphs[name].db.getRepository(OutboxEvent).count()));

async function recordTransfer(childReference: string): Promise<string> {
  const recorded = await graph.query<{ recordFileTransfer: { id: string } }>(
    `mutation ($input: RecordFileTransferInput!) { recordFileTransfer(input: $input) { id } }`,
    { input: { sendingUrn: '990001', receivingUrn: '990003', childReference, leftOn: '2026-12-09' } },
    { as: 'seaview-primary-dsl' },
  );
  expect(recorded.errors).toBeUndefined();
  if (!recorded.data) throw new Error('recordFileTransfer answered no data');
  return recorded.data.recordFileTransfer.id;
}

async function restartNotifications(): Promise<void> {
  await graph.stopSubgraph('notifications');
  await graph.startSubgraph('notifications');
}

it('an index written before organisation groups were stored reaches the local authority after a restart, with no new event', async () => {
  await recordTransfer('SVP-RBD-1');
  await until(async () => (await seenBy(brightonPractitioner)).totalCount === 1, 'the transfer in the index');
  for (const name of domains) await relayed(graph.subgraphs[name]);

  // The index as the release before organisation groups wrote it: the main list only.
  const notifications = graph.subgraphs.notifications.db;
  const removed = await notifications.getRepository(ObligationAudienceEntry).delete({ groupIndex: MoreThan(0) });
  expect(removed.affected).toBeGreaterThan(0);
  expect((await seenBy(brightonPractitioner)).totalCount).toBe(0);
  expect((await seenBy('seaview-primary-dsl')).totalCount).toBe(1);
  const outboxBefore = await outboxSizes();
  const takenBefore = await notifications.getRepository(ReceivedEvent).count();

  await restartNotifications();

  for (const who of ['seaview-primary-dsl', 'shingle-bay-primary-dsl', brightonPractitioner] as const) {
    const page = await seenBy(who);
    expect([page.totalCount, page.counts.total, page.nodes.map((node) => node.kind)]).toEqual([
      1,
      1,
      ['FILE_TRANSFER'],
    ]);
  }
  // The groups came back as the owner drew them: still not one group's organisations with another's roles.
  for (const who of [seaviewTeacher, westSussexLead, 'chalk-cliff-high-dsl'] as const) {
    expect((await seenBy(who)).totalCount).toBe(0);
  }
  // Nothing was asked of the owners, and nothing new was taken.
  expect(await outboxSizes()).toEqual(outboxBefore);
  expect(await graph.subgraphs.notifications.db.getRepository(ReceivedEvent).count()).toBe(takenBefore);
});

it('an emptied index is rebuilt at start to say what it said, for every caller', async () => {
  for (const name of domains) await relayed(graph.subgraphs[name]);
  const callers: Who[] = [
    'seaview-primary-dsl',
    'east-sussex-business-manager',
    'west-sussex-business-manager',
    'sussex-police-safeguarding-manager',
    'panel-member',
    brightonPractitioner,
  ];
  const before = await Promise.all(callers.map((who) => seenBy(who, null)));
  // Demo data gives these callers obligations of several kinds; an empty "before" would prove nothing.
  expect(before.filter((page) => page.totalCount > 0).length).toBeGreaterThanOrEqual(4);
  expect(new Set(before.flatMap((page) => page.nodes.map((node) => node.kind))).size).toBeGreaterThan(3);

  const notifications = graph.subgraphs.notifications.db;
  const indexed = await notifications.getRepository(IndexedObligation).count();
  await notifications.getRepository(ObligationAudienceEntry).clear();
  await notifications.getRepository(IndexedObligation).clear();
  expect((await seenBy('panel-member', null)).totalCount).toBe(0);
  const outboxBefore = await outboxSizes();

  await restartNotifications();

  expect(await graph.subgraphs.notifications.db.getRepository(IndexedObligation).count()).toBe(indexed);
  const after = await Promise.all(callers.map((who) => seenBy(who, null)));
  expect(after).toEqual(before);
  expect(await outboxSizes()).toEqual(outboxBefore);
});

it("a file transfer's events reach its local authority's webhook endpoint, and no other council's", async () => {
  const received: Array<{ headers: Record<string, string>; body: string; path: string }> = [];
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({
        path: request.url ?? '',
        headers: Object.fromEntries(Object.entries(request.headers).map(([k, v]) => [k, String(v)])),
        body: Buffer.concat(chunks).toString('utf8'),
      });
      response.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  try {
    const register = async (who: Identity, hook: string) => {
      const result = await graph.query<{ registerWebhookEndpoint: { secret: string } }>(
        `mutation ($input: RegisterWebhookEndpointInput!) { registerWebhookEndpoint(input: $input) { secret } }`,
        { input: { url: `${base}/${hook}`, eventTypes: ['obligation.opened'] } },
        await as(who),
      );
      expect(result.errors).toBeUndefined();
      if (!result.data) throw new Error('registerWebhookEndpoint answered no data');
      return new Webhook(result.data.registerWebhookEndpoint.secret);
    };
    const brighton = await register(brightonManager, 'brighton');
    await register(
      person('test:west-sussex-manager', { id: westSussexCouncil, kind: 'LOCAL_AUTHORITY' }, [
        Role.SAFEGUARDING_MANAGER,
      ]),
      'west-sussex',
    );
    const transferId = await recordTransfer('SVP-RBD-2');
    const aboutTransfer = (r: { body: string }) =>
      (JSON.parse(r.body) as { data: { obligation?: { about: { id: string } } } }).data.obligation?.about.id ===
      transferId;
    await until(
      () => Promise.resolve(received.some((r) => r.path === '/brighton' && aboutTransfer(r))),
      'a Brighton delivery',
    );
    const ours = received.filter(aboutTransfer);
    expect(ours.map((r) => r.path)).toEqual(['/brighton']);
    for (const delivery of ours) expect(() => brighton.verify(delivery.body, delivery.headers)).not.toThrow();
    // Every event of West Sussex's endpoint so far had nothing to do with this transfer.
    expect(received.filter((r) => r.path === '/west-sussex').some(aboutTransfer)).toBe(false);
  } finally {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
});
