import { todayInLondon } from '../calendar';
import type { SubgraphRuntime } from '../context';
import { financialYearContaining } from '../financial-year';
import type { BackgroundWorker } from '../subgraph';

/** How often a running service looks whether a new financial year has begun. */
export const newYearCheckIntervalMs = 60 * 60 * 1000;

/**
 * Opens the new year's self-assessment returns while the service runs: start-up reconciliation
 * settles the year it starts in, but a service running across 1 April would otherwise owe nothing
 * for the new year until its next restart. Each pass compares the financial year of today with the
 * last one settled and, when it moved on, runs the modules' reconciliation, which writes only what
 * differs; a failed pass is tried again at the next one. Replicas each run it; the reconciliation's
 * lock lets them take turns, and the second writes nothing.
 */
export class NewYearReturns implements BackgroundWorker {
  private settledYear: string;
  private timer: NodeJS.Timeout | null = null;
  private stopped = true;
  private running: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly runtime: Pick<SubgraphRuntime, 'db' | 'now' | 'logger'>,
    private readonly reconcile: (runtime: Pick<SubgraphRuntime, 'db' | 'now'>) => Promise<void>,
    private readonly intervalMs = newYearCheckIntervalMs,
  ) {
    // Created once the start-up reconciliation has settled the current year.
    this.settledYear = this.yearNow();
  }

  start(): void {
    this.stopped = false;
    // Its own function, so that `stopped` is read afresh: stop() may have come while a pass ran.
    const next = () => {
      if (!this.stopped) this.timer = setTimeout(() => void tick(), this.intervalMs).unref();
    };
    const tick = async () => {
      if (this.stopped) return;
      this.running = this.pass().catch((error: unknown) =>
        this.runtime.logger.warn({ err: error }, 'new-year returns pass failed'),
      );
      await this.running;
      next();
    };
    this.timer = setTimeout(() => void tick(), this.intervalMs).unref();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  /** Settles the new year's returns if the year moved on since the last pass; says whether it did. */
  async pass(): Promise<boolean> {
    const year = this.yearNow();
    if (year === this.settledYear) return false;
    await this.reconcile(this.runtime);
    this.settledYear = year;
    this.runtime.logger.info({ financialYear: year }, "opened the new financial year's self-assessment returns");
    return true;
  }

  private yearNow(): string {
    return financialYearContaining(todayInLondon(this.runtime.now()));
  }
}
