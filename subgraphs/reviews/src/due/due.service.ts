import { groupByKey, partnershipStaffRoles, type SubgraphContext } from '@safeguarding/shared';
import { ChildDeathReviewRepository } from '../child-death/child-death-review.repository';
import { ChildDeathReviewService } from '../child-death/child-death-review.service';
import { SeriousIncidentNotificationRepository } from '../notification/serious-incident-notification.repository';
import { SeriousIncidentNotificationService } from '../notification/serious-incident-notification.service';
import { PracticeReviewStatus } from '../practice-review/practice-review.entity';
import { PracticeReviewRepository } from '../practice-review/practice-review.repository';
import { PracticeReviewService } from '../practice-review/practice-review.service';
import { RapidReviewRepository } from '../rapid-review/rapid-review.repository';
import { RapidReviewService } from '../rapid-review/rapid-review.service';
import { RecommendationRepository } from '../recommendation/recommendation.repository';
import { RecommendationService } from '../recommendation/recommendation.service';
import { DueItemKind, ReviewDueItem } from './due-item.type';

/**
 * "What is due": every clock of the partnership's reviews that has not stopped, built from the
 * same deadline computations the entities show, soonest first. One statement per kind of record
 * per request, whatever the number of partnerships asked about.
 */
export class DueService {
  constructor(private readonly ctx: SubgraphContext) {}

  whatIsDue(partnershipId: string): Promise<ReviewDueItem[]> {
    this.ctx.scope.requirePartnershipRole(partnershipId, partnershipStaffRoles);
    return this.ctx.loaders
      .get<string, ReviewDueItem[]>('Partnership.whatIsDue', async (ids) => {
        const items = await this.collect(ids);
        return groupByKey(ids, items, (item) => item.partnershipId).map((group) =>
          group.map((item) => item.item).sort((a, b) => a.deadline.due.localeCompare(b.deadline.due) || a.kind.localeCompare(b.kind)),
        );
      })
      .load(partnershipId);
  }

  private async collect(partnershipIds: readonly string[]): Promise<Array<{ partnershipId: string; item: ReviewDueItem }>> {
    const { db, scope } = this.ctx;
    const notifications = new SeriousIncidentNotificationService(this.ctx);
    const rapid = new RapidReviewService(this.ctx);
    const practice = new PracticeReviewService(this.ctx);
    const recommendations = new RecommendationService(this.ctx);
    const deaths = new ChildDeathReviewService(this.ctx);
    const notificationRepository = new SeriousIncidentNotificationRepository(db.manager, scope);

    const allNotifications = await notifications.audited(await notificationRepository.ofPartnerships(partnershipIds));
    const partners = allNotifications.length > 0 ? await notificationRepository.partnersToldOf(allNotifications.map((n) => n.id)) : [];
    const notificationById = new Map(allNotifications.map((n) => [n.id, n]));
    const rapidReviews = await rapid.audited(await new RapidReviewRepository(db.manager, scope).unsentOf(partnershipIds));
    const reviews = await practice.audited(await new PracticeReviewRepository(db.manager, scope).unpublishedOf(partnershipIds));
    const actions = await recommendations.auditedActions(await new RecommendationRepository(db.manager, scope).unfinishedActionsOf(partnershipIds, null));
    const childDeaths = await deaths.audited(await new ChildDeathReviewRepository(db.manager, scope).unnotifiedOf(partnershipIds));

    const items: Array<{ partnershipId: string; item: ReviewDueItem }> = [];
    const add = (partnershipId: string, item: ReviewDueItem) => items.push({ partnershipId, item });
    for (const n of allNotifications) {
      if (n.dateNotified === null) add(n.partnershipId, ReviewDueItem.of(DueItemKind.SERIOUS_INCIDENT_NOTIFICATION, n.id, n.caseReference, notifications.deadline(n)));
    }
    for (const p of partners) {
      const n = notificationById.get(p.notificationId);
      if (n && p.toldOn === null) add(n.partnershipId, ReviewDueItem.of(DueItemKind.PARTNER_TOLD_OF_INCIDENT, n.id, n.caseReference, notifications.partnerDeadline(p)));
    }
    for (const r of rapidReviews) {
      const reference = notificationById.get(r.notificationId)?.caseReference ?? r.id;
      add(r.partnershipId, ReviewDueItem.of(DueItemKind.RAPID_REVIEW, r.id, reference, rapid.deadline(r)));
    }
    for (const review of reviews) {
      if (review.status === PracticeReviewStatus.IN_PROGRESS) {
        add(review.partnershipId, ReviewDueItem.of(DueItemKind.PRACTICE_REVIEW_REPORT_TO_PANEL, review.id, review.title, practice.reportToPanelDeadline(review)));
      }
      add(review.partnershipId, ReviewDueItem.of(DueItemKind.PRACTICE_REVIEW_PUBLICATION, review.id, review.title, practice.publicationDeadline(review)));
    }
    for (const action of actions) {
      add(action.partnershipId, ReviewDueItem.of(DueItemKind.REVIEW_ACTION, action.id, action.description, recommendations.deadline(action)));
    }
    for (const death of childDeaths) {
      add(death.partnershipId, ReviewDueItem.of(DueItemKind.CHILD_DEATH_CDOP_NOTIFICATION, death.id, death.childReference, deaths.deadline(death)));
    }
    return items;
  }
}
