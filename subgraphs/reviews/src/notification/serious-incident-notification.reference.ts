import type { SubgraphContext } from '@safeguarding/shared';
import type { SeriousIncidentNotification } from './serious-incident-notification.entity';
import { SeriousIncidentNotificationService } from './serious-incident-notification.service';

export const seriousIncidentNotificationReference = {
  __resolveReference: (
    reference: { id?: unknown },
    ctx: SubgraphContext,
  ): Promise<SeriousIncidentNotification | null> =>
    new SeriousIncidentNotificationService(ctx).byId(String(reference.id)),
};
