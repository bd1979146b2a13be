import { allowedFrom, TransitionRefusedError } from '@safeguarding/shared';
import { NotificationStatus } from './serious-incident-notification.entity';

/** A notification is drafted, then sent once; a rapid review can open only from a sent one. */
export type NotificationTransition =
  { readonly kind: 'send'; readonly dateNotified: string } | { readonly kind: 'openRapidReview' };

const from: Record<NotificationTransition['kind'], readonly NotificationStatus[]> = {
  send: [NotificationStatus.DRAFT],
  openRapidReview: [NotificationStatus.SENT],
};

export function allowedNotificationTransitions(current: NotificationStatus): NotificationTransition['kind'][] {
  return allowedFrom(current, from);
}

export function notificationRefusal(current: NotificationStatus, message: string): TransitionRefusedError {
  return new TransitionRefusedError(
    `notification is ${current}: ${message}`,
    current,
    allowedNotificationTransitions(current),
  );
}

/** The status a transition leads to; refuses one the current status does not allow. */
export function nextNotificationStatus(
  current: NotificationStatus,
  transition: NotificationTransition,
): NotificationStatus {
  switch (transition.kind) {
    case 'send':
      if (current !== NotificationStatus.DRAFT)
        throw notificationRefusal(current, 'it was sent already and cannot be sent again');
      return NotificationStatus.SENT;
    case 'openRapidReview':
      if (current !== NotificationStatus.SENT) {
        throw notificationRefusal(
          current,
          'a rapid review opens only once the notification has been sent (record dateNotified first)',
        );
      }
      return current;
    default: {
      const unhandled: never = transition;
      throw new Error(`unhandled notification transition ${JSON.stringify(unhandled)}`);
    }
  }
}
