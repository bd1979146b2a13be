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
import type { Agency } from '../agency/agency.entity';
import { AgencyService } from '../agency/agency.service';
import { Designation } from '../designation/designation.entity';
import { DesignationRepository } from '../designation/designation.repository';
import { Section11Overview, Section11StandardSummary } from './section11-overview.type';
import { RagRating, Section11Action, Section11Rating, Section11Return } from './section11-return.entity';
import { Section11StandardService } from './section11-standard.service';
import type { CompleteSection11ActionInput, SubmitSection11ReturnInput } from './section11.input';
import { Section11ReturnRepository } from './section11.repository';

const uuid = z.string().trim().toLowerCase().regex(uuidPattern, 'must be a uuid');

const submitSchema = z.object({
  partnershipId: uuid,
  agencyId: uuid,
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

/** Who completes a return for an agency: its safeguarding leads and managers. */
const returnRoles: readonly Role[] = [Role.SAFEGUARDING_MANAGER, Role.DESIGNATED_SAFEGUARDING_LEAD];
const actionBasis = 'Section 11 self-assessment action plan (Children Act 2004 s11; due date set by the agency)';

export class Section11ReturnService {
  constructor(private readonly ctx: SubgraphContext) {}

  private repository(manager: EntityManager = this.ctx.db.manager): Section11ReturnRepository {
    return new Section11ReturnRepository(manager, this.ctx.scope);
  }

  // Restricted, but organisational rather than about a child: reads are filtered, not audited.
  ofPartnership(partnershipId: string, financialYear: string | null): Promise<Section11Return[]> {
    this.ctx.scope.requireIdentity();
    const year = financialYear === null ? null : validateInput(financialYearLabel, financialYear, 'financialYear');
    return this.ctx.loaders
      .get<string, Section11Return[]>(`Partnership.section11Returns:${year ?? '*'}`, async (ids) =>
        groupByKey(ids, await this.repository().returnsOfPartnerships(ids, year), (r) => r.partnershipId),
      )
      .load(partnershipId);
  }

  ofAgency(agencyId: string): Promise<Section11Return[]> {
    this.ctx.scope.requireIdentity();
    return this.ctx.loaders
      .get<string, Section11Return[]>('Agency.section11Returns', async (ids) =>
        groupByKey(ids, await this.repository().returnsOfAgencies(ids), (r) => r.agencyId),
      )
      .load(agencyId);
  }

  ratingsOf(submitted: Section11Return): Promise<Section11Rating[]> {
    return this.ctx.loaders
      .get<string, Section11Rating[]>('Section11Return.ratings', async (ids) =>
        groupByKey(ids, await this.repository().ratingsOfReturns(ids), (r) => r.returnId),
      )
      .load(submitted.id);
  }

  actionsOf(rating: Section11Rating): Promise<Section11Action[]> {
    return this.ctx.loaders
      .get<string, Section11Action[]>('Section11Rating.actions', async (ids) =>
        groupByKey(ids, await this.repository().actionsOfRatings(ids), (a) => a.ratingId),
      )
      .load(rating.id);
  }

  deadlineOf(action: Section11Action): DeadlineView {
    return DeadlineView.of(
      { due: action.dueOn, rule: `due date set in the agency's ${action.financialYear} section 11 return`, provisional: false },
      actionBasis,
      action.completedOn,
      this.ctx.today,
    );
  }

  /** Who has not returned, the ratings across agencies and overdue actions: for the partnership's staff. */
  async overview(partnershipId: string, financialYearInput: string): Promise<Section11Overview> {
    this.ctx.scope.requirePartnershipRole(partnershipId, partnershipStaffRoles);
    const year = financialYearOf(validateInput(financialYearLabel, financialYearInput, 'financialYear'));
    const [designations, returns, standards, overdueActions] = await Promise.all([
      this.ctx.loaders
        .get<string, Designation[]>(`Partnership.designationsDuring:${year.label}`, async (ids) =>
          groupByKey(ids, await new DesignationRepository(this.ctx.db.manager, this.ctx.scope).overlapping(ids, year.startsOn, year.endsOn), (d) => d.partnershipId),
        )
        .load(partnershipId),
      this.ofPartnership(partnershipId, year.label),
      new Section11StandardService(this.ctx).standardsOf(partnershipId),
      this.ctx.loaders
        .get<string, Section11Action[]>('Partnership.overdueSection11Actions', async (ids) =>
          groupByKey(ids, await this.repository().overdueActions(ids, this.ctx.today), (a) => a.partnershipId),
        )
        .load(partnershipId),
    ]);
    const returned = new Set(returns.map((r) => r.agencyId));
    const missing = [...new Set(designations.map((d) => d.agencyId))].filter((agencyId) => !returned.has(agencyId));
    const agencies = new AgencyService(this.ctx);
    const [notReturned, ratings] = await Promise.all([
      Promise.all(missing.map((agencyId) => agencies.byId(agencyId))),
      Promise.all(returns.map((r) => this.ratingsOf(r))),
    ]);
    const allRatings = ratings.flat();
    // The partnership's current standards first, then any a return rated that have since been replaced.
    const keys = [...standards.map((s) => ({ key: s.key, title: s.title }))];
    for (const rating of allRatings) {
      if (!keys.some((k) => k.key === rating.standardKey)) keys.push({ key: rating.standardKey, title: rating.standardTitle });
    }
    const count = (key: string, value: RagRating) => allRatings.filter((r) => r.standardKey === key && r.rating === value).length;
    return Object.assign(new Section11Overview(), {
      financialYear: year.label,
      notReturned: notReturned.filter((agency): agency is Agency => agency !== null).sort((a, b) => a.name.localeCompare(b.name)),
      ratings: keys.map(({ key, title }) =>
        Object.assign(new Section11StandardSummary(), {
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

  async submit(input: SubmitSection11ReturnInput): Promise<Section11Return> {
    const identity = this.ctx.scope.requireIdentity();
    const valid = validateInput(submitSchema, input);
    // A due date is set for what is still to be done: not before today.
    valid.standards.forEach((standard, i) =>
      standard.actions.forEach((action, j) => {
        if (action.dueOn < this.ctx.today) {
          throw new BadUserInputError(`input.standards.${i}.actions.${j}.dueOn`, `must not be before today (${this.ctx.today}): an action plan sets dates still to come`);
        }
      }),
    );
    if (identity.organisation.id !== valid.agencyId) {
      throw new ForbiddenError('Only the agency\'s own staff submit its section 11 return');
    }
    if (!this.ctx.scope.hasRole(...returnRoles)) throw new ForbiddenError(`This needs one of the roles ${returnRoles.join(', ')}`);
    // As for designations: partnerships are known here only through the caller's verified token.
    if (!this.ctx.scope.actsIn(valid.partnershipId)) {
      throw new BadUserInputError('input.partnershipId', 'is not a partnership you act in (your token\'s partnerships claim)');
    }
    if (valid.financialYear > financialYearContaining(this.ctx.today)) {
      throw new BadUserInputError('input.financialYear', `must not be after the current financial year (${financialYearContaining(this.ctx.today)})`);
    }
    const year = financialYearOf(valid.financialYear);
    const standards = await new Section11StandardService(this.ctx).standardsOf(valid.partnershipId);
    const byKey = new Map(standards.map((s) => [s.key, s]));
    const seen = new Set<string>();
    valid.standards.forEach((rated, index) => {
      if (!byKey.has(rated.standardKey)) {
        throw new BadUserInputError(`input.standards.${index}.standardKey`, `${rated.standardKey} is not one of the partnership's section 11 standards`);
      }
      if (seen.has(rated.standardKey)) throw new BadUserInputError(`input.standards.${index}.standardKey`, `${rated.standardKey} is rated twice`);
      seen.add(rated.standardKey);
    });
    const unrated = standards.filter((s) => !seen.has(s.key)).map((s) => s.key);
    if (unrated.length > 0) throw new BadUserInputError('input.standards', `must rate every standard; not rated: ${unrated.join(', ')}`);

    const submitted = Object.assign(new Section11Return(), {
      id: newId(),
      partnershipId: valid.partnershipId,
      agencyId: valid.agencyId,
      financialYear: year.label,
      submittedOn: this.ctx.today,
    });
    const ratings: Section11Rating[] = [];
    const actions: Section11Action[] = [];
    for (const rated of valid.standards) {
      const rating = Object.assign(new Section11Rating(), {
        id: newId(),
        returnId: submitted.id,
        partnershipId: submitted.partnershipId,
        agencyId: submitted.agencyId,
        standardKey: rated.standardKey,
        standardTitle: byKey.get(rated.standardKey)?.title ?? rated.standardKey,
        rating: rated.rating,
        evidence: rated.evidence,
      });
      ratings.push(rating);
      for (const action of rated.actions) {
        actions.push(
          Object.assign(new Section11Action(), {
            id: newId(),
            ratingId: rating.id,
            partnershipId: submitted.partnershipId,
            agencyId: submitted.agencyId,
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
      const designations = await new DesignationRepository(manager, this.ctx.scope).overlapping([valid.partnershipId], year.startsOn, year.endsOn);
      if (!designations.some((d) => d.agencyId === valid.agencyId)) {
        throw new BadUserInputError('input.agencyId', `is not designated as a relevant agency by this partnership in ${year.label}`);
      }
      const repository = this.repository(manager);
      const existing = await repository.findReturn(valid.partnershipId, valid.agencyId, year.label);
      if (existing) throw new ConflictError(`The ${year.label} return was already submitted on ${existing.submittedOn}`);
      await repository.insert(submitted, ratings, actions);
      await appendAudit(this.ctx, [{ action: AuditAction.CREATE, entityType: 'Section11Return', entityId: submitted.id, partnershipId: submitted.partnershipId }], manager);
    });
    this.ctx.logger.info({ returnId: submitted.id }, 'section 11 return submitted');
    return submitted;
  }

  /** The agency's own staff, or the partnership's administrators, record an action as done. */
  async completeAction(input: CompleteSection11ActionInput): Promise<Section11Action> {
    const identity = this.ctx.scope.requireIdentity();
    const valid = validateInput(completeSchema, input);
    if (valid.completedOn > this.ctx.today) throw new BadUserInputError('input.completedOn', 'must not be in the future');
    return this.ctx.db.transaction(async (manager) => {
      const repository = this.repository(manager);
      const action = await repository.findAction(valid.actionId);
      const own = action?.agencyId === identity.organisation.id;
      const administrator = action ? this.ctx.scope.hasRole(...partnershipAdministratorRoles) && this.ctx.scope.actsIn(action.partnershipId) : false;
      // Someone who could not see the action is told nothing more than that it is not there.
      if (!action || (!own && !administrator)) throw new NotFoundError('Section11Action', valid.actionId);
      if (action.completedOn !== null) throw new ConflictError(`The action is already completed (on ${action.completedOn})`);
      await repository.completeAction(action.id, valid.completedOn);
      await appendAudit(this.ctx, [{ action: AuditAction.UPDATE, entityType: 'Section11Action', entityId: action.id, partnershipId: action.partnershipId }], manager);
      return Object.assign(action, { completedOn: valid.completedOn });
    });
  }
}
