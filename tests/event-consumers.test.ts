import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { connect } from 'nats';
import { demoIds, NatsEventBus, OutboxEvent, OutboxPosition } from '@safeguarding/shared';
import { ReceivedEvent } from '@safeguarding/notifications';
import { PartnershipArea } from '../subgraphs/escalations/src/partnership-area/partnership-area.entity';
import { relayed, startGraph, type TestGraph } from './support/graph';

/**
 * Issue 12: more than one service takes events. The partnerships service's footprint events reach
 * both the notifications service and the escalations service's projection of partnership areas,
 * on either bus: posted to each consumer (embedded), or one durable JetStream consumer per service.
 */
const natsUrl = process.env['NATS_URL'] ?? 'nats://127.0.0.1:4222';
type Bus = 'embedded' | 'nats';

async function until(check: () => Promise<boolean>, what: string, ms = 30_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe.each<Bus>(['embedded', 'nats'])('partnership footprints on the %s bus', (bus) => {
  let graph: TestGraph;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'event-consumers-'));
  const stream = `TEST_${process.pid}_${randomUUID().slice(0, 8)}`;
  const prefix = `test${process.pid}${randomUUID().slice(0, 8)}`;
  const demoPartnerships = [
    demoIds.partnerships.brightonAndHove,
    demoIds.partnerships.eastSussex,
    demoIds.partnerships.westSussex,
  ].sort();

  beforeAll(async () => {
    graph = await startGraph({
      relayIntervalMs: 40,
      // A file, not memory: the partnerships service is started again below.
      overrides: {
        DATA_DIR: dataDir,
        ...(bus === 'nats'
          ? {
              EVENT_BUS: 'nats',
              NATS_URL: natsUrl,
              NATS_STREAM: stream,
              NATS_SUBJECT_PREFIX: prefix,
              NATS_ACK_WAIT_MS: '2000',
            }
          : {}),
      },
    });
  });
  afterAll(async () => {
    await graph?.stop();
    if (bus === 'nats') {
      const nats = await NatsEventBus.connect({ url: natsUrl, stream, subjectPrefix: prefix });
      await nats.deleteStream();
      await nats.close();
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const areas = () =>
    graph.subgraphs.escalations.db
      .getRepository(PartnershipArea)
      .find({ order: { partnershipId: 'ASC', localAuthorityGssCode: 'ASC' } });
  const announced = () =>
    graph.subgraphs.partnerships.db.getRepository(OutboxEvent).find({ where: { type: 'partnership.announced' } });

  it('announces the partnerships that predate the events once, and every consumer takes them', async () => {
    expect((await announced()).map((event) => event.entityId).sort()).toEqual(demoPartnerships);
    await until(async () => (await areas()).length === 3, 'the escalations projection');
    expect(await areas()).toEqual(
      demoPartnerships.map((partnershipId) =>
        expect.objectContaining({ partnershipId, status: 'ACTIVE', sequence: 1 }),
      ),
    );
    const ids = (await announced()).map((event) => event.eventId);
    await until(
      async () =>
        (
          await graph.subgraphs.notifications.db
            .getRepository(ReceivedEvent)
            .find({ where: ids.map((eventId) => ({ eventId })) })
        ).length === 3,
      'the notifications service to take them too',
    );
    // A second start finds nothing to announce.
    await graph.stopSubgraph('partnerships');
    const restarted = await graph.startSubgraph('partnerships');
    await relayed(restarted);
    expect(await announced()).toHaveLength(3);
  });

  it('projects a new arrangement from its creation event', async () => {
    const created = await graph.query<any>(
      `mutation ($input: CreatePartnershipInput!) { createPartnership(input: $input) { id } }`,
      {
        input: {
          name: 'Hartlepool Safeguarding Children Partnership (test)',
          localAuthorityGssCodes: ['E06000001'],
          integratedCareBoardOdsCodes: ['QHM'],
          policeForceGssCodes: ['E23000013'],
        },
      },
      { as: 'national-administrator' },
    );
    expect(created.errors).toBeUndefined();
    const id = created.data.createPartnership.id as string;
    await until(async () => (await areas()).some((area) => area.partnershipId === id), 'the new footprint');
    expect((await areas()).filter((area) => area.partnershipId === id)).toEqual([
      expect.objectContaining({ localAuthorityGssCode: 'E06000001', status: 'DRAFT', sequence: 1 }),
    ]);
  });

  it('goes on to the other consumer while one is down, and the one that was down catches up', async () => {
    await graph.stopSubgraph('notifications');
    const created = await graph.query<{ createPartnership: { id: string } }>(
      `mutation ($input: CreatePartnershipInput!) { createPartnership(input: $input) { id } }`,
      {
        input: {
          name: 'Darlington Safeguarding Children Partnership (test)',
          localAuthorityGssCodes: ['E06000005'],
          integratedCareBoardOdsCodes: ['QHM'],
          policeForceGssCodes: ['E23000008'],
        },
      },
      { as: 'national-administrator' },
    );
    expect(created.errors).toBeUndefined();
    const id = created.data?.createPartnership.id ?? '';
    await until(async () => (await areas()).some((area) => area.partnershipId === id), 'escalations to take it');
    const [event] = await graph.subgraphs.partnerships.db
      .getRepository(OutboxEvent)
      .find({ where: { type: 'partnership.created', entityId: id } });
    if (!event) throw new Error('no creation event recorded');
    if (bus === 'embedded') {
      // Each consumer's own position: escalations' past the event, notifications' still before it.
      const positions = await graph.subgraphs.partnerships.db.getRepository(OutboxPosition).find();
      const at = (consumer: string) => positions.find((taken) => taken.consumer === consumer)?.position ?? 0;
      expect(at('escalations')).toBeGreaterThanOrEqual(event.position);
      expect(at('notifications')).toBeLessThan(event.position);
    }
    const restarted = await graph.startSubgraph('notifications');
    await relayed(graph.subgraphs.partnerships);
    await until(
      async () => (await restarted.db.getRepository(ReceivedEvent).countBy({ eventId: event.eventId })) === 1,
      'notifications to catch up',
    );
  });

  if (bus === 'nats') {
    it('gives each consuming service its own durable consumer', async () => {
      const connection = await connect({ servers: natsUrl.replace(/^nats:\/\//, '') });
      try {
        const manager = await connection.jetstreamManager();
        const names: string[] = [];
        for await (const consumer of manager.consumers.list(stream)) names.push(consumer.name);
        expect(names.sort()).toEqual(['escalations', 'notifications']);
      } finally {
        await connection.close();
      }
    });
  }
});
