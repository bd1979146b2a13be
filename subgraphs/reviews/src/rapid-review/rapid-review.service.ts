import { z } from 'zod';
import {
  inTransaction,
  alignByKey,
  appendAudit,
  AuditAction,
  connection,
  nestedPage,
  pageRequest,
  type Connection,
  type PageArgs,
  BadUserInputError,
  ConflictError,
  DeadlineView,
  ForbiddenError,
  isoDate,
  newId,
  NotFoundError,
  partnershipAdministratorRoles,
  requiredText,
  reviewClockRule,
  Role,
  settleObligationPlans,
  validateInput,
  type AuditEntry,
  type SubgraphContext,
} from '@safeguarding/shared';
import { RapidReviewConnection } from './rapid-review-connection.type';
import type { EntityManager } from 'typeorm';
import { SeriousIncidentNotificationRepository } from '../notification/serious-incident-notification.repository';
import { RapidReview, RapidReviewStatus } from './rapid-review.entity';
import type { DecideRapidReviewInput, RecordPanelResponseInput } from './rapid-review.input';
import { panelResponsePlans, rapidReviewPlan, reviewsLedger } from '../obligations/review-obligations';
import { rapidReviewOrder, RapidReviewRepository } from './rapid-review.repository';
import { nextRapidReviewStatus, type RapidReviewTransition } from './rapid-review.transitions';
import { nextNotificationStatus, notificationRefusal } from '../notification/serious-incident-notification.transitions';

const rapidReviewRule = reviewClockRule('RAPID_REVIEW');

export class RapidReviewService {
  constructor(private readonly ctx: SubgraphContext) {}

  private repository(manager: EntityManager = this.ctx.db.manager): RapidReviewRepository {
    return new RapidReviewRepository(manager, this.ctx.scope);
  }

  byId(id: string): Promise<RapidReview | null> {
    this.ctx.scope.requireIdentity();
    return this.ctx.loaders
      .get<string, RapidReview | null>('RapidReview.byId', async (ids) =>
        alignByKey(ids, await this.audited(await this.repository().findByIds(ids)), (r) => r.id),
      )
      .load(id);
  }

  ofNotification(notificationId: string): Promise<RapidReview | null> {
    return this.ctx.loaders
      .get<string, RapidReview | null>('SeriousIncidentNotification.rapidReview', async (ids) =>
        alignByKey(ids, await this.audited(await this.repository().ofNotifications(ids)), (r) => r.notificationId),
      )
      .load(notificationId);
  }

  /** A public review's link to its rapid review is shown only to those who may see the rapid review. */
  async linkedTo(id: string | null): Promise<RapidReview | null> {
    if (id === null || this.ctx.scope.isAnonymous) return null;
    return this.byId(id);
  }

  /** A page of the partnership's, cut in SQL for every partnership asked for at once; what is answered is audited. */
  async ofPartnership(partnershipId: string, args: PageArgs): Promise<Connection<RapidReview>> {
    this.ctx.scope.requireIdentity();
    const page = await nestedPage<RapidReview>({
      list: 'Partnership.rapidReviews',
      loaders: this.ctx.loaders,
      parent: partnershipId,
      args,
      order: rapidReviewOrder,
      parentOf: (row) => row.partnershipId,
      rows: (ids, after, limit) => this.repository().pagesOf(ids, after, limit),
      count: (ids) => this.repository().countsOf(ids),
      seen: async (rows) => {
        await this.audited(rows);
      },
    });
    return connection(RapidReviewConnection, page, page.count);
  }

  async list(args: PageArgs): Promise<Connection<RapidReview>> {
    const page = await this.repository().page(null, pageRequest('rapidReviews', args, rapidReviewOrder));
    await this.audited(page.nodes);
    return connection(RapidReviewConnection, page, () => this.repository().count(null));
  }

  async audited(rows: RapidReview[]): Promise<RapidReview[]> {
    await appendAudit(
      this.ctx,
      rows.map((row) => auditOf(row, AuditAction.READ)),
    );
    return rows;
  }

  deadline(review: RapidReview): DeadlineView {
    return DeadlineView.of(
      rapidReviewRule.compute(review.notificationSentOn, this.ctx.calendar),
      rapidReviewRule.basis,
      review.sentToPanelOn,
      this.ctx.today,
    );
  }

  /** Opened from a sent notification only: there is no other way to create a rapid review. */
  async open(notificationId: string, openedOnInput: string): Promise<RapidReview> {
    const openedOn = validateInput(notPast(this.ctx.today), openedOnInput, 'openedOn');
    const review = await inTransaction(this.ctx.db, async (manager) => {
      const [notification] = await new SeriousIncidentNotificationRepository(manager, this.ctx.scope).findByIds([
        notificationId,
      ]);
      if (!notification) throw new NotFoundError('SeriousIncidentNotification', notificationId);
      this.ctx.scope.requirePartnershipRole(notification.partnershipId, partnershipAdministratorRoles);
      nextNotificationStatus(notification.status, { kind: 'openRapidReview' });
      if (notification.dateNotified === null) throw notificationRefusal(notification.status, 'it has no date notified');
      if (!notification.rapidReviewRequired()) {
        throw new ConflictError(
          "notification is of a care leaver's death only (to the Secretary of State and Ofsted): no rapid review unless the s16C criteria are met",
        );
      }
      if (openedOn < notification.dateAware)
        throw new BadUserInputError('openedOn', `must not be before the date aware ${notification.dateAware}`);
      // The rapid review answers the notification (Working Together 2023 ch. 5), so it cannot open before it was sent.
      if (openedOn < notification.dateNotified)
        throw new BadUserInputError('openedOn', `must not be before the date notified ${notification.dateNotified}`);
      const repository = this.repository(manager);
      if (await repository.existsForNotification(notification.id)) {
        throw new ConflictError('this notification already has a rapid review: one per notification');
      }
      const created = Object.assign(new RapidReview(), {
        id: newId(),
        notificationId: notification.id,
        partnershipId: notification.partnershipId,
        status: RapidReviewStatus.OPEN,
        openedOn,
        notificationSentOn: notification.dateNotified,
        decidedOn: null,
        localPracticeReviewDecided: null,
        nationalReviewRecommended: null,
        decisionReasons: null,
        sentToPanelOn: null,
        panelRespondedOn: null,
        panelAgreed: null,
        panelResponse: null,
      });
      await repository.insert(created);
      await appendAudit(this.ctx, [auditOf(created, AuditAction.CREATE)], manager);
      return created;
    });
    this.ctx.logger.info({ rapidReviewId: review.id }, 'rapid review opened');
    return review;
  }

  async decide(input: DecideRapidReviewInput): Promise<RapidReview> {
    const valid = validateInput(decideSchema(this.ctx.today), input);
    return this.move(valid.rapidReviewId, partnershipAdministratorRoles, {
      kind: 'decide',
      decidedOn: valid.decidedOn,
      localPracticeReview: valid.localPracticeReview,
      nationalReviewRecommended: valid.nationalReviewRecommended,
      reasons: valid.reasons,
    });
  }

  async sendToPanel(id: string, sentOn: string): Promise<RapidReview> {
    const date = validateInput(notPast(this.ctx.today), sentOn, 'sentOn');
    return this.move(id, partnershipAdministratorRoles, { kind: 'sendToPanel', sentOn: date });
  }

  async recordPanelResponse(input: RecordPanelResponseInput): Promise<RapidReview> {
    const valid = validateInput(panelResponseSchema(this.ctx.today), input);
    return this.move(valid.rapidReviewId, null, {
      kind: 'recordPanelResponse',
      respondedOn: valid.respondedOn,
      agreed: valid.agreed,
      response: valid.response,
    });
  }

  /** `roles` null: the Panel's own step, for Panel members only. */
  private move(id: string, roles: readonly Role[] | null, transition: RapidReviewTransition): Promise<RapidReview> {
    return inTransaction(this.ctx.db, async (manager) => {
      const repository = this.repository(manager);
      const [review] = await repository.findByIds([id]);
      if (!review) throw new NotFoundError('RapidReview', id);
      if (roles) this.ctx.scope.requirePartnershipRole(review.partnershipId, roles);
      else if (!this.ctx.scope.hasRole(Role.PANEL_MEMBER))
        throw new ForbiddenError(`This needs the role ${Role.PANEL_MEMBER}`);
      const status = nextRapidReviewStatus(review.status, transition);
      const changes = { status, ...changesOf(review, transition) };
      if (!(await repository.transition(review.id, review.status, changes))) {
        throw new ConflictError('rapid review changed while it was being updated: read it again');
      }
      Object.assign(review, changes);
      await settleObligationPlans(reviewsLedger(manager, this.ctx.now), [
        rapidReviewPlan(
          this.ctx.calendar,
          review.notificationId,
          review.partnershipId,
          review.notificationSentOn,
          review,
        ),
        ...panelResponsePlans(this.ctx.calendar, review),
      ]);
      await appendAudit(this.ctx, [auditOf(review, AuditAction.UPDATE)], manager);
      return review;
    });
  }
}

/** Dates follow the stages, so no stage can be dated before the one it follows. */
function changesOf(review: RapidReview, transition: RapidReviewTransition): Partial<RapidReview> {
  switch (transition.kind) {
    case 'decide':
      if (transition.decidedOn < review.openedOn)
        throw new BadUserInputError(
          'input.decidedOn',
          `must not be before the rapid review opened on ${review.openedOn}`,
        );
      return {
        decidedOn: transition.decidedOn,
        localPracticeReviewDecided: transition.localPracticeReview,
        nationalReviewRecommended: transition.nationalReviewRecommended,
        decisionReasons: transition.reasons,
      };
    case 'sendToPanel':
      if (review.decidedOn && transition.sentOn < review.decidedOn)
        throw new BadUserInputError('sentOn', `must not be before the decision on ${review.decidedOn}`);
      return { sentToPanelOn: transition.sentOn };
    case 'recordPanelResponse':
      if (review.sentToPanelOn && transition.respondedOn < review.sentToPanelOn) {
        throw new BadUserInputError(
          'input.respondedOn',
          `must not be before the review was sent to the Panel on ${review.sentToPanelOn}`,
        );
      }
      return {
        panelRespondedOn: transition.respondedOn,
        panelAgreed: transition.agreed,
        panelResponse: transition.response,
      };
    default: {
      const unhandled: never = transition;
      throw new Error(`unhandled rapid review transition ${JSON.stringify(unhandled)}`);
    }
  }
}

export function auditOf(review: RapidReview, action: AuditAction): AuditEntry {
  return { action, entityType: 'RapidReview', entityId: review.id, partnershipId: review.partnershipId };
}

const notPast = (today: string) => isoDate.refine((date) => date <= today, 'must not be in the future');
const id = z.string().trim().min(1, 'must not be empty');

function decideSchema(today: string) {
  return z.object({
    rapidReviewId: id,
    decidedOn: notPast(today),
    localPracticeReview: z.boolean(),
    nationalReviewRecommended: z.boolean(),
    reasons: requiredText(4000),
  });
}

function panelResponseSchema(today: string) {
  return z.object({
    rapidReviewId: id,
    respondedOn: notPast(today),
    agreed: z.boolean(),
    response: requiredText(4000),
  });
}
