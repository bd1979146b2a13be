import { z } from 'zod';
import {
  alignByKey,
  appendAudit,
  AuditAction,
  partnershipAdministratorRoles,
  BadUserInputError,
  ConflictError,
  DeadlineView,
  groupByKey,
  isoDate,
  newId,
  NotFoundError,
  requiredText,
  uuidPattern,
  validateInput,
  type SubgraphContext,
} from '@safeguarding/shared';
import type { EntityManager } from 'typeorm';
import { PracticeReview, PracticeReviewKind, PracticeReviewStatus } from './practice-review.entity';
import type { RecordPracticeReviewDecisionInput } from './practice-review.input';
import { PracticeReviewRepository } from './practice-review.repository';
import { nextStatus, type PracticeReviewTransition } from './practice-review.transitions';

const publicationBasis =
  'Working Together 2023: a local child safeguarding practice review is published within 6 months of the decision to undertake it';

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

  ofPartnership(partnershipId: string): Promise<PracticeReview[]> {
    return this.ctx.loaders
      .get<string, PracticeReview[]>('Partnership.practiceReviews', async (ids) =>
        groupByKey(ids, await this.audited(await this.repository().ofPartnerships(ids)), (r) => r.partnershipId),
      )
      .load(partnershipId);
  }

  /** A review in progress is case-level: every look at one is recorded (published ones are public). */
  private async audited(reviews: PracticeReview[]): Promise<PracticeReview[]> {
    const restricted = reviews.filter((review) => review.status === PracticeReviewStatus.IN_PROGRESS);
    await appendAudit(this.ctx, restricted.map((review) => auditOf(review, AuditAction.READ)));
    return reviews;
  }

  published(partnershipId: string | null): Promise<PracticeReview[]> {
    return this.repository().published(partnershipId);
  }

  publicationDeadline(review: PracticeReview): DeadlineView {
    return DeadlineView.of(
      this.ctx.calendar.addMonths(review.decisionDate, 6),
      publicationBasis,
      review.publishedOn,
      this.ctx.today,
    );
  }

  async recordDecision(input: RecordPracticeReviewDecisionInput): Promise<PracticeReview> {
    const valid = validateInput(recordDecisionSchema(this.ctx.today), input);
    this.ctx.scope.requirePartnershipRole(valid.partnershipId, partnershipAdministratorRoles);
    const review = Object.assign(new PracticeReview(), {
      id: newId(),
      partnershipId: valid.partnershipId,
      kind: valid.kind,
      title: valid.title,
      decisionDate: valid.decisionDate,
      status: PracticeReviewStatus.IN_PROGRESS,
      publishedOn: null,
      publicationUrl: null,
    });
    await this.ctx.db.transaction(async (manager) => {
      await this.repository(manager).insert(review);
      await appendAudit(this.ctx, [auditOf(review, AuditAction.CREATE)], manager);
    });
    this.ctx.logger.info({ practiceReviewId: review.id }, 'practice review decision recorded');
    return review;
  }

  async publish(id: string, publishedOn: string, publicationUrl: string): Promise<PracticeReview> {
    const url = validateInput(httpsUrl, publicationUrl, 'publicationUrl');
    if (publishedOn > this.ctx.today) throw new BadUserInputError('publishedOn', 'must not be in the future');
    const transition: PracticeReviewTransition = { kind: 'publish', publishedOn, publicationUrl: url };
    const published = await this.ctx.db.transaction(async (manager) => {
      const repository = this.repository(manager);
      const [review] = await repository.findByIds([id]);
      if (!review) throw new NotFoundError('PracticeReview', id);
      this.ctx.scope.requirePartnershipRole(review.partnershipId, partnershipAdministratorRoles);
      const status = nextStatus(review.status, transition);
      if (publishedOn < review.decisionDate) {
        throw new BadUserInputError('publishedOn', `must not be before the decision date ${review.decisionDate}`);
      }
      const changes = { status, publishedOn: transition.publishedOn, publicationUrl: transition.publicationUrl };
      // Another request may have published it since it was read.
      if (!(await repository.transition(review, review.status, changes))) {
        throw new ConflictError('practice review changed while it was being published: read it again');
      }
      await appendAudit(this.ctx, [auditOf(review, AuditAction.UPDATE)], manager);
      return Object.assign(review, changes);
    });
    this.ctx.logger.info({ practiceReviewId: id }, 'practice review published');
    return published;
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
    decisionDate: isoDate.refine((date) => date <= today, 'must not be in the future'),
  });
}

const httpsUrl = requiredText(500).refine((value) => {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' && url.hostname !== '';
  } catch {
    return false;
  }
}, 'must be an https:// address');
