import type { DataSource, EntityManager } from 'typeorm';
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
 * durable position (`OutboxPosition`): the broker on NATS, every consumer on the embedded bus. On
 * MySQL a pass for one destination locks its position row (`FOR UPDATE`), so a second replica's
 * relay waits rather than delivering the same rows out of order; on SQLite it posts outside any
 * transaction and moves the position by compare and set (see `passOutsideTransaction`). It stops at the first row the destination refuses: nothing
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
  private passFor(destination: EventDestination): Promise<number> {
    return inBackground(() =>
      this.db.options.type === 'better-sqlite3'
        ? this.passOutsideTransaction(destination)
        : this.passLocked(destination),
    );
  }

  /**
   * MySQL: the position row stays locked while the batch is posted, so a second replica's relay waits
   * for it rather than sending the same rows again or overtaking them.
   */
  private passLocked(destination: EventDestination): Promise<number> {
    return inTransaction(this.db, async (manager) => {
      await this.ensurePosition(manager, destination);
      const from = await this.positionOf(manager, destination, true);
      const rows = await this.batchAfter(manager, from);
      const { reached, delivered } = await this.deliver(destination, rows, from);
      if (delivered > 0) {
        await this.moveTo(manager, destination, reached);
        // Counted once the transaction that moves the position is about to commit; a rollback delivers again (at least once).
        this.options.metrics?.published(delivered);
      }
      return delivered;
    });
  }

  /**
   * SQLite: the process's writes take turns (one connection), so a transaction held across a post
   * would hold every write of this subgraph for as long as the consumer takes to answer. The batch is
   * read in one short turn (a turn, not a bare read, so that no other transaction's uncommitted rows
   * are seen on the shared connection), posted outside it, and the position moved in a second short
   * turn only if it is still where it was read (compare and set). Where another relay moved it
   * meanwhile, the batch went twice: at least once still holds, consumers deduplicate on the event id,
   * and neither relay skips an event, so each entity's order holds.
   */
  private async passOutsideTransaction(destination: EventDestination): Promise<number> {
    const { from, rows } = await inTransaction(this.db, async (manager) => {
      await this.ensurePosition(manager, destination);
      const at = await this.positionOf(manager, destination, false);
      return { from: at, rows: await this.batchAfter(manager, at) };
    });
    const { reached, delivered } = await this.deliver(destination, rows, from);
    if (delivered === 0) return 0;
    const moved = await inTransaction(this.db, (manager) => this.moveTo(manager, destination, reached, from));
    if (moved) this.options.metrics?.published(delivered);
    else
      this.options.logger?.debug(
        { consumer: destination.name, from, reached },
        'another relay moved the position during this pass; its batch was delivered again',
      );
    return delivered;
  }

  private async ensurePosition(manager: EntityManager, destination: EventDestination): Promise<void> {
    if (this.positioned.has(destination.name)) return;
    await manager
      .getRepository(OutboxPosition)
      .createQueryBuilder()
      .insert()
      .values({ consumer: destination.name, position: 0, updatedAt: this.now().toISOString() })
      .orIgnore()
      .updateEntity(false)
      .execute();
    this.positioned.add(destination.name);
  }

  private async positionOf(manager: EntityManager, destination: EventDestination, lock: boolean): Promise<number> {
    let mark = manager
      .getRepository(OutboxPosition)
      .createQueryBuilder('taken')
      .where('taken.consumer = :consumer', { consumer: destination.name });
    if (lock) mark = mark.setLock('pessimistic_write');
    return (await mark.getOne())?.position ?? 0;
  }

  private batchAfter(manager: EntityManager, from: number): Promise<OutboxEvent[]> {
    return manager
      .getRepository(OutboxEvent)
      .createQueryBuilder('event')
      .where('event.position > :from', { from })
      .orderBy('event.position', 'ASC')
      .limit(this.batchSize)
      .getMany();
  }

  /**
   * Moves the destination's position to `reached`; with `expected`, only if it is still there.
   * True when the row moved.
   */
  private async moveTo(
    manager: EntityManager,
    destination: EventDestination,
    reached: number,
    expected?: number,
  ): Promise<boolean> {
    let update = manager
      .getRepository(OutboxPosition)
      .createQueryBuilder()
      .update()
      .set({ position: reached, updatedAt: this.now().toISOString() })
      .where('consumer = :consumer', { consumer: destination.name });
    if (expected !== undefined) update = update.andWhere('position = :expected', { expected });
    const result = await update.execute();
    return (result.affected ?? 0) > 0;
  }

  /** Posts the rows in order, stopping at the first refusal; how far it got. */
  private async deliver(
    destination: EventDestination,
    rows: readonly OutboxEvent[],
    from: number,
  ): Promise<{ reached: number; delivered: number }> {
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
    return { reached, delivered };
  }

  private now(): Date {
    return (this.options.now ?? (() => new Date()))();
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
