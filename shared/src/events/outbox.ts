import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { OutboxEvent } from './outbox-event.entity';

/** An event as it travels: what a subscriber on either bus receives. */
export interface DomainEvent<P = Record<string, unknown>> {
  readonly eventId: string;
  /** The subgraph whose database recorded it. */
  readonly source: string;
  readonly type: string;
  readonly entityType: string;
  readonly entityId: string;
  readonly sequence: number;
  readonly occurredAt: string;
  readonly payload: P;
}

export interface EventDraft<P = Record<string, unknown>> {
  readonly type: string;
  readonly entityType: string;
  readonly entityId: string;
  readonly occurredAt: Date;
  readonly payload: P;
}

/** An event type is `<noun>.<past participle>`, lower case: it becomes part of a broker subject. */
const eventTypePattern = /^[a-z][a-z_]*(\.[a-z][a-z_]*)+$/;

/**
 * Records an event in the caller's transaction. The manager must be the transaction's: an event
 * written outside it could survive a change that rolled back, or be lost with one that committed.
 */
export async function recordEvent<P extends Record<string, unknown>>(
  manager: EntityManager,
  draft: EventDraft<P>,
): Promise<OutboxEvent> {
  if (!manager.queryRunner?.isTransactionActive) {
    throw new Error('recordEvent needs the manager of the transaction making the change');
  }
  if (!eventTypePattern.test(draft.type)) throw new Error(`event type ${draft.type} is not of the form noun.verbed`);
  const repository = manager.getRepository(OutboxEvent);
  // The unique (entity, sequence) index turns two writers racing for one entity into a retried
  // transaction rather than two events with one number.
  const latest = await repository
    .createQueryBuilder('event')
    .select('MAX(event.sequence)', 'sequence')
    .where('event.entityType = :entityType AND event.entityId = :entityId', {
      entityType: draft.entityType,
      entityId: draft.entityId,
    })
    .getRawOne<{ sequence: number | string | null }>();
  const event = repository.create({
    eventId: randomUUID(),
    type: draft.type,
    entityType: draft.entityType,
    entityId: draft.entityId,
    sequence: Number(latest?.sequence ?? 0) + 1,
    occurredAt: draft.occurredAt.toISOString(),
    payload: JSON.stringify(draft.payload),
  });
  return repository.save(event);
}

/**
 * Records many events in the caller's transaction with one read of the entities' latest sequences
 * and one insert: a bulk import's batch stays two statements however many rows it changed.
 */
export async function recordEvents<P extends Record<string, unknown>>(
  manager: EntityManager,
  drafts: readonly EventDraft<P>[],
): Promise<void> {
  if (drafts.length === 0) return;
  if (!manager.queryRunner?.isTransactionActive) {
    throw new Error('recordEvents needs the manager of the transaction making the change');
  }
  for (const draft of drafts)
    if (!eventTypePattern.test(draft.type)) throw new Error(`event type ${draft.type} is not of the form noun.verbed`);
  const entityTypes = [...new Set(drafts.map((draft) => draft.entityType))];
  if (entityTypes.length !== 1) throw new Error('recordEvents takes the events of one entity type');
  const ids = [...new Set(drafts.map((draft) => draft.entityId))];
  const latest = await manager
    .getRepository(OutboxEvent)
    .createQueryBuilder('event')
    .select('event.entityId', 'entityId')
    .addSelect('MAX(event.sequence)', 'sequence')
    .where('event.entityType = :entityType AND event.entityId IN (:...ids)', { entityType: entityTypes[0], ids })
    .groupBy('event.entityId')
    .getRawMany<{ entityId: string; sequence: number | string }>();
  const next = new Map(latest.map((row) => [row.entityId, Number(row.sequence)]));
  const rows = drafts.map((draft) => {
    const sequence = (next.get(draft.entityId) ?? 0) + 1;
    next.set(draft.entityId, sequence);
    return {
      eventId: randomUUID(),
      type: draft.type,
      entityType: draft.entityType,
      entityId: draft.entityId,
      sequence,
      occurredAt: draft.occurredAt.toISOString(),
      payload: JSON.stringify(draft.payload),
    };
  });
  await manager.createQueryBuilder().insert().into(OutboxEvent).values(rows).updateEntity(false).execute();
}

export function toDomainEvent(source: string, row: OutboxEvent): DomainEvent {
  return {
    eventId: row.eventId,
    source,
    type: row.type,
    entityType: row.entityType,
    entityId: row.entityId,
    sequence: row.sequence,
    occurredAt: row.occurredAt,
    payload: JSON.parse(row.payload) as Record<string, unknown>,
  };
}
