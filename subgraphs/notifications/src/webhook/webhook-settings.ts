import type { DataSource } from 'typeorm';
import type { SubgraphConfig } from '@safeguarding/shared';
import { webhookUrlPolicy, type WebhookUrlPolicy } from './webhook-url';

export interface WebhookSettings {
  readonly policy: WebhookUrlPolicy;
  readonly timeoutMs: number;
  readonly disableAfterFailures: number;
  readonly intervalMs: number;
  readonly concurrency: number;
}

// Per running service (keyed by its database), so two graphs in one process keep their own.
const settings = new WeakMap<DataSource, WebhookSettings>();

export function configureWebhooks(db: DataSource, config: SubgraphConfig): WebhookSettings {
  const value: WebhookSettings = {
    policy: webhookUrlPolicy(config.NODE_ENV),
    timeoutMs: config.WEBHOOK_TIMEOUT_MS,
    disableAfterFailures: config.WEBHOOK_DISABLE_AFTER_FAILURES,
    intervalMs: config.WEBHOOK_DISPATCH_INTERVAL_MS,
    concurrency: config.WEBHOOK_CONCURRENCY,
  };
  settings.set(db, value);
  return value;
}

/** Production's rules unless the service was configured: the safe default. */
export function webhookSettingsOf(db: DataSource): WebhookSettings {
  return (
    settings.get(db) ?? {
      policy: webhookUrlPolicy('production'),
      timeoutMs: 10_000,
      disableAfterFailures: 15,
      intervalMs: 1000,
      concurrency: 16,
    }
  );
}
