import { Between, In, type EntityManager } from 'typeorm';
import { newId, type AccessScope } from '@safeguarding/shared';
import { eventDigest, genesisHash } from './escalation-event.chain';
import { EscalationEvent, EscalationEventKind, EscalationStreamType } from './escalation-event.entity';

/** What a service says happened; the repository adds the id, the place in the history and the hashes. */
export type EscalationEventDraft = Omit<EscalationEvent, 'id' | 'sequence' | 'previousHash' | 'hash' | 'agreedActions'>;

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

  learningNotes(partnershipIds: readonly string[], from: string, to: string): Promise<EscalationEvent[]> {
    return this.manager.find(EscalationEvent, {
      where: {
        partnershipId: In([...partnershipIds]),
        streamType: EscalationStreamType.PROFESSIONAL_DISAGREEMENT,
        kind: EscalationEventKind.LEARNING_NOTE,
        occurredOn: Between(from, to),
      },
      order: { occurredOn: 'ASC', occurredAt: 'ASC', id: 'ASC' },
    });
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
