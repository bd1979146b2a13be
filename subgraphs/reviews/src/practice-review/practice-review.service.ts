import { z } from 'zod';
import {
  inTransaction,
  httpsUrl,
  alignByKey,
  appendAudit,
  AuditAction,
  partnershipAdministratorRoles,
  BadUserInputError,
  ConflictError,
  connection,
  nestedPage,
  pageRequest,
  type Connection,
  type PageArgs,
  DeadlineView,
  isoDate,
  newId,
  NotFoundError,
  practiceReviewPublicationDeadline,
  reportToPanelDeadline,
  requiredText,
  reviewClockRule,
  Role,
  settleObligationPlans,
  uuidPattern,
  validateInput,
  type SubgraphContext,
} from '@safeguarding/shared';
import type { EntityManager } from 'typeorm';
import { practiceReviewPlans, reviewsLedger } from '../obligations/review-obligations';
import { RapidReviewStatus } from '../rapid-review/rapid-review.entity';
import { RapidReviewRepository } from '../rapid-review/rapid-review.repository';
import { ReviewerRepository } from '../reviewer/reviewer.repository';
import { PracticeReview, PracticeReviewKind, PracticeReviewStatus } from './practice-review.entity';
import type { RecordPracticeReviewDecisionInput, UpdatePracticeReviewInput } from './practice-review.input';
import { practiceReviewOrder, PracticeReviewRepository, publishedOrder } from './practice-review.repository';
import { PracticeReviewConnection } from './practice-review-connection.type';
import { nextStatus, practiceReviewRefusal, type PracticeReviewTransition } from './practice-review.transitions';
import { rapidReviewRefusal } from '../rapid-review/rapid-review.transitions';

const publicationBasis = reviewClockRule('PRACTICE_REVIEW_PUBLICATION').basis;
const reportBasis = reviewClockRule('PRACTICE_REVIEW_TO_PANEL').basis;

export class PracticeReviewService {
  constructor(private readonly ctx: SubgraphContext) {}

  private repository(manager: EntityManager = this.ctx.db.manager): PracticeReviewRepository {
    return new PracticeReviewRepository(manager, this.ctx.scope);
  }

  byId(id: string): Promise<PracticeReview | null> {
    return this.ctx.loaders
      .get<string, PracticeReview | null>('PracticeReview.byId', async (ids) =>
        alignByKey(ids, await this.audited(await this.repository().findByIds(ids)), (r) => r.id),
      )
      .load(id);
  }

  /** A page of the partnership's reviews, cut in SQL for every partnership asked for at once; what is read is audited. */
  async ofPartnership(partnershipId: string, args: PageArgs): Promise<Connection<PracticeReview>> {
    const page = await nestedPage<PracticeReview>({
      list: 'Partnership.practiceReviews',
      loaders: this.ctx.loaders,
      parent: partnershipId,
      args,
      order: practiceReviewOrder,
      parentOf: (review) => review.partnershipId,
      rows: async (ids, after, limit) => this.audited(await this.repository().pagesOf(ids, after, limit)),
      count: (ids) => this.repository().countsOf(ids),
    });
    return connection(PracticeReviewConnection, page, page.count);
  }

  /** A review not yet published is case-level: every look at one is recorded (published ones are public). */
  async audited(reviews: PracticeReview[]): Promise<PracticeReview[]> {
    const restricted = reviews.filter((review) => review.status !== PracticeReviewStatus.PUBLISHED);
    await appendAudit(
      this.ctx,
      restricted.map((review) => auditOf(review, AuditAction.READ)),
    );
    return reviews;
  }

  async published(partnershipId: string | null, args: PageArgs): Promise<Connection<PracticeReview>> {
    const page = await this.repository().published(
      partnershipId,
      pageRequest('publishedPracticeReviews', args, publishedOrder),
    );
    return connection(PracticeReviewConnection, page, () => this.repository().countPublished(partnershipId));
  }

  publicationDeadline(review: PracticeReview): DeadlineView {
    return DeadlineView.of(
      practiceReviewPublicationDeadline(this.ctx.calendar, review.decisionDate),
      publicationBasis,
      review.publishedOn,
      this.ctx.today,
    );
  }

  /** Before publication, counted back from the publication deadline; once published, from the publication date. */
  reportToPanelDeadline(review: PracticeReview): DeadlineView {
    return DeadlineView.of(
      reportToPanelDeadline(this.ctx.calendar, review.decisionDate, review.publishedOn),
      reportBasis,
      review.reportSentOn,
      this.ctx.today,
    );
  }

  async recordDecision(input: RecordPracticeReviewDecisionInput): Promise<PracticeReview> {
    const valid = validateInput(recordDecisionSchema(this.ctx.today), input);
    // A national review is the Panel's; a local one the partnership's.
    const panelCommissioning = valid.kind === PracticeReviewKind.NATIONAL && this.ctx.scope.hasRole(Role.PANEL_MEMBER);
    if (!panelCommissioning) this.ctx.scope.requirePartnershipRole(valid.partnershipId, partnershipAdministratorRoles);
    const review = await inTransaction(this.ctx.db, async (manager) => {
      const decisionDate = await this.decisionDateOf(manager, valid);
      const created = Object.assign(new PracticeReview(), {
        id: newId(),
        partnershipId: valid.partnershipId,
        kind: valid.kind,
        title: valid.title,
        decisionDate,
        status: PracticeReviewStatus.IN_PROGRESS,
        publishedOn: null,
        publicationUrl: null,
        rapidReviewId: valid.rapidReviewId ?? null,
        reviewerId: null,
        localReviewerName: null,
        termsOfReference: null,
        reportSentOn: null,
      });
      await this.repository(manager).insert(created);
      await settleObligationPlans(
        reviewsLedger(manager, this.ctx.now),
        practiceReviewPlans(this.ctx.calendar, created),
      );
      await appendAudit(this.ctx, [auditOf(created, AuditAction.CREATE)], manager);
      return created;
    });
    this.ctx.logger.info({ practiceReviewId: review.id }, 'practice review decision recorded');
    return review;
  }

  /** Linked to a rapid review, the decision is the rapid review's: same date, and it must say so. */
  private async decisionDateOf(
    manager: EntityManager,
    valid: z.infer<ReturnType<typeof recordDecisionSchema>>,
  ): Promise<string> {
    if (!valid.rapidReviewId) {
      if (!valid.decisionDate)
        throw new BadUserInputError('input.decisionDate', 'is required when the review does not follow a rapid review');
      return valid.decisionDate;
    }
    const [rapid] = await new RapidReviewRepository(manager, this.ctx.scope).findByIds([valid.rapidReviewId]);
    if (!rapid || rapid.partnershipId !== valid.partnershipId) {
      throw new BadUserInputError('input.rapidReviewId', 'is not a rapid review of this partnership that you may see');
    }
    if (rapid.status === RapidReviewStatus.OPEN || rapid.decidedOn === null) {
      throw rapidReviewRefusal(rapid.status, 'record its decision before the practice review');
    }
    const decided =
      valid.kind === PracticeReviewKind.LOCAL ? rapid.localPracticeReviewDecided : rapid.nationalReviewRecommended;
    if (!decided) {
      throw new ConflictError(
        valid.kind === PracticeReviewKind.LOCAL
          ? 'the rapid review decided against a local child safeguarding practice review'
          : 'the rapid review did not recommend a national review',
      );
    }
    if (valid.decisionDate && valid.decisionDate !== rapid.decidedOn) {
      throw new BadUserInputError(
        'input.decisionDate',
        `must be the rapid review's decision date ${rapid.decidedOn} (or be left out)`,
      );
    }
    return rapid.decidedOn;
  }

  async update(input: UpdatePracticeReviewInput): Promise<PracticeReview> {
    const valid = validateInput(updateSchema, input);
    return inTransaction(this.ctx.db, async (manager) => {
      const review = await this.writable(manager, valid.id);
      if (review.status === PracticeReviewStatus.PUBLISHED) {
        throw practiceReviewRefusal(review.status, 'its reviewer and terms of reference are final');
      }
      const changes: Partial<Pick<PracticeReview, 'reviewerId' | 'localReviewerName' | 'termsOfReference'>> = {};
      if (valid.reviewerId !== undefined && valid.reviewerId !== null) {
        const [reviewer] = await new ReviewerRepository(manager, this.ctx.scope).findByIds([valid.reviewerId]);
        if (!reviewer || reviewer.leftPoolOn !== null)
          throw new BadUserInputError('input.reviewerId', "is not a reviewer in the Panel's pool");
        Object.assign(changes, { reviewerId: reviewer.id, localReviewerName: null });
      }
      if (valid.localReviewerName) {
        if (review.kind === PracticeReviewKind.NATIONAL) {
          throw new BadUserInputError(
            'input.localReviewerName',
            "a national review's reviewer comes from the Panel's pool: give reviewerId",
          );
        }
        Object.assign(changes, { localReviewerName: valid.localReviewerName, reviewerId: null });
      }
      if (valid.termsOfReference) changes.termsOfReference = valid.termsOfReference;
      await this.repository(manager).update(review.id, changes);
      await appendAudit(this.ctx, [auditOf(review, AuditAction.UPDATE)], manager);
      return Object.assign(review, changes);
    });
  }

  async sendReport(id: string, sentOn: string): Promise<PracticeReview> {
    const date = validateInput(isoDate, sentOn, 'sentOn');
    if (date > this.ctx.today) throw new BadUserInputError('sentOn', 'must not be in the future');
    return this.move(id, { kind: 'sendReport', sentOn: date }, (review) => {
      if (date < review.decisionDate)
        throw new BadUserInputError('sentOn', `must not be before the decision date ${review.decisionDate}`);
      return { reportSentOn: date };
    });
  }

  async publish(id: string, publishedOn: string, publicationUrl: string): Promise<PracticeReview> {
    const url = validateInput(httpsUrl, publicationUrl, 'publicationUrl');
    if (publishedOn > this.ctx.today) throw new BadUserInputError('publishedOn', 'must not be in the future');
    const published = await this.move(id, { kind: 'publish', publishedOn, publicationUrl: url }, (review) => {
      if (publishedOn < review.decisionDate) {
        throw new BadUserInputError('publishedOn', `must not be before the decision date ${review.decisionDate}`);
      }
      if (review.reportSentOn && publishedOn < review.reportSentOn) {
        throw new BadUserInputError(
          'publishedOn',
          `must not be before the report was sent to the Panel on ${review.reportSentOn}`,
        );
      }
      return { publishedOn, publicationUrl: url };
    });
    this.ctx.logger.info({ practiceReviewId: id }, 'practice review published');
    return published;
  }

  private move(
    id: string,
    transition: PracticeReviewTransition,
    changesOf: (
      review: PracticeReview,
    ) => Partial<Pick<PracticeReview, 'publishedOn' | 'publicationUrl' | 'reportSentOn'>>,
  ): Promise<PracticeReview> {
    return inTransaction(this.ctx.db, async (manager) => {
      const repository = this.repository(manager);
      const review = await this.writable(manager, id);
      const status = nextStatus(review.status, transition);
      const changes = { status, ...changesOf(review) };
      // Another request may have moved it on since it was read.
      if (!(await repository.transition(review, review.status, changes))) {
        throw new ConflictError('practice review changed while it was being updated: read it again');
      }
      Object.assign(review, changes);
      await settleObligationPlans(reviewsLedger(manager, this.ctx.now), practiceReviewPlans(this.ctx.calendar, review));
      await appendAudit(this.ctx, [auditOf(review, AuditAction.UPDATE)], manager);
      return review;
    });
  }

  /** The partnership's administrators change its reviews; a national one may also be changed by the Panel. */
  private async writable(manager: EntityManager, id: string): Promise<PracticeReview> {
    // A published review is public, so the lookup alone would not refuse an anonymous caller.
    this.ctx.scope.requireIdentity();
    const [review] = await this.repository(manager).findByIds([id]);
    if (!review) throw new NotFoundError('PracticeReview', id);
    if (review.kind === PracticeReviewKind.NATIONAL && this.ctx.scope.hasRole(Role.PANEL_MEMBER)) return review;
    this.ctx.scope.requirePartnershipRole(review.partnershipId, partnershipAdministratorRoles);
    return review;
  }
}

function auditOf(review: PracticeReview, action: AuditAction) {
  return { action, entityType: 'PracticeReview', entityId: review.id, partnershipId: review.partnershipId };
}

function recordDecisionSchema(today: string) {
  return z.object({
    partnershipId: z.string().trim().toLowerCase().regex(uuidPattern, 'must be a UUID'),
    kind: z.enum(PracticeReviewKind),
    title: requiredText(300),
    rapidReviewId: z.string().trim().toLowerCase().regex(uuidPattern, 'must be a UUID').nullish(),
    decisionDate: isoDate.refine((date) => date <= today, 'must not be in the future').nullish(),
  });
}

const updateSchema = z.object({
  id: z.string().trim().min(1),
  reviewerId: z.string().trim().toLowerCase().regex(uuidPattern, 'must be a UUID').nullish(),
  localReviewerName: requiredText(200).nullish(),
  termsOfReference: requiredText(4000).nullish(),
});
