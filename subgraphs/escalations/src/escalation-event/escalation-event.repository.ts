import { Between, In, type EntityManager } from 'typeorm';
import { countPerParent, firstPerParent, newId, type AccessScope, type SortKey } from '@safeguarding/shared';
import { eventDigest, genesisHash } from './escalation-event.chain';
import { EscalationEvent, EscalationEventKind, EscalationStreamType } from './escalation-event.entity';

/** What a service says happened; the repository adds the id, the place in the history and the hashes. */
export type EscalationEventDraft = Omit<EscalationEvent, 'id' | 'sequence' | 'previousHash' | 'hash' | 'agreedActions'>;

/** A history in the order it was written; the sequence is unique within a stream, the id across them. */
export const historyOrder: readonly SortKey<EscalationEvent>[] = [
  { column: 'event.sequence', value: (e) => String(e.sequence) },
  { column: 'event.id', value: (e) => e.id },
];

/** Learning notes in the order they were recorded; the id makes the order total. */
export const learningNoteOrder: readonly SortKey<EscalationEvent>[] = [
  { column: 'event.occurredOn', value: (e) => e.occurredOn },
  { column: 'event.occurredAt', value: (e) => e.occurredAt },
  { column: 'event.id', value: (e) => e.id },
];

/**
 * The history is the record: this repository only reads and appends. There is deliberately no
 * update or delete here, and no mutation in the graph leads to one.
 */
export class EscalationEventRepository {
  constructor(
    private readonly manager: EntityManager,
    // Events are only ever read through an escalation the caller could see, or by staff the service checked.
    readonly scope: AccessScope,
  ) {}

  ofStreams(streamIds: readonly string[]): Promise<EscalationEvent[]> {
    return this.manager.find(EscalationEvent, {
      where: { streamId: In([...streamIds]) },
      order: { streamId: 'ASC', sequence: 'ASC' },
    });
  }

  private ofStreamsQuery(streamIds: readonly string[]) {
    return this.manager.createQueryBuilder(EscalationEvent, 'event').where({ streamId: In([...streamIds]) });
  }

  /** Each stream's page of its history, for all of them in one statement. */
  pagesOfStreams(
    streamIds: readonly string[],
    after: readonly string[] | null,
    limit: number,
  ): Promise<EscalationEvent[]> {
    return firstPerParent(this.ofStreamsQuery(streamIds), {
      id: 'event.id',
      parent: 'event.streamId',
      parents: streamIds.length,
      order: historyOrder,
      after,
      limit,
    }).getMany();
  }

  countsOfStreams(streamIds: readonly string[]): Promise<Map<string, number>> {
    return countPerParent(this.ofStreamsQuery(streamIds), 'event.streamId');
  }

  private learningNotesQuery(partnershipIds: readonly string[], from: string, to: string) {
    return this.manager.createQueryBuilder(EscalationEvent, 'event').where({
      partnershipId: In([...partnershipIds]),
      streamType: EscalationStreamType.PROFESSIONAL_DISAGREEMENT,
      kind: EscalationEventKind.LEARNING_NOTE,
      occurredOn: Between(from, to),
    });
  }

  /** Each partnership's page of learning notes recorded in a period, for all of them in one statement. */
  learningNotePages(
    partnershipIds: readonly string[],
    from: string,
    to: string,
    after: readonly string[] | null,
    limit: number,
  ): Promise<EscalationEvent[]> {
    return firstPerParent(this.learningNotesQuery(partnershipIds, from, to), {
      id: 'event.id',
      parent: 'event.partnershipId',
      parents: partnershipIds.length,
      order: learningNoteOrder,
      after,
      limit,
    }).getMany();
  }

  learningNoteCounts(partnershipIds: readonly string[], from: string, to: string): Promise<Map<string, number>> {
    return countPerParent(this.learningNotesQuery(partnershipIds, from, to), 'event.partnershipId');
  }

  /**
   * Appends at the end of the history, chained to the last event. Call inside the transaction that
   * also moves the escalation on: the unique (streamId, sequence) index refuses a concurrent twin.
   */
  async append(draft: EscalationEventDraft): Promise<EscalationEvent> {
    const [last] = await this.manager.find(EscalationEvent, {
      where: { streamId: draft.streamId },
      order: { sequence: 'DESC' },
      take: 1,
    });
    const event = Object.assign(new EscalationEvent(), {
      ...draft,
      id: newId(),
      sequence: last ? Number(last.sequence) + 1 : 1,
      previousHash: last?.hash ?? genesisHash,
    });
    event.hash = eventDigest(event);
    await this.manager.insert(EscalationEvent, event);
    return event;
  }
}
