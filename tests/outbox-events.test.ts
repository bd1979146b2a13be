import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { subgraphs } from '@safeguarding/gateway';
import {
  inTransaction,
  createLogger,
  EmbeddedEventBus,
  NatsEventBus,
  openDatabase,
  OutboxEvent,
  OutboxPosition,
  OutboxRelay,
  recordEvent,
  resolveDatabaseTarget,
  StatementCounter,
  subgraphEntities,
  type DomainEvent,
  type EventBus,
} from '@safeguarding/shared';
import { dropDatabases, testConfig } from './support/graph';

// The outbox on this pass's database (SQLite, or MySQL when DATABASE_URL is set), relayed onto
// each adapter in turn: NATS JetStream on 127.0.0.1:4222 (NATS_URL), and the embedded bus.
const natsUrl = process.env['NATS_URL'] ?? 'nats://127.0.0.1:4222';
const config = testConfig();
const definition = subgraphs.find((candidate) => candidate.name === 'escalations')!;
const logger = createLogger('test', 'silent');
let db: DataSource;

beforeAll(async () => {
  db = await openDatabase(resolveDatabaseTarget(definition.name, config), {
    entities: subgraphEntities(definition),
    migrations: definition.migrations,
    logger,
    statements: new StatementCounter(),
    migrationMode: 'run',
  });
});
afterAll(async () => {
  await db.destroy();
  await dropDatabases(config);
});
beforeEach(async () => {
  await db.getRepository(OutboxEvent).clear();
  await db.getRepository(OutboxPosition).clear();
});

const change = (entityId: string, type = 'referral.received') =>
  inTransaction(db, (manager) =>
    recordEvent(manager, {
      type,
      entityType: 'Referral',
      entityId,
      occurredAt: new Date('2026-12-02T10:00:00Z'),
      payload: { referralId: entityId },
    }),
  );

/** A consumer as the notifications service will be: drops repeats by event id, keeps what it saw. */
function consumer() {
  const seen = new Set<string>();
  const taken: DomainEvent[] = [];
  let deliveries = 0;
  return {
    taken,
    get deliveries() {
      return deliveries;
    },
    handle: async (event: DomainEvent) => {
      deliveries += 1;
      if (seen.has(event.eventId)) return;
      seen.add(event.eventId);
      taken.push(event);
    },
  };
}

async function until(condition: () => boolean, what: string, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('the outbox', () => {
  it('holds an event exactly when its change committed, numbered per entity', async () => {
    await change('r-1');
    await change('r-1', 'referral.decided');
    await change('r-2');
    await expect(
      inTransaction(db, async (manager) => {
        await recordEvent(manager, {
          type: 'referral.decided',
          entityType: 'Referral',
          entityId: 'r-2',
          occurredAt: new Date(),
          payload: {},
        });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    const rows = await db.getRepository(OutboxEvent).find({ order: { position: 'ASC' } });
    expect(rows.map((row) => [row.entityId, row.sequence, row.type])).toEqual([
      ['r-1', 1, 'referral.received'],
      ['r-1', 2, 'referral.decided'],
      ['r-2', 1, 'referral.received'],
    ]);
    expect(new Set(rows.map((row) => row.eventId)).size).toBe(3);
  });

  it('refuses an event written outside the transaction of its change, or with a malformed type', async () => {
    await expect(
      recordEvent(db.manager, {
        type: 'referral.received',
        entityType: 'Referral',
        entityId: 'x',
        occurredAt: new Date(),
        payload: {},
      }),
    ).rejects.toThrow(/transaction/);
    await expect(
      inTransaction(db, (manager) =>
        recordEvent(manager, {
          type: 'Referral Received',
          entityType: 'Referral',
          entityId: 'x',
          occurredAt: new Date(),
          payload: {},
        }),
      ),
    ).rejects.toThrow(/noun\.verbed/);
  });
});

type Adapter = 'embedded' | 'nats';

describe.each<Adapter>(['embedded', 'nats'])('relayed on the %s bus', (adapter) => {
  let bus: EventBus;
  const stream = `TEST_${process.pid}_${randomUUID().slice(0, 8)}`;
  const prefix = `test${process.pid}${randomUUID().slice(0, 8)}`;
  const connect = async (): Promise<EventBus> =>
    adapter === 'embedded'
      ? new EmbeddedEventBus()
      : NatsEventBus.connect({ url: natsUrl, stream, subjectPrefix: prefix, ackWaitMs: 2000 });

  beforeEach(async () => {
    bus = await connect();
  });
  afterEach(async () => {
    if (bus instanceof NatsEventBus) await bus.deleteStream();
    await bus.close();
  });

  it('delivers every event once to a durable consumer, in order per entity, with the ids it was written with', async () => {
    const sink = consumer();
    const subscription = await bus.subscribe(`notifications-${randomUUID().slice(0, 8)}`, sink.handle);
    for (let n = 0; n < 30; n += 1) await change(`r-${n % 3}`, n % 2 === 0 ? 'referral.received' : 'referral.decided');
    const relay = new OutboxRelay(db, bus, { source: 'escalations', batchSize: 7 });
    let published = 0;
    for (let pass = 0; pass < 10; pass += 1) published += await relay.pass();
    expect(published).toBe(30);
    await until(() => sink.taken.length === 30, '30 events');
    for (const entity of ['r-0', 'r-1', 'r-2']) {
      expect(sink.taken.filter((event) => event.entityId === entity).map((event) => event.sequence)).toEqual([
        1, 2, 3, 4, 5, 6, 7, 8, 9, 10,
      ]);
    }
    const rows = await db.getRepository(OutboxEvent).find();
    expect(new Set(sink.taken.map((event) => event.eventId))).toEqual(new Set(rows.map((row) => row.eventId)));
    // Its one destination (the subscriber on the embedded bus, the stream on NATS) stands at the last event.
    const last = Math.max(...rows.map((row) => row.position));
    expect((await db.getRepository(OutboxPosition).find()).map((taken) => taken.position)).toEqual([last]);
    expect(sink.taken[0]).toMatchObject({
      source: 'escalations',
      entityType: 'Referral',
      payload: { referralId: 'r-0' },
    });
    expect(await relay.pass()).toBe(0);
    await subscription.stop();
  });

  it('delivers again what a consumer failed to take, and nothing behind it first', async () => {
    const sink = consumer();
    let refusals = 2;
    const subscription = await bus.subscribe(`flaky-${randomUUID().slice(0, 8)}`, async (event) => {
      if (event.sequence === 2 && refusals > 0) {
        refusals -= 1;
        throw new Error('consumer down');
      }
      await sink.handle(event);
    });
    for (let n = 0; n < 4; n += 1) await change('r-9');
    const relay = new OutboxRelay(db, bus, { source: 'escalations' });
    relay.start();
    try {
      await until(() => sink.taken.length === 4, 'four events after refusals', 15_000);
    } finally {
      await relay.stop();
    }
    expect(refusals).toBe(0);
    expect(sink.taken.map((event) => event.sequence)).toEqual([1, 2, 3, 4]);
    await subscription.stop();
  });

  it('after a relay died between publishing and recording it, the repeat carries the same event id', async () => {
    const sink = consumer();
    const subscription = await bus.subscribe(`crash-${randomUUID().slice(0, 8)}`, sink.handle);
    await change('r-5');
    await change('r-5');
    const relay = new OutboxRelay(db, bus, { source: 'escalations' });
    expect(await relay.pass()).toBe(2);
    // As if the process was killed after the bus took the events and before its commit.
    await db.getRepository(OutboxPosition).createQueryBuilder().update().set({ position: 0 }).execute();
    const restarted = new OutboxRelay(db, await (async () => bus)(), { source: 'escalations' });
    expect(await restarted.pass()).toBe(2);
    await until(() => sink.taken.length === 2, 'two events');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(sink.taken.map((event) => event.sequence)).toEqual([1, 2]);
    // Embedded: the consumer saw each twice and dropped the repeat; JetStream dropped it by message id.
    expect(sink.deliveries).toBe(adapter === 'embedded' ? 4 : 2);
    await subscription.stop();
  });
});

describe('each consumer on the embedded bus', () => {
  it('takes every event once while another fails, and the failed one catches up from where it stopped', async () => {
    const bus = new EmbeddedEventBus();
    const first = consumer();
    const last = consumer();
    const flaky = consumer();
    let down = true;
    await bus.subscribe('first', first.handle);
    await bus.subscribe('flaky', async (event) => {
      if (down && event.sequence > 3) throw new Error('consumer down');
      await flaky.handle(event);
    });
    await bus.subscribe('last', last.handle);
    for (let n = 0; n < 10; n += 1) await change('r-7');
    const relay = new OutboxRelay(db, bus, { source: 'escalations', logger });
    for (let pass = 0; pass < 3; pass += 1) await relay.pass();
    const written = (await db.getRepository(OutboxEvent).find({ order: { position: 'ASC' } })).map(
      (row) => row.eventId,
    );
    for (const healthy of [first, last]) {
      expect(healthy.taken.map((event) => event.eventId)).toEqual(written);
      expect(healthy.deliveries).toBe(written.length);
    }
    expect(flaky.taken.map((event) => event.sequence)).toEqual([1, 2, 3]);

    down = false;
    await relay.pass();
    expect(flaky.taken.map((event) => event.eventId)).toEqual(written);
    // The three it took before failing were not sent again; the healthy ones saw nothing more.
    expect(flaky.deliveries).toBe(written.length);
    expect(first.deliveries).toBe(written.length);
    expect(last.deliveries).toBe(written.length);
    const positions = await db.getRepository(OutboxPosition).find({ order: { consumer: 'ASC' } });
    const end = Math.max(...(await db.getRepository(OutboxEvent).find()).map((row) => row.position));
    expect(positions.map((taken) => [taken.consumer, taken.position])).toEqual([
      ['first', end],
      ['flaky', end],
      ['last', end],
    ]);
    await bus.close();
  });

  it('starts a consumer named later from the first event, without replaying the others', async () => {
    const bus = new EmbeddedEventBus();
    const early = consumer();
    await bus.subscribe('early', early.handle);
    for (let n = 0; n < 4; n += 1) await change(`r-${n}`);
    const relay = new OutboxRelay(db, bus, { source: 'escalations', logger });
    expect(await relay.pass()).toBe(4);
    const late = consumer();
    await bus.subscribe('late', late.handle);
    await change('r-4');
    expect(await relay.pass()).toBe(1 + 5);
    expect(late.taken.map((event) => event.entityId)).toEqual(['r-0', 'r-1', 'r-2', 'r-3', 'r-4']);
    expect(early.taken.map((event) => event.entityId)).toEqual(['r-0', 'r-1', 'r-2', 'r-3', 'r-4']);
    expect(early.deliveries).toBe(5);
    await bus.close();
  });
});
