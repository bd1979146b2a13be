import { connectionOf } from '@safeguarding/shared';
import { SeriousIncidentNotification } from './serious-incident-notification.entity';

export const SeriousIncidentNotificationConnection = connectionOf<SeriousIncidentNotification>(
  () => SeriousIncidentNotification,
  'SeriousIncidentNotification',
  'A page of serious incident notifications, newest first; totalCount is counted only when asked for',
);
