import type { DataSource } from 'typeorm';
import { inTransaction, inBackground } from '../database';
import type { Logger } from '../logger';
import type { OutboxRelayMetrics } from '../observability/metrics';
import type { EventBus, EventDestination } from './event-bus';
import { OutboxEvent } from './outbox-event.entity';
import { OutboxPosition } from './outbox-position.entity';
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
 * Moves committed outbox rows to each of the bus's destinations, oldest first, each from its own
 * durable position (`OutboxPosition`): the broker on NATS, every consumer on the embedded bus. A
 * pass for one destination locks its position row (`FOR UPDATE` on MySQL; SQLite's write
 * transactions are BEGIN IMMEDIATE already), so a second replica's relay waits rather than
 * delivering the same rows out of order. It stops at the first row the destination refuses: nothing
 * behind it goes first, so every entity's order holds; the other destinations go on meanwhile, and
 * the refusing one resumes from where it stopped. A destination seen for the first time starts
 * from the outbox's first event, so a consumer added later misses nothing.
 */
export class OutboxRelay {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> = Promise.resolve();
  private stopped = false;
  /** Per destination: consecutive refusals (the pause grows with them, only the first warns) and when to try again. */
  private readonly refusals = new Map<string, { count: number; retryAt: number }>();
  /** Destinations whose position row is known to exist. */
  private readonly positioned = new Set<string>();
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

  /** Delivers what is waiting to every destination; the number of deliveries (an event to two destinations counts twice). */
  async pass(): Promise<number> {
    let delivered = 0;
    for (const destination of this.bus.destinations()) delivered += await this.passFor(destination);
    return delivered;
  }

  /** One destination's pass: the most it delivered, so the loop knows whether a batch was full. */
  private async passFor(destination: EventDestination): Promise<number> {
    const now = this.options.now ?? (() => new Date());
    return inBackground(() =>
      inTransaction(this.db, async (manager) => {
        const positions = manager.getRepository(OutboxPosition);
        if (!this.positioned.has(destination.name)) {
          await positions
            .createQueryBuilder()
            .insert()
            .values({ consumer: destination.name, position: 0, updatedAt: now().toISOString() })
            .orIgnore()
            .updateEntity(false)
            .execute();
          this.positioned.add(destination.name);
        }
        let mark = positions.createQueryBuilder('taken').where('taken.consumer = :consumer', {
          consumer: destination.name,
        });
        if (this.db.options.type !== 'better-sqlite3') mark = mark.setLock('pessimistic_write');
        const from = (await mark.getOne())?.position ?? 0;
        const rows = await manager
          .getRepository(OutboxEvent)
          .createQueryBuilder('event')
          .where('event.position > :from', { from })
          .orderBy('event.position', 'ASC')
          .limit(this.batchSize)
          .getMany();
        let reached = from;
        let delivered = 0;
        try {
          for (const row of rows) {
            await destination.deliver(toDomainEvent(this.options.source, row));
            reached = row.position;
            delivered += 1;
          }
          this.refusals.delete(destination.name);
        } catch (error) {
          this.options.metrics?.failed();
          const count = (this.refusals.get(destination.name)?.count ?? 0) + 1;
          // Refused: back off to at most 5 s, so a consumer that is down is not hammered.
          this.refusals.set(destination.name, {
            count,
            retryAt: Date.now() + Math.min(this.intervalMs * 2 ** count, 5000),
          });
          // One line per outage, not one per pass: a consumer that is down for a minute is one event.
          if (count === 1)
            this.options.logger?.warn(
              { err: error, consumer: destination.name, delivered },
              'event destination refused an event; will retry',
            );
          else
            this.options.logger?.debug(
              { err: error, consumer: destination.name, refusals: count },
              'event destination still refusing',
            );
        }
        if (delivered > 0) {
          await positions
            .createQueryBuilder()
            .update()
            .set({ position: reached, updatedAt: now().toISOString() })
            .where('consumer = :consumer', { consumer: destination.name })
            .execute();
          // Counted once the transaction that moves the position is about to commit; a rollback delivers again (at least once).
          this.options.metrics?.published(delivered);
        }
        return delivered;
      }),
    );
  }

  /**
   * Polls until stopped: each destination on its own schedule, so one that refuses waits out its
   * back-off while the others are served every interval; a destination whose batch was full goes again at once.
   */
  start(): void {
    this.stopped = false;
    // Its own function, so that `stopped` is read afresh: stop() may have come while a pass ran.
    const next = (pause: number) => {
      if (!this.stopped) this.timer = setTimeout(() => void tick(), pause).unref();
    };
    const tick = async () => {
      if (this.stopped) return;
      // Whether any destination filled its batch, so more may be waiting for it at once.
      const cycle = async (): Promise<boolean> => {
        let full = false;
        for (const destination of this.bus.destinations()) {
          if ((this.refusals.get(destination.name)?.retryAt ?? 0) > Date.now()) continue;
          if ((await this.passFor(destination)) >= this.batchSize) full = true;
        }
        return full;
      };
      const running = cycle().catch((error: unknown) => {
        this.options.metrics?.failed();
        this.options.logger?.warn({ err: error }, 'outbox relay pass failed');
        return false;
      });
      this.running = running;
      const full = await running;
      const waiting = [...this.refusals.values()].map((refusal) => refusal.retryAt - Date.now());
      const pause = full ? 0 : Math.max(0, Math.min(this.intervalMs, ...waiting));
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
