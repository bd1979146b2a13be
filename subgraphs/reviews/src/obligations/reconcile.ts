import {
  groupByKey,
  inReconcileLock,
  reconcileObligationPlans,
  type ObligationPlan,
  type SubgraphRuntime,
} from '@safeguarding/shared';
import { ChildDeathReview } from '../child-death/child-death-review.entity';
import { PartnerTold, SeriousIncidentNotification } from '../notification/serious-incident-notification.entity';
import { PracticeReview } from '../practice-review/practice-review.entity';
import { RapidReview } from '../rapid-review/rapid-review.entity';
import { ReviewAction } from '../recommendation/recommendation.entity';
import {
  childDeathPlans,
  notificationPlans,
  panelResponsePlans,
  practiceReviewPlans,
  reviewActionPlans,
  reviewObligationKinds,
  reviewsSource,
} from './review-obligations';

/**
 * Every start: recomputes this subgraph's obligations from its rows, so demo data, rows loaded
 * before the clocks were obligations and rows changed outside the services are never missed. One
 * read per table and one of the obligations, whatever the number of rows; writes only what differs.
 */
export async function reconcileReviewObligations(runtime: SubgraphRuntime): Promise<void> {
  const { db, calendar } = runtime;
  const at = runtime.now();
  const written = await inReconcileLock(db, reviewsSource, async (manager) => {
    // One after another: a transaction has one connection.
    const notifications = await manager.find(SeriousIncidentNotification);
    const partners = await manager.find(PartnerTold);
    const rapidReviews = await manager.find(RapidReview);
    const practiceReviews = await manager.find(PracticeReview);
    const actions = await manager.find(ReviewAction);
    const childDeaths = await manager.find(ChildDeathReview);
    const partnersOf = groupByKey(
      notifications.map((n) => n.id),
      partners,
      (p) => p.notificationId,
    );
    const rapidOf = new Map(rapidReviews.map((r) => [r.notificationId, r]));
    const plans: ObligationPlan[] = [
      ...notifications.flatMap((n, i) =>
        notificationPlans(calendar, n, partnersOf[i] ?? [], rapidOf.get(n.id) ?? null),
      ),
      ...rapidReviews.flatMap((r) => panelResponsePlans(calendar, r)),
      ...practiceReviews.flatMap((r) => practiceReviewPlans(calendar, r)),
      ...actions.flatMap((a) => reviewActionPlans(calendar, a)),
      ...childDeaths.flatMap((r) => childDeathPlans(calendar, r)),
    ];
    return reconcileObligationPlans(manager, reviewsSource, at, reviewObligationKinds, plans);
  });
  if (written > 0) runtime.logger.info({ written }, 'review obligations reconciled');
}
