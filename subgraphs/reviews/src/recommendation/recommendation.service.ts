import { z } from 'zod';
import {
  inTransaction,
  alignByKey,
  appendAudit,
  AuditAction,
  BadUserInputError,
  ConflictError,
  DeadlineView,
  ForbiddenError,
  connection,
  nestedPage,
  type Connection,
  type PageArgs,
  isoDate,
  newId,
  NotFoundError,
  partnershipAdministratorRoles,
  requiredText,
  reviewClockRule,
  settleObligationPlans,
  StatutoryDirectory,
  validateInput,
  type AuditEntry,
  type SubgraphContext,
} from '@safeguarding/shared';
import type { EntityManager } from 'typeorm';
import { urn, uuid } from '../common/ids';
import { OwnerKind } from '../common/organisation-owner';
import { reviewActionPlans, reviewsLedger } from '../obligations/review-obligations';
import { PracticeReviewRepository } from '../practice-review/practice-review.repository';
import { Recommendation, ReviewAction, ReviewActionStatus } from './recommendation.entity';
import type { AddRecommendationInput, AddReviewActionInput, ProgressReviewActionInput } from './recommendation.input';
import {
  actionOrder,
  recommendationOrder,
  RecommendationRepository,
  type ActionFilter,
  type ActionParent,
  type RecommendationParent,
} from './recommendation.repository';
import { RecommendationConnection, ReviewActionConnection } from './recommendation-connection.type';
import { checkActionTransition } from './review-action.transitions';

const actionRule = reviewClockRule('REVIEW_ACTION');

export class RecommendationService {
  constructor(private readonly ctx: SubgraphContext) {}

  private repository(manager: EntityManager = this.ctx.db.manager): RecommendationRepository {
    return new RecommendationRepository(manager, this.ctx.scope);
  }

  /** A page of a review's recommendations, cut in SQL for every review asked for at once; only what is answered is audited. */
  ofPracticeReview(reviewId: string, args: PageArgs): Promise<Connection<Recommendation>> {
    this.ctx.scope.requireIdentity();
    return this.recommendationPage('PracticeReview.recommendations', 'practiceReviewId', reviewId, null, args);
  }

  recommendationsOwnedBy(kind: OwnerKind, ownerId: string, args: PageArgs): Promise<Connection<Recommendation>> {
    this.ctx.scope.requireIdentity();
    return this.recommendationPage(`${kind}.recommendations`, 'ownerOrganisationId', ownerId, kind, args);
  }

  actionsOf(recommendationId: string, args: PageArgs): Promise<Connection<ReviewAction>> {
    this.ctx.scope.requireIdentity();
    return this.actionPage('Recommendation.actions', 'recommendationId', recommendationId, {}, args);
  }

  actionsOwnedBy(kind: OwnerKind, ownerId: string, args: PageArgs): Promise<Connection<ReviewAction>> {
    this.ctx.scope.requireIdentity();
    return this.actionPage(`${kind}.reviewActions`, 'ownerOrganisationId', ownerId, { ownerKind: kind }, args);
  }

  /** Not completed and due before today, soonest due first. */
  overdueActionsOf(partnershipId: string, args: PageArgs): Promise<Connection<ReviewAction>> {
    this.ctx.scope.requireIdentity();
    return this.actionPage(
      'Partnership.overdueReviewActions',
      'partnershipId',
      partnershipId,
      { overdueOn: this.ctx.today },
      args,
    );
  }

  private async recommendationPage(
    list: string,
    parent: RecommendationParent,
    parentId: string,
    kind: OwnerKind | null,
    args: PageArgs,
  ): Promise<Connection<Recommendation>> {
    const page = await nestedPage<Recommendation>({
      list,
      loaders: this.ctx.loaders,
      parent: parentId,
      args,
      order: recommendationOrder,
      parentOf: (row) => row[parent],
      rows: (ids, after, limit) => this.repository().recommendationPages(parent, ids, kind, after, limit),
      count: (ids) => this.repository().recommendationCounts(parent, ids, kind),
      seen: async (rows) => {
        await this.audited(rows);
      },
    });
    return connection(RecommendationConnection, page, page.count);
  }

  private async actionPage(
    list: string,
    parent: ActionParent,
    parentId: string,
    filter: ActionFilter,
    args: PageArgs,
  ): Promise<Connection<ReviewAction>> {
    const page = await nestedPage<ReviewAction>({
      list,
      loaders: this.ctx.loaders,
      parent: parentId,
      args,
      order: actionOrder,
      // The day keys the loader: a count and a page asked for on either side of midnight stay apart.
      variant: filter.overdueOn ?? null,
      parentOf: (row) => row[parent],
      rows: (ids, after, limit) => this.repository().actionPages(parent, ids, filter, after, limit),
      count: (ids) => this.repository().actionCounts(parent, ids, filter),
      seen: async (rows) => {
        await this.auditedActions(rows);
      },
    });
    return connection(ReviewActionConnection, page, page.count);
  }

  actionById(id: string): Promise<ReviewAction | null> {
    this.ctx.scope.requireIdentity();
    return this.ctx.loaders
      .get<string, ReviewAction | null>('ReviewAction.byId', async (ids) =>
        alignByKey(ids, await this.auditedActions(await this.repository().actionsByIds(ids)), (a) => a.id),
      )
      .load(id);
  }

  recommendationById(id: string): Promise<Recommendation | null> {
    this.ctx.scope.requireIdentity();
    return this.ctx.loaders
      .get<string, Recommendation | null>('Recommendation.byId', async (ids) =>
        alignByKey(ids, await this.audited(await this.repository().findByIds(ids)), (r) => r.id),
      )
      .load(id);
  }

  private async audited(rows: Recommendation[]): Promise<Recommendation[]> {
    await appendAudit(
      this.ctx,
      rows.map((row) => auditOf('Recommendation', row, AuditAction.READ)),
    );
    return rows;
  }

  async auditedActions(rows: ReviewAction[]): Promise<ReviewAction[]> {
    await appendAudit(
      this.ctx,
      rows.map((row) => auditOf('ReviewAction', row, AuditAction.READ)),
    );
    return rows;
  }

  deadline(action: ReviewAction): DeadlineView {
    return DeadlineView.of(
      actionRule.compute(action.dueOn, this.ctx.calendar),
      actionRule.basis,
      action.completedOn,
      this.ctx.today,
    );
  }

  async addRecommendation(input: AddRecommendationInput): Promise<Recommendation> {
    // A published review is public, so the lookup alone would not refuse an anonymous caller.
    this.ctx.scope.requireIdentity();
    const valid = validateInput(addRecommendationSchema, input);
    return inTransaction(this.ctx.db, async (manager) => {
      const [review] = await new PracticeReviewRepository(manager, this.ctx.scope).findByIds([valid.practiceReviewId]);
      if (!review) throw new NotFoundError('PracticeReview', valid.practiceReviewId);
      this.ctx.scope.requirePartnershipRole(review.partnershipId, partnershipAdministratorRoles);
      this.requireLiveOwner(valid.ownerKind, valid.ownerId);
      const recommendation = Object.assign(new Recommendation(), {
        id: newId(),
        practiceReviewId: review.id,
        partnershipId: review.partnershipId,
        text: valid.text,
        ownerKind: valid.ownerKind,
        ownerOrganisationId: ownerIdOf(valid.ownerKind, valid.ownerId ?? null, review.partnershipId),
      });
      await this.repository(manager).insertRecommendation(recommendation);
      await appendAudit(this.ctx, [auditOf('Recommendation', recommendation, AuditAction.CREATE)], manager);
      return recommendation;
    });
  }

  /** A statutory partner that has ended (Cumbria 909) owns nothing from now on: its successor does. */
  private requireLiveOwner(kind: OwnerKind, ownerId: string | null | undefined): void {
    if (kind !== OwnerKind.AGENCY) return;
    StatutoryDirectory.of(this.ctx.reference).requireNotCeased(ownerId, 'input.ownerId', this.ctx.today, 'today');
  }

  async addAction(input: AddReviewActionInput): Promise<ReviewAction> {
    const valid = validateInput(addActionSchema, input);
    return inTransaction(this.ctx.db, async (manager) => {
      const repository = this.repository(manager);
      const [recommendation] = await repository.findByIds([valid.recommendationId]);
      if (!recommendation) throw new NotFoundError('Recommendation', valid.recommendationId);
      this.ctx.scope.requirePartnershipRole(recommendation.partnershipId, partnershipAdministratorRoles);
      // A due date is set for what is still to be done.
      if (valid.dueOn < this.ctx.today)
        throw new BadUserInputError(
          'input.dueOn',
          `must not be before today (${this.ctx.today}): an action is set to be done`,
        );
      this.requireLiveOwner(valid.ownerKind, valid.ownerId);
      const action = Object.assign(new ReviewAction(), {
        id: newId(),
        recommendationId: recommendation.id,
        partnershipId: recommendation.partnershipId,
        description: valid.description,
        ownerKind: valid.ownerKind,
        ownerOrganisationId: ownerIdOf(valid.ownerKind, valid.ownerId ?? null, recommendation.partnershipId),
        dueOn: valid.dueOn,
        status: ReviewActionStatus.OPEN,
        startedOn: null,
        completedOn: null,
        evidencedOn: null,
        evidence: null,
        impactNotes: null,
      });
      await repository.insertAction(action);
      await settleObligationPlans(reviewsLedger(manager, this.ctx.now), reviewActionPlans(this.ctx.calendar, action));
      await appendAudit(this.ctx, [auditOf('ReviewAction', action, AuditAction.CREATE)], manager);
      return action;
    });
  }

  /** The owning organisation moves its own action on; the partnership's administrators may too. */
  async progress(input: ProgressReviewActionInput): Promise<ReviewAction> {
    const valid = validateInput(progressSchema(this.ctx.today), input);
    const identity = this.ctx.scope.requireIdentity();
    return inTransaction(this.ctx.db, async (manager) => {
      const repository = this.repository(manager);
      const [action] = await repository.actionsByIds([valid.id]);
      if (!action) throw new NotFoundError('ReviewAction', valid.id);
      if (action.ownerOrganisationId !== identity.organisation.id) {
        if (!this.ctx.scope.hasRole(...partnershipAdministratorRoles) || !this.ctx.scope.actsIn(action.partnershipId)) {
          throw new ForbiddenError(
            "Only the owning organisation or the partnership's administrators move an action on",
          );
        }
      }
      checkActionTransition(action.status, valid.to);
      const changes = changesOf(action, valid);
      if (!(await repository.transitionAction(action.id, action.status, changes))) {
        throw new ConflictError('review action changed while it was being updated: read it again');
      }
      Object.assign(action, changes);
      await settleObligationPlans(reviewsLedger(manager, this.ctx.now), reviewActionPlans(this.ctx.calendar, action));
      await appendAudit(this.ctx, [auditOf('ReviewAction', action, AuditAction.UPDATE)], manager);
      return action;
    });
  }
}

function changesOf(action: ReviewAction, valid: z.infer<ReturnType<typeof progressSchema>>): Partial<ReviewAction> {
  const previous = action.evidencedOn ?? action.completedOn ?? action.startedOn;
  if (previous && valid.on < previous)
    throw new BadUserInputError('input.on', `must not be before the action's last step on ${previous}`);
  const notes = valid.impactNotes ? { impactNotes: valid.impactNotes } : {};
  switch (valid.to) {
    case ReviewActionStatus.IN_PROGRESS:
      return { status: valid.to, startedOn: valid.on, ...notes };
    case ReviewActionStatus.COMPLETED:
      return { status: valid.to, completedOn: valid.on, ...notes };
    case ReviewActionStatus.EVIDENCED:
      if (!valid.evidence) throw new BadUserInputError('input.evidence', 'is required to mark an action EVIDENCED');
      return { status: valid.to, evidencedOn: valid.on, evidence: valid.evidence, ...notes };
    case ReviewActionStatus.OPEN:
      // No status leads back to OPEN, so checkActionTransition refused this already.
      throw new Error('unreachable: a review action is never moved back to OPEN');
    default: {
      const unhandled: never = valid.to;
      throw new Error(`unhandled review action status ${String(unhandled)}`);
    }
  }
}

function ownerIdOf(kind: OwnerKind, ownerId: string | null, partnershipId: string): string {
  switch (kind) {
    case OwnerKind.PARTNERSHIP:
      return partnershipId;
    case OwnerKind.AGENCY:
    case OwnerKind.SCHOOL:
      if (!ownerId) throw new BadUserInputError('input.ownerId', `is required for an owner of kind ${kind}`);
      return ownerId;
    default: {
      const unhandled: never = kind;
      throw new Error(`unhandled owner kind ${String(unhandled)}`);
    }
  }
}

function auditOf(entityType: string, row: { id: string; partnershipId: string }, action: AuditAction): AuditEntry {
  return { action, entityType, entityId: row.id, partnershipId: row.partnershipId };
}

const owner = { ownerKind: z.enum(OwnerKind), ownerId: z.string().trim().nullish() };

/** The owner's id must match its kind: an Agency id, a URN, or nothing for the partnership itself. */
function checkOwner(
  value: { ownerKind: OwnerKind; ownerId?: string | null | undefined },
  context: z.RefinementCtx,
): void {
  const check = value.ownerKind === OwnerKind.AGENCY ? uuid : value.ownerKind === OwnerKind.SCHOOL ? urn : null;
  if (!check) {
    if (value.ownerId)
      context.addIssue({ code: 'custom', path: ['ownerId'], message: 'must be left out when the partnership owns it' });
    return;
  }
  const result = check.safeParse(value.ownerId ?? '');
  if (!result.success)
    context.addIssue({ code: 'custom', path: ['ownerId'], message: result.error.issues[0]?.message ?? 'is invalid' });
}

const normalisedOwner = <T extends { ownerKind: OwnerKind; ownerId?: string | null | undefined }>(value: T): T => ({
  ...value,
  ownerId: value.ownerKind === OwnerKind.AGENCY ? (value.ownerId ?? '').toLowerCase() : value.ownerId,
});

const addRecommendationSchema = z
  .object({ practiceReviewId: z.string().trim().min(1), text: requiredText(4000), ...owner })
  .superRefine(checkOwner)
  .transform(normalisedOwner);
const addActionSchema = z
  .object({ recommendationId: z.string().trim().min(1), description: requiredText(2000), dueOn: isoDate, ...owner })
  .superRefine(checkOwner)
  .transform(normalisedOwner);

function progressSchema(today: string) {
  return z.object({
    id: z.string().trim().min(1),
    to: z.enum(ReviewActionStatus),
    on: isoDate.refine((date) => date <= today, 'must not be in the future'),
    evidence: requiredText(4000).nullish(),
    impactNotes: requiredText(4000).nullish(),
  });
}
