import { Webhook } from 'standardwebhooks';
import type { DataSource, EntityManager } from 'typeorm';
import { inTransaction, inBackground, type Logger } from '@safeguarding/shared';
import { endpointDisabledEventType } from './webhook-event-types';
import { WebhookDelivery } from './webhook-delivery.entity';
import { WebhookEndpoint } from './webhook-endpoint.entity';
import { queueMessage } from './webhook-fanout';
import { nextAttemptAfter } from './webhook-retry';
import { assertPublicDestination, UnsafeDestinationError, type WebhookUrlPolicy } from './webhook-url';

export interface WebhookDispatcherOptions {
  readonly policy: WebhookUrlPolicy;
  /** How long a receiver may take to answer one attempt. */
  readonly timeoutMs: number;
  /** Failed attempts in a row after which an endpoint is switched off and its owner told. */
  readonly disableAfterFailures: number;
  readonly intervalMs: number;
  /** Deliveries in flight at once across all endpoints, from this replica. */
  readonly concurrency: number;
  readonly now: () => Date;
  readonly logger: Logger;
}

type Outcome = { ok: true; status: number } | { ok: false; status: number | null; error: string };

/**
 * Sends queued deliveries. Each endpoint has at most one attempt in flight, and attempts run side by
 * side, so a receiver that answers slowly or never delays only its own messages. A replica leases
 * what it sends (claimed with SKIP LOCKED on MySQL), so two replicas never send one message at once.
 */
export class WebhookDispatcher {
  private readonly busy = new Set<string>();
  private readonly inFlight = new Set<Promise<void>>();
  private timer: NodeJS.Timeout | null = null;
  // Passes may be driven by hand without start(); stop() ends both.
  private stopped = false;
  private passing: Promise<number> | null = null;
  private again = false;

  constructor(
    private readonly db: DataSource,
    private readonly options: WebhookDispatcherOptions,
  ) {}

  start(): void {
    this.stopped = false;
    // Its own function, so that `stopped` is read afresh: stop() may have come while a pass ran.
    const next = () => {
      if (!this.stopped) this.timer = setTimeout(() => void tick(), this.options.intervalMs).unref();
    };
    const tick = async () => {
      if (this.stopped) return;
      await this.pass().catch((error: unknown) =>
        this.options.logger.warn({ err: error }, 'webhook dispatch pass failed'),
      );
      next();
    };
    this.timer = setTimeout(() => void tick(), 0).unref();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.passing;
    await Promise.allSettled([...this.inFlight]);
  }

  /**
   * Claims what is due and starts sending it; the number started. Does not wait for the answers.
   * A pass asked for while one runs is run after it, so an endpoint freed meanwhile is not missed.
   */
  pass(): Promise<number> {
    if (this.passing) {
      this.again = true;
      return this.passing;
    }
    this.passing = this.claimAndSend().finally(() => {
      this.passing = null;
      if (this.again && !this.stopped) {
        this.again = false;
        void this.pass();
      }
    });
    return this.passing;
  }

  /** Resolves once nothing due is left to send or in flight (for tests and shutdown). */
  async settled(): Promise<void> {
    while (this.inFlight.size > 0 || this.passing) {
      await Promise.allSettled([...this.inFlight, ...(this.passing ? [this.passing] : [])]);
    }
  }

  private async claimAndSend(): Promise<number> {
    const room = this.options.concurrency - this.inFlight.size;
    if (room <= 0) return 0;
    const claimed = await this.claim(room);
    for (const { delivery, endpoint } of claimed) {
      this.busy.add(endpoint.id);
      const attempt: Promise<void> = this.attempt(delivery, endpoint)
        .then(
          // An endpoint that answered takes its next message at once rather than at the next tick,
          // so a burst drains at the receiver's pace; one that failed waits for its retry.
          (ok) => ok,
          (error: unknown) => {
            this.options.logger.warn({ err: error, deliveryId: delivery.id }, 'webhook attempt not recorded');
            return false;
          },
        )
        .then((ok) => {
          this.busy.delete(endpoint.id);
          this.inFlight.delete(attempt);
          if (ok && !this.stopped) void this.pass();
        });
      this.inFlight.add(attempt);
    }
    return claimed.length;
  }

  private async claim(room: number): Promise<Array<{ delivery: WebhookDelivery; endpoint: WebhookEndpoint }>> {
    const now = this.options.now();
    const leaseUntil = new Date(now.getTime() + this.options.timeoutMs + 30_000).toISOString();
    return inBackground(() =>
      inTransaction(this.db, async (manager) => {
        let query = manager
          .getRepository(WebhookDelivery)
          .createQueryBuilder('delivery')
          .innerJoin(WebhookEndpoint, 'endpoint', 'endpoint.id = delivery.endpointId AND endpoint.status = :active', {
            active: 'ACTIVE',
          })
          .where('delivery.status = :pending', { pending: 'PENDING' })
          .andWhere('delivery.nextAttemptAt <= :now', { now: now.toISOString() })
          .andWhere('(delivery.leaseUntil IS NULL OR delivery.leaseUntil < :now)')
          .orderBy('delivery.nextAttemptAt', 'ASC')
          .addOrderBy('delivery.createdAt', 'ASC')
          .addOrderBy('delivery.id', 'ASC')
          .limit(Math.max(room * 4, 20));
        if (this.busy.size > 0)
          query = query.andWhere('delivery.endpointId NOT IN (:...busy)', { busy: [...this.busy] });
        if (this.db.options.type !== 'better-sqlite3')
          query = query.setLock('pessimistic_write').setOnLocked('skip_locked');
        const candidates = await query.getMany();
        // One per endpoint, oldest first, so an endpoint's messages go in the order they were queued.
        const chosen = new Map<string, WebhookDelivery>();
        for (const delivery of candidates) {
          if (chosen.size >= room) break;
          if (!chosen.has(delivery.endpointId)) chosen.set(delivery.endpointId, delivery);
        }
        if (chosen.size === 0) return [];
        const ids = [...chosen.values()].map((delivery) => delivery.id);
        await manager
          .createQueryBuilder()
          .update(WebhookDelivery)
          .set({ leaseUntil })
          .where('id IN (:...ids)', { ids })
          .execute();
        const endpoints = await manager.getRepository(WebhookEndpoint).findBy([...chosen.keys()].map((id) => ({ id })));
        const byId = new Map(endpoints.map((endpoint) => [endpoint.id, endpoint]));
        return [...chosen.values()].flatMap((delivery) => {
          const endpoint = byId.get(delivery.endpointId);
          return endpoint ? [{ delivery, endpoint }] : [];
        });
      }),
    );
  }

  private async attempt(delivery: WebhookDelivery, endpoint: WebhookEndpoint): Promise<boolean> {
    const outcome = await this.send(delivery, endpoint);
    await this.record(delivery.id, endpoint.id, outcome);
    return outcome.ok;
  }

  private async send(delivery: WebhookDelivery, endpoint: WebhookEndpoint): Promise<Outcome> {
    const url = new URL(endpoint.url);
    try {
      await assertPublicDestination(url, this.options.policy);
    } catch (error) {
      return {
        ok: false,
        status: null,
        error:
          error instanceof UnsafeDestinationError ? 'refused: address not public' : 'refused: name did not resolve',
      };
    }
    // The signature's timestamp is the wall clock of sending: receivers check it against their own
    // clock to refuse replays, so it cannot be a business date.
    const sentAt = new Date();
    const signature = new Webhook(endpoint.secret.replace(/^whsec_/, '')).sign(delivery.id, sentAt, delivery.body);
    try {
      const response = await fetch(url, {
        method: 'POST',
        redirect: 'manual',
        signal: AbortSignal.timeout(this.options.timeoutMs),
        headers: {
          'content-type': 'application/json',
          'user-agent': 'safeguarding-graph-webhooks/1',
          'webhook-id': delivery.id,
          'webhook-timestamp': String(Math.floor(sentAt.getTime() / 1000)),
          'webhook-signature': signature,
        },
        body: delivery.body,
      });
      // Only the status matters; the body is drained so the socket can be reused, and never stored.
      await response.body?.cancel().catch(() => undefined);
      return response.status >= 200 && response.status < 300
        ? { ok: true, status: response.status }
        : { ok: false, status: response.status, error: `answered ${response.status}` };
    } catch (error) {
      const name = (error as { name?: string }).name;
      return {
        ok: false,
        status: null,
        error: name === 'TimeoutError' ? `no answer within ${this.options.timeoutMs} ms` : 'could not connect',
      };
    }
  }

  private async record(id: string, endpointId: string, outcome: Outcome): Promise<void> {
    const now = this.options.now();
    await inBackground(() =>
      inTransaction(this.db, async (manager) => {
        const delivery = await manager.getRepository(WebhookDelivery).findOneByOrFail({ id });
        const endpoint = await manager.getRepository(WebhookEndpoint).findOneByOrFail({ id: endpointId });
        delivery.attempts += 1;
        delivery.lastAttemptAt = now.toISOString();
        delivery.lastResponseCode = outcome.status;
        delivery.leaseUntil = null;
        if (outcome.ok) {
          delivery.status = 'SUCCEEDED';
          delivery.lastError = null;
          endpoint.consecutiveFailures = 0;
        } else {
          delivery.lastError = outcome.error;
          const next = nextAttemptAfter(delivery.attempts, now);
          if (next) delivery.nextAttemptAt = next.toISOString();
          else delivery.status = 'FAILED';
          endpoint.consecutiveFailures += 1;
          if (endpoint.status === 'ACTIVE' && endpoint.consecutiveFailures >= this.options.disableAfterFailures) {
            await this.disable(manager, endpoint, now);
          }
        }
        await manager.save([delivery, endpoint]);
      }),
    );
  }

  /** Switches the endpoint off and tells its owner through the owner's other endpoints. */
  private async disable(manager: EntityManager, endpoint: WebhookEndpoint, now: Date): Promise<void> {
    endpoint.status = 'DISABLED';
    endpoint.disabledAt = now.toISOString();
    endpoint.disabledReason = `${endpoint.consecutiveFailures} attempts in a row failed`;
    this.options.logger.warn(
      { endpointId: endpoint.id, failures: endpoint.consecutiveFailures },
      'webhook endpoint disabled after failures',
    );
    const siblings = await manager
      .getRepository(WebhookEndpoint)
      .createQueryBuilder('endpoint')
      .where('endpoint.status = :active AND endpoint.id <> :id', { active: 'ACTIVE', id: endpoint.id })
      .andWhere(
        endpoint.partnershipId
          ? 'endpoint.partnershipId = :owner'
          : 'endpoint.organisationId = :owner AND endpoint.partnershipId IS NULL',
        { owner: endpoint.partnershipId ?? endpoint.organisationId },
      )
      .getMany();
    const messageKey = `disabled:${endpoint.id}:${endpoint.disabledAt}`;
    await queueMessage(
      manager,
      siblings,
      messageKey,
      {
        type: endpointDisabledEventType,
        timestamp: now.toISOString(),
        data: { endpointId: endpoint.id, reason: endpoint.disabledReason },
      },
      now,
    );
  }
}
