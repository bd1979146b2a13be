import { z } from 'zod';
import {
  financialYearContaining,
  financialYearLabel,
  financialYearOf,
  appendAudit,
  AuditAction,
  BadUserInputError,
  ConflictError,
  DeadlineView,
  ForbiddenError,
  groupByKey,
  isoDate,
  newId,
  NotFoundError,
  partnershipAdministratorRoles,
  partnershipStaffRoles,
  requiredText,
  Role,
  uuidPattern,
  validateInput,
  type SubgraphContext,
} from '@safeguarding/shared';
import type { EntityManager } from 'typeorm';
import type { SchoolDesignation } from '../school/school-designation.entity';
import type { School } from '../school/school.entity';
import { SchoolRepository } from '../school/school.repository';
import { SchoolService } from '../school/school.service';
import { SchoolSafeguardingOverview, SchoolSafeguardingStandardSummary } from './school-safeguarding-overview.type';
import { RagRating, SchoolSafeguardingAction, SchoolSafeguardingRating, SchoolSafeguardingReturn } from './school-safeguarding-return.entity';
import { SchoolSafeguardingStandardService } from './school-safeguarding-standard.service';
import type { CompleteSchoolSafeguardingActionInput, SubmitSchoolSafeguardingReturnInput } from './self-assessment.input';
import { SchoolSafeguardingReturnRepository } from './self-assessment.repository';

const uuid = z.string().trim().toLowerCase().regex(uuidPattern, 'must be a uuid');

const submitSchema = z.object({
  partnershipId: uuid,
  urn: z.string().trim().regex(/^\d{6}$/, 'must be a URN: exactly 6 digits'),
  financialYear: financialYearLabel,
  standards: z
    .array(
      z.object({
        standardKey: z.string().trim().toUpperCase(),
        rating: z.enum(RagRating),
        evidence: requiredText(4000),
        actions: z
          .array(z.object({ description: requiredText(1000), owner: requiredText(200), dueOn: isoDate }))
          .max(20, 'must list at most 20 actions'),
      }),
    )
    .min(1, 'must rate the partnership\'s standards'),
});

const completeSchema = z.object({ actionId: uuid, completedOn: isoDate });

const actionBasis = 'Section 175/157 safeguarding self-assessment action plan (Education Act 2002; due date set by the school)';

export class SchoolSafeguardingReturnService {
  constructor(private readonly ctx: SubgraphContext) {}

  private repository(manager: EntityManager = this.ctx.db.manager): SchoolSafeguardingReturnRepository {
    return new SchoolSafeguardingReturnRepository(manager, this.ctx.scope);
  }

  // Restricted, but organisational rather than about a child: reads are filtered, not audited.
  ofPartnership(partnershipId: string, financialYear: string | null): Promise<SchoolSafeguardingReturn[]> {
    this.ctx.scope.requireIdentity();
    const year = financialYear === null ? null : validateInput(financialYearLabel, financialYear, 'financialYear');
    return this.ctx.loaders
      .get<string, SchoolSafeguardingReturn[]>(`Partnership.schoolSafeguardingReturns:${year ?? '*'}`, async (ids) =>
        groupByKey(ids, await this.repository().returnsOfPartnerships(ids, year), (r) => r.partnershipId),
      )
      .load(partnershipId);
  }

  ofSchool(urn: string): Promise<SchoolSafeguardingReturn[]> {
    this.ctx.scope.requireIdentity();
    return this.ctx.loaders
      .get<string, SchoolSafeguardingReturn[]>('School.safeguardingReturns', async (urns) =>
        groupByKey(urns, await this.repository().returnsOfSchools(urns), (r) => r.urn),
      )
      .load(urn);
  }

  ratingsOf(submitted: SchoolSafeguardingReturn): Promise<SchoolSafeguardingRating[]> {
    return this.ctx.loaders
      .get<string, SchoolSafeguardingRating[]>('SchoolSafeguardingReturn.ratings', async (ids) =>
        groupByKey(ids, await this.repository().ratingsOfReturns(ids), (r) => r.returnId),
      )
      .load(submitted.id);
  }

  actionsOf(rating: SchoolSafeguardingRating): Promise<SchoolSafeguardingAction[]> {
    return this.ctx.loaders
      .get<string, SchoolSafeguardingAction[]>('SchoolSafeguardingRating.actions', async (ids) =>
        groupByKey(ids, await this.repository().actionsOfRatings(ids), (a) => a.ratingId),
      )
      .load(rating.id);
  }

  deadlineOf(action: SchoolSafeguardingAction): DeadlineView {
    return DeadlineView.of(
      { due: action.dueOn, rule: `due date set in the school's ${action.financialYear} safeguarding self-assessment`, provisional: false },
      actionBasis,
      action.completedOn,
      this.ctx.today,
    );
  }

  /** Who has not returned, the ratings across schools and overdue actions: for the partnership's staff. */
  async overview(partnershipId: string, financialYearInput: string): Promise<SchoolSafeguardingOverview> {
    this.ctx.scope.requirePartnershipRole(partnershipId, partnershipStaffRoles);
    const year = financialYearOf(validateInput(financialYearLabel, financialYearInput, 'financialYear'));
    const [designations, returns, standards, overdueActions] = await Promise.all([
      this.ctx.loaders
        .get<string, SchoolDesignation[]>(`Partnership.schoolDesignationsDuring:${year.label}`, async (ids) =>
          groupByKey(ids, await new SchoolRepository(this.ctx.db.manager, this.ctx.scope).designationsOverlapping(ids, year.startsOn, year.endsOn), (d) => d.partnershipId),
        )
        .load(partnershipId),
      this.ofPartnership(partnershipId, year.label),
      new SchoolSafeguardingStandardService(this.ctx).standardsOf(partnershipId),
      this.ctx.loaders
        .get<string, SchoolSafeguardingAction[]>('Partnership.overdueSchoolSafeguardingActions', async (ids) =>
          groupByKey(ids, await this.repository().overdueActions(ids, this.ctx.today), (a) => a.partnershipId),
        )
        .load(partnershipId),
    ]);
    const returned = new Set(returns.map((r) => r.urn));
    const missing = [...new Set(designations.map((d) => d.urn))].filter((urn) => !returned.has(urn));
    const schools = new SchoolService(this.ctx);
    const [notReturned, ratings] = await Promise.all([
      Promise.all(missing.map((urn) => schools.byUrn(urn))),
      Promise.all(returns.map((r) => this.ratingsOf(r))),
    ]);
    const allRatings = ratings.flat();
    // The partnership's current standards first, then any a return rated that have since been replaced.
    const keys = standards.map((s) => ({ key: s.key, title: s.title }));
    for (const rating of allRatings) {
      if (!keys.some((k) => k.key === rating.standardKey)) keys.push({ key: rating.standardKey, title: rating.standardTitle });
    }
    const count = (key: string, value: RagRating) => allRatings.filter((r) => r.standardKey === key && r.rating === value).length;
    return Object.assign(new SchoolSafeguardingOverview(), {
      financialYear: year.label,
      notReturned: notReturned.filter((school): school is School => school !== null).sort((a, b) => a.name.localeCompare(b.name)),
      ratings: keys.map(({ key, title }) =>
        Object.assign(new SchoolSafeguardingStandardSummary(), {
          standardKey: key,
          title,
          red: count(key, RagRating.RED),
          amber: count(key, RagRating.AMBER),
          green: count(key, RagRating.GREEN),
        }),
      ),
      overdueActions,
    });
  }

  /** By the school's designated safeguarding lead, for a partnership that designated the school in the year. */
  async submit(input: SubmitSchoolSafeguardingReturnInput): Promise<SchoolSafeguardingReturn> {
    const identity = this.ctx.scope.requireIdentity();
    const valid = validateInput(submitSchema, input);
    if (identity.organisation.kind !== 'SCHOOL' || identity.organisation.id !== valid.urn) {
      throw new ForbiddenError('Only the school\'s own designated safeguarding lead submits its safeguarding return');
    }
    if (!this.ctx.scope.hasRole(Role.DESIGNATED_SAFEGUARDING_LEAD)) throw new ForbiddenError(`This needs the role ${Role.DESIGNATED_SAFEGUARDING_LEAD}`);
    // Partnerships are known here only through the caller's verified token.
    if (!this.ctx.scope.actsIn(valid.partnershipId)) {
      throw new BadUserInputError('input.partnershipId', 'is not a partnership you act in (your token\'s partnerships claim)');
    }
    const current = financialYearContaining(this.ctx.today);
    if (valid.financialYear > current) throw new BadUserInputError('input.financialYear', `must not be after the current financial year (${current})`);
    const year = financialYearOf(valid.financialYear);
    const standards = await new SchoolSafeguardingStandardService(this.ctx).standardsOf(valid.partnershipId);
    const byKey = new Map(standards.map((s) => [s.key, s]));
    const seen = new Set<string>();
    valid.standards.forEach((rated, index) => {
      if (!byKey.has(rated.standardKey)) {
        throw new BadUserInputError(`input.standards.${index}.standardKey`, `${rated.standardKey} is not one of the partnership's school safeguarding standards`);
      }
      if (seen.has(rated.standardKey)) throw new BadUserInputError(`input.standards.${index}.standardKey`, `${rated.standardKey} is rated twice`);
      seen.add(rated.standardKey);
    });
    const unrated = standards.filter((s) => !seen.has(s.key)).map((s) => s.key);
    if (unrated.length > 0) throw new BadUserInputError('input.standards', `must rate every standard; not rated: ${unrated.join(', ')}`);

    const submitted = Object.assign(new SchoolSafeguardingReturn(), {
      id: newId(),
      partnershipId: valid.partnershipId,
      urn: valid.urn,
      financialYear: year.label,
      submittedOn: this.ctx.today,
    });
    const ratings: SchoolSafeguardingRating[] = [];
    const actions: SchoolSafeguardingAction[] = [];
    for (const rated of valid.standards) {
      const rating = Object.assign(new SchoolSafeguardingRating(), {
        id: newId(),
        returnId: submitted.id,
        partnershipId: submitted.partnershipId,
        urn: submitted.urn,
        standardKey: rated.standardKey,
        standardTitle: byKey.get(rated.standardKey)?.title ?? rated.standardKey,
        rating: rated.rating,
        evidence: rated.evidence,
      });
      ratings.push(rating);
      for (const action of rated.actions) {
        actions.push(
          Object.assign(new SchoolSafeguardingAction(), {
            id: newId(),
            ratingId: rating.id,
            partnershipId: submitted.partnershipId,
            urn: submitted.urn,
            financialYear: year.label,
            standardKey: rated.standardKey,
            description: action.description,
            owner: action.owner,
            dueOn: action.dueOn,
            completedOn: null,
          }),
        );
      }
    }
    await this.ctx.db.transaction(async (manager) => {
      const designations = await new SchoolRepository(manager, this.ctx.scope).designationsOverlapping([valid.partnershipId], year.startsOn, year.endsOn);
      if (!designations.some((d) => d.urn === valid.urn)) {
        throw new BadUserInputError('input.urn', `is not designated as a relevant agency by this partnership in ${year.label}`);
      }
      const repository = this.repository(manager);
      const existing = await repository.findReturn(valid.partnershipId, valid.urn, year.label);
      if (existing) throw new ConflictError(`The ${year.label} return was already submitted on ${existing.submittedOn}`);
      await repository.insert(submitted, ratings, actions);
      await appendAudit(this.ctx, [{ action: AuditAction.CREATE, entityType: 'SchoolSafeguardingReturn', entityId: submitted.id, partnershipId: submitted.partnershipId }], manager);
    });
    this.ctx.logger.info({ returnId: submitted.id }, 'school safeguarding return submitted');
    return submitted;
  }

  /** The school's own staff, or the partnership's administrators, record an action as done. */
  async completeAction(input: CompleteSchoolSafeguardingActionInput): Promise<SchoolSafeguardingAction> {
    const identity = this.ctx.scope.requireIdentity();
    const valid = validateInput(completeSchema, input);
    if (valid.completedOn > this.ctx.today) throw new BadUserInputError('input.completedOn', 'must not be in the future');
    return this.ctx.db.transaction(async (manager) => {
      const repository = this.repository(manager);
      const action = await repository.findAction(valid.actionId);
      const own = action !== null && identity.organisation.kind === 'SCHOOL' && action.urn === identity.organisation.id;
      const administrator = action ? this.ctx.scope.hasRole(...partnershipAdministratorRoles) && this.ctx.scope.actsIn(action.partnershipId) : false;
      // Someone who could not see the action is told nothing more than that it is not there.
      if (!action || (!own && !administrator)) throw new NotFoundError('SchoolSafeguardingAction', valid.actionId);
      if (action.completedOn !== null) throw new ConflictError(`The action is already completed (on ${action.completedOn})`);
      await repository.completeAction(action.id, valid.completedOn);
      await appendAudit(this.ctx, [{ action: AuditAction.UPDATE, entityType: 'SchoolSafeguardingAction', entityId: action.id, partnershipId: action.partnershipId }], manager);
      return Object.assign(action, { completedOn: valid.completedOn });
    });
  }
}
