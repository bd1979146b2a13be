import { createHash } from 'node:crypto';
import type { EscalationEvent } from './escalation-event.entity';
import { EscalationHistoryChain } from './escalation-event.entity';

export const genesisHash = '0'.repeat(64);

/** Every field but the hash, in a fixed order, normalised so both databases hash the same content. */
export function eventDigest(event: Omit<EscalationEvent, 'hash' | 'agreedActions'>): string {
  const content = [
    event.id,
    event.streamType,
    event.streamId,
    event.partnershipId,
    Number(event.sequence),
    event.kind,
    event.occurredAt,
    event.occurredOn,
    event.subject,
    event.organisationId,
    event.organisationKind,
    event.fromStage === null ? null : Number(event.fromStage),
    event.toStage === null ? null : Number(event.toStage),
    event.stageName,
    event.stageDueOn,
    event.stageDueRule,
    event.stageDueProvisional === null ? null : Boolean(event.stageDueProvisional),
    event.reason,
    event.outcome,
    event.agreedActionsJson,
    event.previousHash,
    // Appended only when kept, so events written before it existed hash as they did.
    ...(event.occurredOnSource ? [event.occurredOnSource] : []),
  ];
  return createHash('sha256').update(JSON.stringify(content)).digest('hex');
}

/** Walks one history in order; the first event that was edited, removed or reordered is the break. */
export function verifyHistory(events: readonly EscalationEvent[]): EscalationHistoryChain {
  const chain = new EscalationHistoryChain();
  chain.events = events.length;
  chain.intact = true;
  chain.brokenAtSequence = null;
  let previousHash = genesisHash;
  let expected = 1;
  for (const event of [...events].sort((a, b) => a.sequence - b.sequence)) {
    if (
      Number(event.sequence) !== expected ||
      event.previousHash !== previousHash ||
      eventDigest(event) !== event.hash
    ) {
      chain.intact = false;
      chain.brokenAtSequence = Number(event.sequence);
      return chain;
    }
    previousHash = event.hash;
    expected += 1;
  }
  return chain;
}
