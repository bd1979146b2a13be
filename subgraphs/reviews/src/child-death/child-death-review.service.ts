import { z } from 'zod';
import {
  inTransaction,
  alignByKey,
  appendAudit,
  AuditAction,
  connection,
  nestedPage,
  pageOf,
  pageRequest,
  type Connection,
  type Page,
  type PageArgs,
  type SortKey,
  BadUserInputError,
  ConflictError,
  DeadlineView,
  isoDate,
  newId,
  NotFoundError,
  partnershipAdministratorRoles,
  cdopNotificationDeadline,
  childDeathReviewStageDeadline,
  defaultCdopNotificationHours,
  requiredText,
  reviewClockRule,
  settleObligationPlans,
  statutoryOrganisationId,
  validateInput,
  type AuditEntry,
  type Deadline,
  type ReferenceData,
  type SubgraphContext,
} from '@safeguarding/shared';
import { ChildDeathReviewConnection } from './child-death-review-connection.type';
import { IsNull, type EntityManager } from 'typeorm';
import { uuid } from '../common/ids';
import { aggregateChildDeaths, type ChildDeathAggregate } from './child-death-aggregate.type';

// By area: the GSS code is the aggregate's own unique key.
const aggregateOrder: readonly SortKey<ChildDeathAggregate>[] = [
  { column: 'death.localAuthorityGssCode', value: (aggregate) => aggregate.localAuthorityGssCode },
];
import { CdopCategory, CdopNotificationSetting, ChildDeathReview } from './child-death-review.entity';
import type { RecordChildDeathInput, RecordChildDeathPanelReviewInput } from './child-death-review.input';
import { childDeathReviewOrder, ChildDeathReviewRepository } from './child-death-review.repository';
import { childDeathPlans, reviewsLedger } from '../obligations/review-obligations';
import { nextChildDeathReviewStage } from './child-death-review.transitions';

const cdopBasis = reviewClockRule('CHILD_DEATH_NOTIFICATION').basis;

export class ChildDeathReviewService {
  constructor(private readonly ctx: SubgraphContext) {}

  private repository(manager: EntityManager = this.ctx.db.manager): ChildDeathReviewRepository {
    return new ChildDeathReviewRepository(manager, this.ctx.scope);
  }

  byId(id: string): Promise<ChildDeathReview | null> {
    this.ctx.scope.requireIdentity();
    return this.ctx.loaders
      .get<string, ChildDeathReview | null>('ChildDeathReview.byId', async (ids) =>
        alignByKey(ids, await this.audited(await this.repository().findByIds(ids)), (r) => r.id),
      )
      .load(id);
  }

  /** A page of the partnership's, cut in SQL for every partnership asked for at once; what is answered is audited. */
  async ofPartnership(partnershipId: string, args: PageArgs): Promise<Connection<ChildDeathReview>> {
    this.ctx.scope.requireIdentity();
    const page = await nestedPage<ChildDeathReview>({
      list: 'Partnership.childDeathReviews',
      loaders: this.ctx.loaders,
      parent: partnershipId,
      args,
      order: childDeathReviewOrder,
      parentOf: (row) => row.partnershipId,
      rows: (ids, after, limit) => this.repository().pagesOf(ids, after, limit),
      count: (ids) => this.repository().countsOf(ids),
      seen: async (rows) => {
        await this.audited(rows);
      },
    });
    return connection(ChildDeathReviewConnection, page, page.count);
  }

  async audited(rows: ChildDeathReview[]): Promise<ChildDeathReview[]> {
    await appendAudit(
      this.ctx,
      rows.map((row) => auditOf(row, AuditAction.READ)),
    );
    return rows;
  }

  /** A local practice rule: public, like an escalation policy. */
  async settingOf(partnershipId: string): Promise<CdopNotificationSetting> {
    const found = await this.ctx.loaders
      .get<string, CdopNotificationSetting | null>('Partnership.cdopNotificationSetting', async (ids) =>
        alignByKey(ids, await this.repository().settingsOf(ids), (s) => s.partnershipId),
      )
      .load(partnershipId);
    return Object.assign(new CdopNotificationSetting(), {
      partnershipId,
      hours: found?.hours ?? defaultCdopNotificationHours,
      configured: found !== null,
    });
  }

  async configure(partnershipIdInput: string, hoursInput: number): Promise<CdopNotificationSetting> {
    const partnershipId = validateInput(uuid, partnershipIdInput, 'partnershipId');
    this.ctx.scope.requirePartnershipRole(partnershipId, partnershipAdministratorRoles);
    const hours = validateInput(hoursSchema, hoursInput, 'hours');
    await inTransaction(this.ctx.db, (manager) => this.repository(manager).saveSetting(partnershipId, hours));
    this.ctx.logger.info({ partnershipId, hours }, 'CDOP notification timescale configured');
    return Object.assign(new CdopNotificationSetting(), { partnershipId, hours, configured: true });
  }

  deadline(review: ChildDeathReview): DeadlineView {
    return DeadlineView.of(cdopDeadline(this.ctx, review), cdopBasis, review.cdopNotifiedOn, this.ctx.today);
  }

  /**
   * A page of areas, each aggregated whole: suppression compares an area's cells with each other,
   * never with another area's, so cutting the list between areas hides nothing it would show.
   */
  async aggregates(
    year: number,
    localAuthorityGssCode: string | null,
    args: { first?: number | null; after?: string | null },
  ): Promise<Page<ChildDeathAggregate> & { count: () => Promise<number> }> {
    if (!Number.isInteger(year) || year < 2000 || year > 2100)
      throw new BadUserInputError('year', 'must be a year from 2000 to 2100');
    const list = `Query.childDeathAggregates:${year}:${localAuthorityGssCode ?? ''}`;
    const request = pageRequest(list, args, aggregateOrder);
    const repository = this.repository();
    const areas = await repository.areasWithDeathsIn(year, localAuthorityGssCode, request);
    const rows = await repository.diedIn(year, areas.slice(0, request.first));
    const aggregates = areas.map((gssCode) =>
      aggregateChildDeaths(
        year,
        { gssCode, name: this.ctx.reference.localAuthorityByGss(gssCode)?.name ?? gssCode },
        rows.filter((row) => row.localAuthorityGssCode === gssCode),
      ),
    );
    return {
      ...pageOf(aggregates, request.first, list, (aggregate) => [aggregate.localAuthorityGssCode]),
      count: () => repository.countAreasWithDeathsIn(year, localAuthorityGssCode),
    };
  }

  async record(input: RecordChildDeathInput): Promise<ChildDeathReview> {
    const partnershipId = validateInput(uuid, input.partnershipId, 'input.partnershipId');
    this.ctx.scope.requirePartnershipRole(partnershipId, partnershipAdministratorRoles);
    const valid = validateInput(recordSchema(this.ctx.reference, this.ctx.today), input);
    const la = this.ctx.reference.localAuthorityByGss(valid.localAuthorityGssCode);
    if (!la) throw new BadUserInputError('input.localAuthorityGssCode', 'is not a known local authority');
    const setting = await this.settingOf(partnershipId);
    const review = Object.assign(new ChildDeathReview(), {
      id: newId(),
      partnershipId,
      localAuthorityGssCode: la.gssCode,
      localAuthorityId: statutoryOrganisationId({ kind: 'LOCAL_AUTHORITY', dfeCode: la.dfeCode }),
      integratedCareBoardOdsCode: valid.integratedCareBoardOdsCode,
      integratedCareBoardId: statutoryOrganisationId({
        kind: 'INTEGRATED_CARE_BOARD',
        odsCode: valid.integratedCareBoardOdsCode,
      }),
      childReference: valid.childReference,
      ageAtDeathYears: valid.ageAtDeathYears,
      dateOfDeath: valid.dateOfDeath,
      cdopNotificationHours: setting.hours,
      cdopNotifiedOn: valid.cdopNotifiedOn ?? null,
      jointAgencyResponseNeeded: valid.jointAgencyResponseNeeded,
      jointAgencyResponseReason: valid.jointAgencyResponseReason ?? null,
      reviewMeetingOn: null,
      panelReviewOn: null,
      category: null,
      modifiableFactorsIdentified: null,
    });
    await inTransaction(this.ctx.db, async (manager) => {
      await this.repository(manager).insert(review);
      await settleObligationPlans(reviewsLedger(manager, this.ctx.now), childDeathPlans(this.ctx.calendar, review));
      await appendAudit(this.ctx, [auditOf(review, AuditAction.CREATE)], manager);
    });
    return review;
  }

  markCdopNotified(id: string, notifiedOn: string): Promise<ChildDeathReview> {
    const date = validateInput(notPast(this.ctx.today), notifiedOn, 'notifiedOn');
    return this.change(id, (review) => {
      if (review.cdopNotifiedOn) throw new ConflictError(`the CDOP was already notified on ${review.cdopNotifiedOn}`);
      if (date < review.dateOfDeath)
        throw new BadUserInputError('notifiedOn', `must not be before the death on ${review.dateOfDeath}`);
      return { where: { cdopNotifiedOn: IsNull() }, changes: { cdopNotifiedOn: date } };
    });
  }

  recordReviewMeeting(id: string, meetingOn: string): Promise<ChildDeathReview> {
    const date = validateInput(notPast(this.ctx.today), meetingOn, 'meetingOn');
    return this.change(id, (review) => {
      nextChildDeathReviewStage(review.stage(), { kind: 'recordReviewMeeting' });
      if (date < review.dateOfDeath)
        throw new BadUserInputError('meetingOn', `must not be before the death on ${review.dateOfDeath}`);
      return { where: { reviewMeetingOn: IsNull() }, changes: { reviewMeetingOn: date } };
    });
  }

  recordPanelReview(input: RecordChildDeathPanelReviewInput): Promise<ChildDeathReview> {
    const valid = validateInput(panelReviewSchema(this.ctx.today), input);
    return this.change(valid.id, (review) => {
      nextChildDeathReviewStage(review.stage(), { kind: 'recordPanelReview' });
      panelReviewFollows(review, valid.panelReviewOn);
      return {
        where: { panelReviewOn: IsNull() },
        changes: {
          panelReviewOn: valid.panelReviewOn,
          category: valid.category,
          modifiableFactorsIdentified: valid.modifiableFactorsIdentified,
        },
      };
    });
  }

  private change(
    id: string,
    decide: (review: ChildDeathReview) => {
      where: Partial<Record<keyof ChildDeathReview, unknown>>;
      changes: Partial<ChildDeathReview>;
    },
  ): Promise<ChildDeathReview> {
    return inTransaction(this.ctx.db, async (manager) => {
      const repository = this.repository(manager);
      const [review] = await repository.findByIds([id]);
      if (!review) throw new NotFoundError('ChildDeathReview', id);
      this.ctx.scope.requirePartnershipRole(review.partnershipId, partnershipAdministratorRoles);
      const { where, changes } = decide(review);
      if (!(await repository.update(id, where as never, changes))) {
        throw new ConflictError('child death review changed while it was being updated: read it again');
      }
      Object.assign(review, changes);
      await settleObligationPlans(reviewsLedger(manager, this.ctx.now), childDeathPlans(this.ctx.calendar, review));
      await appendAudit(this.ctx, [auditOf(review, AuditAction.UPDATE)], manager);
      return review;
    });
  }
}

/** Hours become whole days after the day of death: 24 hours from a death on D is due by the end of D+1. */
export function cdopDeadline(
  ctx: Pick<SubgraphContext, 'calendar'>,
  review: Pick<ChildDeathReview, 'dateOfDeath' | 'cdopNotificationHours'>,
): Deadline {
  return cdopNotificationDeadline(ctx.calendar, review.dateOfDeath, review.cdopNotificationHours);
}

/** Each stage's target, as its CHILD_DEATH_REVIEW_STAGE obligation has it. */
export function stageDeadlines(
  ctx: Pick<SubgraphContext, 'calendar' | 'today'>,
  review: ChildDeathReview,
): { meeting: DeadlineView; panelReview: DeadlineView } {
  const basis = reviewClockRule('CHILD_DEATH_REVIEW_STAGE').basis;
  return {
    meeting: DeadlineView.of(
      childDeathReviewStageDeadline(ctx.calendar, review.dateOfDeath, 'REVIEW_MEETING'),
      basis,
      review.reviewMeetingOn,
      ctx.today,
    ),
    panelReview: DeadlineView.of(
      childDeathReviewStageDeadline(ctx.calendar, review.dateOfDeath, 'PANEL_REVIEW'),
      basis,
      review.panelReviewOn,
      ctx.today,
    ),
  };
}

function auditOf(review: ChildDeathReview, action: AuditAction): AuditEntry {
  return { action, entityType: 'ChildDeathReview', entityId: review.id, partnershipId: review.partnershipId };
}

const notPast = (today: string) => isoDate.refine((date) => date <= today, 'must not be in the future');
const hoursSchema = z
  .number()
  .int('must be a whole number of hours')
  .min(1, 'must be at least 1 hour')
  .max(168, 'must be at most 168 hours (a week)');

function recordSchema(reference: ReferenceData, today: string) {
  const icbs = new Set(reference.integratedCareBoards.map((icb) => icb.odsCode));
  return z
    .object({
      partnershipId: uuid,
      localAuthorityGssCode: z
        .string()
        .trim()
        .toUpperCase()
        .refine((code) => reference.localAuthorityByGss(code) !== undefined, 'is not a known local authority GSS code'),
      integratedCareBoardOdsCode: z
        .string()
        .trim()
        .toUpperCase()
        .refine((code) => icbs.has(code), 'is not an integrated care board ODS code'),
      childReference: requiredText(40),
      ageAtDeathYears: z
        .number()
        .int()
        .min(0, 'must be 0 or more')
        .max(17, 'must be under 18: child death review covers birth to the 18th birthday'),
      dateOfDeath: notPast(today),
      cdopNotifiedOn: notPast(today).nullish(),
      jointAgencyResponseNeeded: z.boolean(),
      jointAgencyResponseReason: requiredText(2000).nullish(),
    })
    .superRefine((value, context) => {
      if (value.cdopNotifiedOn && value.cdopNotifiedOn < value.dateOfDeath) {
        context.addIssue({
          code: 'custom',
          path: ['cdopNotifiedOn'],
          message: `must not be before the death on ${value.dateOfDeath}`,
        });
      }
      if (value.jointAgencyResponseNeeded && !value.jointAgencyResponseReason) {
        context.addIssue({
          code: 'custom',
          path: ['jointAgencyResponseReason'],
          message: 'is required when a Joint Agency Response was needed',
        });
      }
    });
}

/**
 * The CDOP reviews a death notified to it, after the child death review meeting (Child Death Review
 * Statutory and Operational Guidance 2018; Working Together 2023 ch. 6): so in every case it needs both, and
 * its review is dated on or after each of them. The stage already holds the meeting's order; the
 * notification is not a stage, as a late one must not stop the meeting from being recorded.
 */
function panelReviewFollows(review: ChildDeathReview, panelReviewOn: string): void {
  const meetingOn = review.reviewMeetingOn;
  if (meetingOn === null)
    throw new ConflictError('the child death review meeting is not recorded: the panel review follows it');
  const notifiedOn = review.cdopNotifiedOn;
  if (notifiedOn === null)
    throw new ConflictError('the CDOP has not been notified of this death: record it with markCdopNotified first');
  if (panelReviewOn < meetingOn)
    throw new BadUserInputError('input.panelReviewOn', `must not be before the review meeting on ${meetingOn}`);
  if (panelReviewOn < notifiedOn)
    throw new BadUserInputError('input.panelReviewOn', `must not be before the CDOP was notified on ${notifiedOn}`);
}

function panelReviewSchema(today: string) {
  return z.object({
    id: z.string().trim().min(1),
    panelReviewOn: notPast(today),
    category: z.enum(CdopCategory),
    modifiableFactorsIdentified: z.boolean(),
  });
}
