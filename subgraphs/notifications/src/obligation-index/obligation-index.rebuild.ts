import { In, type EntityManager } from 'typeorm';
import {
  inBackground,
  inTransaction,
  type DomainEvent,
  type ObligationEventPayload,
  type SubgraphRuntime,
} from '@safeguarding/shared';
import { isUniqueViolation } from '../event-intake/event-intake.service';
import { ReceivedEvent } from '../event-intake/received-event.entity';
import { ObligationAudienceEntry } from './obligation-audience.entity';
import { IndexedObligation } from './indexed-obligation.entity';
import { applyObligationEvent, audienceEntries, isObligationEvent, ownerAdmission } from './obligation-index.writer';

/** Obligations per rebuild batch: three reads a batch, writes only for what differs. */
export const rebuildBatchSize = 500;

export interface RebuildOutcome {
  /** Obligations whose row was missing or older than the latest event taken, applied again. */
  readonly reapplied: number;
  /** Obligations whose row was current but whose audience rows said otherwise, rewritten. */
  readonly audiencesRewritten: number;
}

/**
 * Brings the index back to what the events already taken say, without waiting for new ones. The
 * intake log keeps every obligation event with the owner's whole audience, so the latest one per
 * obligation is the truth: an index written before organisation groups were stored (local
 * authorities then missed file transfers), emptied to be rebuilt, or left behind by a crash of an
 * older release, is corrected here. Run at every start, it reads three statements a batch and
 * writes nothing when the index already agrees.
 */
export async function rebuildObligationIndex(runtime: Pick<SubgraphRuntime, 'db'>): Promise<RebuildOutcome> {
  let reapplied = 0;
  let audiencesRewritten = 0;
  let after = '';
  const mysql = runtime.db.options.type !== 'better-sqlite3';
  for (;;) {
    const batch = await inBackground(() =>
      withOneRetry(() => inTransaction(runtime.db, (manager) => rebuildBatch(manager, after, mysql))),
    );
    reapplied += batch.reapplied;
    audiencesRewritten += batch.audiencesRewritten;
    if (batch.last === null) return { reapplied, audiencesRewritten };
    after = batch.last;
  }
}

async function rebuildBatch(
  manager: EntityManager,
  after: string,
  mysql: boolean,
): Promise<RebuildOutcome & { readonly last: string | null }> {
  const latest = await latestObligationEvents(manager, after, rebuildBatchSize);
  if (latest.length === 0) return { reapplied: 0, audiencesRewritten: 0, last: null };
  const ids = latest.map((event) => event.entityId);
  // Locked on MySQL, so another replica's intake applying a newer event waits for this batch and then wins.
  const indexed = await manager.getRepository(IndexedObligation).find({
    where: { id: In(ids) },
    select: { id: true, sequence: true },
    ...(mysql ? { lock: { mode: 'pessimistic_write' as const } } : {}),
  });
  const sequences = new Map(indexed.map((row) => [row.id, row.sequence]));
  const stored = new Map<string, Set<string>>();
  for (const entry of await manager.getRepository(ObligationAudienceEntry).findBy({ obligationId: In(ids) })) {
    const keys = stored.get(entry.obligationId) ?? new Set<string>();
    keys.add(audienceKey(entry));
    stored.set(entry.obligationId, keys);
  }
  let reapplied = 0;
  let audiencesRewritten = 0;
  for (const received of latest) {
    const event = asDomainEvent(received);
    if (!isObligationEvent(event)) continue;
    const sequence = sequences.get(received.entityId);
    if (sequence === undefined || sequence < received.sequence) {
      await applyObligationEvent(manager, event);
      reapplied += 1;
      continue;
    }
    // Newer than any event kept: nothing here to say otherwise.
    if (sequence > received.sequence) continue;
    const payload = event.payload as unknown as ObligationEventPayload;
    const wanted = audienceEntries(received.entityId, payload.audience);
    const have = stored.get(received.entityId) ?? new Set<string>();
    if (wanted.length === have.size && wanted.every((entry) => have.has(audienceKey(entry)))) continue;
    await manager.delete(ObligationAudienceEntry, { obligationId: received.entityId });
    if (wanted.length > 0) await manager.insert(ObligationAudienceEntry, wanted);
    await manager.update(IndexedObligation, { id: received.entityId }, ownerAdmission(payload.owner, wanted));
    audiencesRewritten += 1;
  }
  const last = latest[latest.length - 1]?.entityId ?? null;
  return { reapplied, audiencesRewritten, last: latest.length < rebuildBatchSize ? null : last };
}

/** The latest event taken for each obligation after `after`, in id order, in one statement. */
async function latestObligationEvents(manager: EntityManager, after: string, limit: number): Promise<ReceivedEvent[]> {
  const rows = await manager
    .getRepository(ReceivedEvent)
    .createQueryBuilder('e')
    .where('e.entityType = :entityType', { entityType: 'Obligation' })
    .andWhere('e.entityId > :after', { after })
    .andWhere(
      (query) =>
        `e.sequence = ${query
          .subQuery()
          .select('MAX(l.sequence)')
          .from(ReceivedEvent, 'l')
          .where('l.entityType = e.entityType')
          .andWhere('l.entityId = e.entityId')
          .getQuery()}`,
    )
    .orderBy('e.entityId', 'ASC')
    .limit(limit)
    .getMany();
  // One event per obligation even if two were taken with one sequence.
  const seen = new Set<string>();
  return rows.filter((row) => !seen.has(row.entityId) && seen.add(row.entityId));
}

function asDomainEvent(received: ReceivedEvent): DomainEvent {
  return {
    eventId: received.eventId,
    source: received.source,
    type: received.type,
    entityType: received.entityType,
    entityId: received.entityId,
    sequence: received.sequence,
    occurredAt: received.occurredAt,
    payload: JSON.parse(received.payload) as DomainEvent['payload'],
  };
}

function audienceKey(entry: Pick<ObligationAudienceEntry, 'clause' | 'value' | 'groupIndex'>): string {
  return `${entry.clause}\u0000${entry.value}\u0000${String(entry.groupIndex)}`;
}

/** Another replica's intake may insert an obligation this batch found missing: the batch runs again and sees it. */
async function withOneRetry<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    return work();
  }
}
