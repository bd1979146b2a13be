import type { EntityManager } from 'typeorm';
import {
  inTransaction,
  inBackground,
  MalformedEventError,
  type DomainEvent,
  type EventHandler,
  type SubgraphRuntime,
} from '@safeguarding/shared';
import { applyObligationEvent, isObligationEvent } from '../obligation-index/obligation-index.writer';
import { ReceivedEvent } from './received-event.entity';

/**
 * One step of taking an event, run in the intake's transaction after the event is recorded once.
 * The obligation index is one; other modules (webhooks, reminders) add theirs.
 */
export type IntakeStep = (manager: EntityManager, event: DomainEvent) => Promise<unknown>;

export const intakeSteps: IntakeStep[] = [
  async (manager, event) => (isObligationEvent(event) ? applyObligationEvent(manager, event) : undefined),
];

export type IntakeOutcome = 'taken' | 'repeat';

/**
 * Takes events from either bus. Delivery is at least once, so the first thing is the event id: one
 * already recorded is a repeat and changes nothing. Recording it and applying it commit together,
 * so a crash between the two leaves neither, and the redelivery does both.
 */
export class EventIntake {
  constructor(
    private readonly runtime: Pick<SubgraphRuntime, 'db' | 'now'>,
    private readonly steps: readonly IntakeStep[] = intakeSteps,
  ) {}

  async take(event: DomainEvent): Promise<IntakeOutcome> {
    assertEvent(event);
    try {
      return await inBackground(() =>
        inTransaction(this.runtime.db, async (manager) => {
          const seen = await manager.getRepository(ReceivedEvent).exists({ where: { eventId: event.eventId } });
          if (seen) return 'repeat' as const;
          await manager.insert(ReceivedEvent, {
            eventId: event.eventId,
            source: event.source,
            type: event.type,
            entityType: event.entityType,
            entityId: event.entityId,
            sequence: event.sequence,
            occurredAt: event.occurredAt,
            payload: JSON.stringify(event.payload),
            receivedAt: this.runtime.now().toISOString(),
          });
          for (const step of this.steps) await step(manager, event);
          return 'taken' as const;
        }),
      );
    } catch (error) {
      // Two deliveries of one event at once (two replicas): the unique event id lets one through.
      if (isUniqueViolation(error)) return 'repeat';
      throw error;
    }
  }

  handler(): EventHandler {
    return async (event) => {
      await this.take(event);
    };
  }
}

function assertEvent(event: DomainEvent): void {
  const text = (value: unknown, max: number) => typeof value === 'string' && value.length > 0 && value.length <= max;
  if (
    !text(event.eventId, 36) ||
    !text(event.source, 30) ||
    !text(event.type, 60) ||
    !text(event.entityType, 60) ||
    !text(event.entityId, 64) ||
    !text(event.occurredAt, 30) ||
    !Number.isInteger(event.sequence) ||
    event.sequence < 1 ||
    event.payload === null ||
    typeof event.payload !== 'object'
  ) {
    throw new MalformedEventError(
      'not an event of the outbox (eventId, source, type, entityType, entityId, sequence, occurredAt, payload)',
    );
  }
}

export function isUniqueViolation(error: unknown): boolean {
  const code =
    (error as { code?: unknown; driverError?: { code?: unknown } } | null)?.driverError?.code ??
    (error as { code?: unknown } | null)?.code;
  return code === 'ER_DUP_ENTRY' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}
