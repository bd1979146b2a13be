import type { SubgraphDefinition } from '@safeguarding/shared';
import { DeadlinePreviewResolver } from './deadline-preview/deadline-preview.resolver';
import { EventIntake, intakeSteps } from './event-intake/event-intake.service';
import { ReceivedEvent } from './event-intake/received-event.entity';
import { PartnershipWhatIsDueResolver } from './external/partnership.resolver';
import { PartnershipReference } from './external/partnership.type';
import { IndexedObligation } from './obligation-index/indexed-obligation.entity';
import { ObligationAudienceEntry } from './obligation-index/obligation-audience.entity';
import { ObligationConnectionResolver, WhatIsDueResolver } from './obligation-index/obligation-index.resolver';
import { rebuildObligationIndex } from './obligation-index/obligation-index.rebuild';
import { obligationReference } from './obligation-index/obligation.reference';
import { Obligation } from './obligation-index/obligation.type';
import { migrations } from './migrations';
import { ReminderScheduler } from './reminder/reminder.scheduler';
import { SchedulerLease } from './reminder/scheduler-lease.entity';
import { SentReminder } from './reminder/sent-reminder.entity';
import { WebhookDelivery } from './webhook/webhook-delivery.entity';
import { WebhookDispatcher } from './webhook/webhook-dispatcher';
import { WebhookEndpoint } from './webhook/webhook-endpoint.entity';
import { webhookIntakeStep } from './webhook/webhook-intake';
import { WebhookResolver } from './webhook/webhook.resolver';
import { configureWebhooks } from './webhook/webhook-settings';

/**
 * The sixth service: what no domain subgraph should own. It reads no other service's tables; it
 * knows the others only by the events their outboxes relay (obligation.* and the domain events).
 */
export const notificationsSubgraph: SubgraphDefinition = {
  name: 'notifications',
  entities: [
    ReceivedEvent,
    IndexedObligation,
    ObligationAudienceEntry,
    WebhookEndpoint,
    WebhookDelivery,
    SentReminder,
    SchedulerLease,
  ],
  migrations,
  resolvers: [
    WhatIsDueResolver,
    ObligationConnectionResolver,
    PartnershipWhatIsDueResolver,
    DeadlinePreviewResolver,
    WebhookResolver,
  ],
  orphanedTypes: [PartnershipReference, Obligation],
  references: {
    Obligation: obligationReference,
  },
  partnershipType: PartnershipReference,
  // The index is built from events and the reminder scheduler works from it on its own timer
  // (its lease, the reminders sent). Webhook deliveries are not here: redeliverWebhook writes them.
  backgroundEntities: [ReceivedEvent, IndexedObligation, ObligationAudienceEntry, SchedulerLease, SentReminder],
  // The index is rebuilt from the events already taken wherever it says less than they do (see rebuildObligationIndex).
  reconcileObligations: async (runtime) => {
    const outcome = await rebuildObligationIndex(runtime);
    if (outcome.reapplied + outcome.audiencesRewritten > 0)
      runtime.logger.info(outcome, 'obligation index rebuilt from events taken');
  },
  takeEvents: (runtime) => new EventIntake(runtime, [...intakeSteps, webhookIntakeStep(runtime)]).handler(),
  workers: (runtime, config) => {
    const webhooks = configureWebhooks(runtime.db, config);
    return {
      webhooks: new WebhookDispatcher(runtime.db, { ...webhooks, now: runtime.now, logger: runtime.logger }),
      reminders: new ReminderScheduler(
        runtime.db,
        runtime.calendar,
        {
          dueSoonWorkingDays: config.REMINDER_DUE_SOON_WORKING_DAYS,
          dueSoonByKind: config.REMINDER_DUE_SOON_BY_KIND,
          stillOverdueWorkingDays: config.REMINDER_STILL_OVERDUE_WORKING_DAYS,
        },
        { now: runtime.now, intervalMs: config.REMINDER_INTERVAL_MS, logger: runtime.logger },
      ),
    };
  },
};
