import type { ReminderEventType } from '../webhook/webhook-event-types';

/**
 * The reminders an open obligation passes through as its due date nears and passes. Each is sent
 * once; a later one does not wait for an earlier (an obligation opened already overdue is told it is
 * overdue, not that it is due soon).
 */
export type ReminderStage = 'DUE_SOON' | 'DUE_TODAY' | 'OVERDUE' | 'STILL_OVERDUE';
export const reminderStages: readonly ReminderStage[] = ['DUE_SOON', 'DUE_TODAY', 'OVERDUE', 'STILL_OVERDUE'];

export function eventTypeOf(stage: ReminderStage): ReminderEventType {
  switch (stage) {
    case 'DUE_SOON':
      return 'obligation.due_soon';
    case 'DUE_TODAY':
      return 'obligation.due_today';
    case 'OVERDUE':
      return 'obligation.overdue';
    case 'STILL_OVERDUE':
      return 'obligation.still_overdue';
  }
}

/**
 * Who hears of it. The organisation that owes the duty is reminded; a partnership's own duty (no
 * organisation owes it alone) reminds the partnership. "Still overdue" is the escalation: it goes to
 * the owing organisation and, for a duty within a partnership, to the partnership's staff as well.
 */
export function recipientsOf(
  stage: ReminderStage,
  owner: { readonly organisationId: string | null; readonly partnershipId: string | null },
): { readonly organisationId: string | null; readonly partnershipId: string | null } {
  switch (stage) {
    case 'DUE_SOON':
    case 'DUE_TODAY':
    case 'OVERDUE':
      return owner.organisationId ? { organisationId: owner.organisationId, partnershipId: null } : owner;
    case 'STILL_OVERDUE':
      return owner;
  }
}
