import { domainEventTypes, obligationEventTypes } from '@safeguarding/shared';

/** The reminders the scheduler sends about an open obligation (see reminder/). */
export const reminderEventTypes = [
  'obligation.due_soon',
  'obligation.due_today',
  'obligation.overdue',
  'obligation.still_overdue',
] as const;
export type ReminderEventType = (typeof reminderEventTypes)[number];

/** Told to an owner's other endpoints when one of its endpoints is switched off after failures. */
export const endpointDisabledEventType = 'webhook.endpoint_disabled';

/** Every type an endpoint may choose. */
export const webhookEventTypes: readonly string[] = [
  ...obligationEventTypes,
  ...reminderEventTypes,
  ...domainEventTypes,
  endpointDisabledEventType,
];
