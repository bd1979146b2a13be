import type { DataSource } from 'typeorm';
import { inTransaction, inBackground } from '../database';
import type { Logger } from '../logger';
import type { OutboxRelayMetrics } from '../observability/metrics';
import type { EventBus } from './event-bus';
import { OutboxEvent } from './outbox-event.entity';
import { toDomainEvent } from './outbox';

export interface OutboxRelayOptions {
  /** The subgraph whose outbox this is; carried in every event. */
  readonly source: string;
  readonly batchSize?: number;
  readonly intervalMs?: number;
  readonly logger?: Logger;
  readonly now?: () => Date;
  /** Counts what it publishes and each pass that stops on an error (RunningSubgraph.metrics.outbox). */
  readonly metrics?: OutboxRelayMetrics;
}

/**
 * Moves committed outbox rows onto the bus, oldest first. A pass locks the batch it works on
 * (`FOR UPDATE` on MySQL; SQLite's write transactions are BEGIN IMMEDIATE already), so a second
 * replica's relay waits rather than publishing the same rows out of order. It stops at the first
 * row the bus refuses: nothing behind it is published first, so every entity's order holds.
 */
export class OutboxRelay {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> = Promise.resolve();
  private stopped = false;
  /** Consecutive passes the bus refused: the pause grows with them, and only the first is a warning. */
  private refusals = 0;
  private readonly batchSize: number;
  private readonly intervalMs: number;

  constructor(
    private readonly db: DataSource,
    private readonly bus: EventBus,
    private readonly options: OutboxRelayOptions,
  ) {
    this.batchSize = options.batchSize ?? 200;
    this.intervalMs = options.intervalMs ?? 250;
  }

  /** Publishes what is waiting; the number published. */
  async pass(): Promise<number> {
    const now = this.options.now ?? (() => new Date());
    return inBackground(() =>
      inTransaction(this.db, async (manager) => {
        let query = manager
          .getRepository(OutboxEvent)
          .createQueryBuilder('event')
          .where('event.publishedAt IS NULL')
          .orderBy('event.position', 'ASC')
          .limit(this.batchSize);
        if (this.db.options.type !== 'better-sqlite3') query = query.setLock('pessimistic_write');
        const rows = await query.getMany();
        const published: number[] = [];
        try {
          for (const row of rows) {
            await this.bus.publish(toDomainEvent(this.options.source, row));
            published.push(row.position);
          }
          this.refusals = 0;
        } catch (error) {
          this.options.metrics?.failed();
          this.refusals += 1;
          // One line per outage, not one per pass: a consumer that is down for a minute is one event.
          if (this.refusals === 1)
            this.options.logger?.warn(
              { err: error, published: published.length },
              'event bus refused an event; will retry',
            );
          else this.options.logger?.debug({ err: error, refusals: this.refusals }, 'event bus still refusing');
        }
        if (published.length > 0) {
          await manager
            .createQueryBuilder()
            .update(OutboxEvent)
            .set({ publishedAt: now().toISOString() })
            .where('position IN (:...positions)', { positions: published })
            .execute();
        }
        // Counted once the transaction that stamps them is about to commit; a rollback re-publishes (at least once).
        if (published.length > 0) this.options.metrics?.published(published.length);
        return published.length;
      }),
    );
  }

  /** Polls until stopped; a pass that filled its batch is followed at once by the next. */
  start(): void {
    this.stopped = false;
    // Its own function, so that `stopped` is read afresh: stop() may have come while a pass ran.
    const next = (pause: number) => {
      if (!this.stopped) this.timer = setTimeout(() => void tick(), pause).unref();
    };
    const tick = async () => {
      if (this.stopped) return;
      let count = 0;
      this.running = this.pass().then(
        (n) => (count = n),
        (error: unknown) => {
          this.options.metrics?.failed();
          this.options.logger?.warn({ err: error }, 'outbox relay pass failed');
        },
      );
      await this.running;
      // Refused: back off to at most 5 s, so a consumer that is down is not hammered.
      const pause =
        this.refusals > 0
          ? Math.min(this.intervalMs * 2 ** this.refusals, 5000)
          : count >= this.batchSize
            ? 0
            : this.intervalMs;
      next(pause);
    };
    this.timer = setTimeout(() => void tick(), 0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }
}
