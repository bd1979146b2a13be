import { z } from 'zod';
import type { EntityManager } from 'typeorm';
import { appendAudit, AuditAction, noteRefusedRow } from '../audit';
import { partnershipAdministratorRoles, partnershipStaffRoles, type Role } from '../auth';
import type { SubgraphContext } from '../context';
import { DeadlineView } from '../deadline';
import { BadUserInputError, ConflictError, ForbiddenError, NotFoundError } from '../errors';
import { financialYearContaining, financialYearLabel, financialYearOf } from '../financial-year';
import type { AccessScope } from '../identity';
import { newId, uuidPattern } from '../ids';
import { connection, nestedPage, type Connection, type ConnectionClass, type PageArgs } from '../connection';
import { groupByKey } from '../loaders';
import { isoDate, requiredText, validateInput } from '../validation';
import {
  defaultReturnDue,
  isYearlyDay,
  returnDueOn,
  SelfAssessmentObligations,
  type SelfAssessmentObligationSource,
} from './self-assessment.obligations';
import {
  SelfAssessmentDesignationRepository,
  SelfAssessmentReturnRepository,
  SelfAssessmentStandardRepository,
  type NotReturned,
  type SelfAssessmentDesignationTable,
} from './self-assessment.repository';
import {
  RagRating,
  type CompleteSelfAssessmentActionInput,
  type OfMember,
  type SelfAssessmentAction,
  type SelfAssessmentOverview,
  type SelfAssessmentRating,
  type SelfAssessmentReturn,
  type SelfAssessmentStandard,
  type SelfAssessmentStandardDefinition,
  type SubmitSelfAssessmentInput,
  selfAssessmentLimits,
} from './self-assessment.types';
import { inTransaction } from '../database';

/**
 * What a module (agencies' section 11, schools' section 175/157) tells the engine about its members
 * and its law; everything else about standards, returns, ratings and actions is the engine's.
 */
export interface SelfAssessmentModule<
  K extends string,
  M extends { name: string },
> extends SelfAssessmentObligationSource<K> {
  /** As the module's messages and logs name it, e.g. "section 11". */
  readonly label: string;
  readonly memberSchema: z.ZodType<string>;
  /**
   * The members the caller acts for, among those that make returns: its own organisation, and for
   * schools every school that delegates to the calling system (`AccessScope.schoolsActedFor`).
   */
  ownMembers(scope: AccessScope): readonly string[];
  /** Who in the member completes its return. */
  readonly submitters: readonly Role[];
  readonly refusedSubmitter: string;
  /** Whether an action's due date must not be before the day the return is made. */
  readonly actionsFromToday: boolean;
  defaultStandards(): SelfAssessmentStandardDefinition[];
  member(ctx: SubgraphContext, memberId: string): Promise<M | null>;
  /** The module's designations table, for the overview's members that have not returned (paged in SQL). */
  readonly designations: SelfAssessmentDesignationTable;
}

const uuid = z.string().trim().toLowerCase().regex(uuidPattern, 'must be a uuid');

const standardsSchema = z
  .array(
    z.object({
      key: z
        .string()
        .trim()
        .toUpperCase()
        .regex(/^[A-Z][A-Z0-9_]{1,39}$/, 'must be 2 to 40 capitals, digits and underscores, starting with a letter'),
      title: requiredText(200),
      description: requiredText(1000),
    }),
  )
  .min(1, 'must list at least one standard')
  .max(selfAssessmentLimits.standards, `must list at most ${selfAssessmentLimits.standards} standards`)
  .superRefine((standards, context) => {
    const seen = new Set<string>();
    standards.forEach((standard, index) => {
      if (seen.has(standard.key))
        context.addIssue({ code: 'custom', path: [index, 'key'], message: `${standard.key} is listed twice` });
      seen.add(standard.key);
    });
  });

const ratingsSchema = z
  .array(
    z.object({
      standardKey: z.string().trim().toUpperCase(),
      rating: z.enum(RagRating),
      evidence: requiredText(4000),
      actions: z
        .array(z.object({ description: requiredText(1000), owner: requiredText(200), dueOn: isoDate }))
        .max(
          selfAssessmentLimits.actionsPerRating,
          `must list at most ${selfAssessmentLimits.actionsPerRating} actions`,
        ),
    }),
  )
  .min(1, "must rate the partnership's standards")
  .max(selfAssessmentLimits.standards, `must list at most ${selfAssessmentLimits.standards} ratings`);

const completeSchema = z.object({ actionId: uuid, completedOn: isoDate });

/**
 * One self-assessment engine for every module: standards per partnership (a default set until
 * configured), yearly returns with RAG ratings and evidence, actions with deadlines, an overview for
 * the partnership's staff. Permission first, audit last; reads of returns are audited, as of any
 * restricted record; obligations move with the change that moves them.
 */
export class SelfAssessmentEngine<K extends string, M extends { name: string }> {
  private readonly key: K;
  private readonly prefix: string;
  /** The prefix as it starts a field name, e.g. section11. */
  private readonly field: string;
  private readonly submitSchema;

  constructor(
    private readonly ctx: SubgraphContext,
    private readonly module: SelfAssessmentModule<K, M>,
  ) {
    this.key = module.types.naming.member.key;
    this.prefix = module.types.naming.prefix;
    this.field = this.prefix.charAt(0).toLowerCase() + this.prefix.slice(1);
    this.submitSchema = z.object({
      partnershipId: uuid,
      [this.key]: module.memberSchema,
      financialYear: financialYearLabel,
      standards: ratingsSchema,
    });
  }

  private repository(manager: EntityManager = this.ctx.db.manager): SelfAssessmentReturnRepository<K> {
    return new SelfAssessmentReturnRepository(
      manager,
      this.ctx.scope,
      this.module.types,
      this.module.ownMembers(this.ctx.scope),
    );
  }

  private memberOf(row: { [P in K]: string }): string {
    return row[this.key];
  }

  // ---- standards

  /** The partnership's configured standards, or the default set while it has configured none. */
  async standardsOf(partnershipId: string): Promise<SelfAssessmentStandard[]> {
    const { Standard } = this.module.types;
    const configured = await this.ctx.loaders
      .get<string, SelfAssessmentStandard[]>(`${this.prefix}.standards`, async (ids) =>
        groupByKey(
          ids,
          await new SelfAssessmentStandardRepository(this.ctx.db.manager, this.module.types).ofPartnerships(ids),
          (s) => s.partnershipId,
        ),
      )
      .load(partnershipId);
    if (configured.length > 0)
      return configured.map((standard) => Object.assign(new Standard(), standard, { isDefault: false }));
    return this.module
      .defaultStandards()
      .map((standard, index) =>
        Object.assign(new Standard(), { id: '', partnershipId, position: index + 1, ...standard, isDefault: true }),
      );
  }

  async configureStandards(
    partnershipIdInput: string,
    input: SelfAssessmentStandardDefinition[],
  ): Promise<SelfAssessmentStandard[]> {
    const partnershipId = validateInput(uuid, partnershipIdInput, 'partnershipId');
    this.ctx.scope.requirePartnershipRole(partnershipId, partnershipAdministratorRoles);
    const valid = validateInput(standardsSchema, input, 'standards');
    const standards = valid.map((standard, index) =>
      Object.assign(new this.module.types.Standard(), { id: newId(), partnershipId, position: index + 1, ...standard }),
    );
    // Returns already made keep the titles they were made against (copied into each rating).
    await inTransaction(this.ctx.db, (manager) =>
      new SelfAssessmentStandardRepository(manager, this.module.types).replace(partnershipId, standards),
    );
    this.ctx.logger.info({ partnershipId, standards: standards.length }, `${this.module.label} standards configured`);
    return standards.map((standard) => Object.assign(standard, { isDefault: false }));
  }

  // ---- reads

  /** A page of the partnership's returns (of one year, or every year), cut in SQL for every partnership asked for at once. */
  async pageOfPartnership(
    partnershipId: string,
    financialYear: string | null,
    args: PageArgs,
  ): Promise<Connection<OfMember<SelfAssessmentReturn, K>>> {
    this.ctx.scope.requireIdentity();
    const year = financialYear === null ? null : validateInput(financialYearLabel, financialYear, 'financialYear');
    const repository = this.repository();
    const page = await nestedPage<OfMember<SelfAssessmentReturn, K>>({
      list: `Partnership.${this.field}Returns`,
      loaders: this.ctx.loaders,
      parent: partnershipId,
      args,
      order: repository.partnershipOrder,
      variant: year,
      parentOf: (row) => row.partnershipId,
      rows: (ids, after, limit) => repository.returnPagesOfPartnerships(ids, year, after, limit),
      count: (ids) => repository.returnCountsOfPartnerships(ids, year),
      seen: async (rows) => {
        await this.audited(rows);
      },
    });
    return connection(this.module.types.ReturnConnection, page, page.count);
  }

  /** Every return of the year, for the overview's figures: bounded by the partnership's designations (one return each a year). */
  ofPartnership(partnershipId: string, financialYear: string): Promise<Array<OfMember<SelfAssessmentReturn, K>>> {
    return this.ctx.loaders
      .get<string, Array<OfMember<SelfAssessmentReturn, K>>>(
        `${this.prefix}.returnsOfPartnership:${financialYear}`,
        async (ids) =>
          groupByKey(
            ids,
            await this.audited(await this.repository().returnsOfPartnerships(ids, financialYear)),
            (r) => r.partnershipId,
          ),
      )
      .load(partnershipId);
  }

  /** A page of the member's returns, cut in SQL for every member asked for at once. */
  async pageOfMember(memberId: string, args: PageArgs): Promise<Connection<OfMember<SelfAssessmentReturn, K>>> {
    this.ctx.scope.requireIdentity();
    const repository = this.repository();
    const page = await nestedPage<OfMember<SelfAssessmentReturn, K>>({
      list: `${this.module.types.naming.member.field}.${this.module.types.naming.member.returnsField}`,
      loaders: this.ctx.loaders,
      parent: memberId,
      args,
      order: repository.memberOrder,
      parentOf: (row) => this.memberOf(row),
      rows: (ids, after, limit) => repository.returnPagesOfMembers(ids, after, limit),
      count: (ids) => repository.returnCountsOfMembers(ids),
      seen: async (rows) => {
        await this.audited(rows);
      },
    });
    return connection(this.module.types.ReturnConnection, page, page.count);
  }

  /** One audit record a return read, in one statement a batch, as for any restricted record. */
  private async audited<T extends SelfAssessmentReturn>(rows: T[]): Promise<T[]> {
    const entityType = `${this.prefix}Return`;
    await appendAudit(
      this.ctx,
      rows.map((row) => ({ action: AuditAction.READ, entityType, entityId: row.id, partnershipId: row.partnershipId })),
    );
    return rows;
  }

  ratingsOf(submitted: SelfAssessmentReturn): Promise<Array<OfMember<SelfAssessmentRating, K>>> {
    return this.ctx.loaders
      .get<string, Array<OfMember<SelfAssessmentRating, K>>>(`${this.prefix}.ratings`, async (ids) =>
        groupByKey(ids, await this.repository().ratingsOfReturns(ids), (r) => r.returnId),
      )
      .load(submitted.id);
  }

  actionsOf(rating: SelfAssessmentRating): Promise<Array<OfMember<SelfAssessmentAction, K>>> {
    return this.ctx.loaders
      .get<string, Array<OfMember<SelfAssessmentAction, K>>>(`${this.prefix}.actions`, async (ids) =>
        groupByKey(ids, await this.repository().actionsOfRatings(ids), (a) => a.ratingId),
      )
      .load(rating.id);
  }

  deadlineOf(action: SelfAssessmentAction): DeadlineView {
    return DeadlineView.of(
      { due: action.dueOn, rule: this.module.actionRule(action.financialYear), provisional: false },
      this.module.actionBasis,
      action.completedOn,
      this.ctx.today,
    );
  }

  /** Who has not returned, the ratings across members and overdue actions: for the partnership's staff. */
  async overview(partnershipId: string, financialYearInput: string): Promise<SelfAssessmentOverview> {
    this.ctx.scope.requirePartnershipRole(partnershipId, partnershipStaffRoles);
    const year = financialYearOf(validateInput(financialYearLabel, financialYearInput, 'financialYear'));
    const [returns, standards] = await Promise.all([
      this.ofPartnership(partnershipId, year.label),
      this.standardsOf(partnershipId),
    ]);
    const ratings = await Promise.all(returns.map((r) => this.ratingsOf(r)));
    const allRatings = ratings.flat();
    // The partnership's current standards first, then any a return rated that have since been replaced.
    const keys = standards.map((s) => ({ key: s.key, title: s.title }));
    for (const rating of allRatings) {
      if (!keys.some((k) => k.key === rating.standardKey))
        keys.push({ key: rating.standardKey, title: rating.standardTitle });
    }
    const count = (key: string, value: RagRating) =>
      allRatings.filter((r) => r.standardKey === key && r.rating === value).length;
    return Object.assign(new this.module.types.Overview(), {
      partnershipId,
      financialYear: year.label,
      ratings: keys.map(({ key, title }) =>
        Object.assign(new this.module.types.Summary(), {
          standardKey: key,
          title,
          red: count(key, RagRating.RED),
          amber: count(key, RagRating.AMBER),
          green: count(key, RagRating.GREEN),
        }),
      ),
    }) as SelfAssessmentOverview;
  }

  /**
   * A page of the members designated during the year that have not returned, by name, cut in SQL
   * for every overview asked for at once (see SelfAssessmentDesignationRepository).
   */
  async notReturnedOf(partnershipId: string, financialYear: string, args: PageArgs): Promise<Connection<M>> {
    this.ctx.scope.requirePartnershipRole(partnershipId, partnershipStaffRoles);
    const year = financialYearOf(financialYear);
    const designations = new SelfAssessmentDesignationRepository<K, M>(
      this.ctx.db.manager,
      this.module.types,
      this.module.designations,
    );
    const page = await nestedPage<NotReturned<M>>({
      list: `${this.prefix}Overview.notReturned`,
      loaders: this.ctx.loaders,
      parent: partnershipId,
      args,
      order: designations.notReturnedOrder,
      variant: year.label,
      parentOf: (row) => row.partnershipId,
      rows: (ids, after, limit) => designations.notReturnedPages(ids, year, after, limit),
      count: (ids) => designations.notReturnedCounts(ids, year),
    });
    return connection(
      this.module.types.MemberConnection as ConnectionClass<M>,
      { ...page, nodes: page.nodes.map((row) => row.member) },
      page.count,
    );
  }

  /** A page of the partnership's overdue actions of any year, cut in SQL for every overview asked for at once. */
  async overdueActionsOf(
    partnershipId: string,
    args: PageArgs,
  ): Promise<Connection<OfMember<SelfAssessmentAction, K>>> {
    this.ctx.scope.requirePartnershipRole(partnershipId, partnershipStaffRoles);
    const repository = this.repository();
    const today = this.ctx.today;
    const page = await nestedPage<OfMember<SelfAssessmentAction, K>>({
      list: `${this.prefix}Overview.overdueActions`,
      loaders: this.ctx.loaders,
      parent: partnershipId,
      args,
      order: repository.overdueOrder,
      variant: today,
      parentOf: (row) => row.partnershipId,
      rows: (ids, after, limit) => repository.overdueActionPages(ids, today, after, limit),
      count: (ids) => repository.overdueActionCounts(ids, today),
    });
    return connection(this.module.types.ActionConnection, page, page.count);
  }

  // ---- writes

  /** By the member's own staff in the submitting roles, for a partnership that designated it in the year. */
  async submit(input: SubmitSelfAssessmentInput): Promise<OfMember<SelfAssessmentReturn, K>> {
    const identity = this.ctx.scope.requireIdentity();
    const valid = validateInput(this.submitSchema, input) as {
      partnershipId: string;
      financialYear: string;
      standards: z.infer<typeof ratingsSchema>;
    } & { [P in K]: string };
    const memberId = this.memberOf(valid);
    if (this.module.actionsFromToday) {
      // A due date is set for what is still to be done: not before today.
      valid.standards.forEach((standard, i) =>
        standard.actions.forEach((action, j) => {
          if (action.dueOn < this.ctx.today) {
            throw new BadUserInputError(
              `input.standards.${i}.actions.${j}.dueOn`,
              `must not be before today (${this.ctx.today}): an action plan sets dates still to come`,
            );
          }
        }),
      );
    }
    if (!this.module.ownMembers(this.ctx.scope).includes(memberId))
      throw new ForbiddenError(this.module.refusedSubmitter);
    const roles = this.module.submitters;
    if (!this.ctx.scope.hasRole(...roles))
      throw new ForbiddenError(
        roles.length === 1 ? `This needs the role ${roles[0]}` : `This needs one of the roles ${roles.join(', ')}`,
      );
    const current = financialYearContaining(this.ctx.today);
    if (valid.financialYear > current)
      throw new BadUserInputError('input.financialYear', `must not be after the current financial year (${current})`);
    const year = financialYearOf(valid.financialYear);
    // Partnerships are known here through the caller's verified token; a system acting for a member
    // that delegated to it holds none of its own, so the member's designation that year stands in.
    const delegated = this.ctx.scope.isSystem && identity.organisation.id !== memberId;
    const designates = async () =>
      (
        await this.module.designatedDuring(
          this.ctx.db.manager,
          this.ctx.scope,
          [valid.partnershipId],
          year.startsOn,
          year.endsOn,
        )
      ).some((designation) => designation.memberId === memberId);
    if (!this.ctx.scope.actsIn(valid.partnershipId) && !(delegated && (await designates()))) {
      throw new BadUserInputError(
        'input.partnershipId',
        delegated
          ? 'is not a partnership that designates the member you act for in that year'
          : "is not a partnership you act in (your token's partnerships claim)",
      );
    }
    const standards = await this.standardsOf(valid.partnershipId);
    const known = new Map(standards.map((s) => [s.key, s]));
    const seen = new Set<string>();
    valid.standards.forEach((rated, index) => {
      if (!known.has(rated.standardKey)) {
        throw new BadUserInputError(
          `input.standards.${index}.standardKey`,
          `${rated.standardKey} is not one of the partnership's ${this.module.label} standards`,
        );
      }
      if (seen.has(rated.standardKey))
        throw new BadUserInputError(`input.standards.${index}.standardKey`, `${rated.standardKey} is rated twice`);
      seen.add(rated.standardKey);
    });
    const unrated = standards.filter((s) => !seen.has(s.key)).map((s) => s.key);
    if (unrated.length > 0)
      throw new BadUserInputError('input.standards', `must rate every standard; not rated: ${unrated.join(', ')}`);

    const { Return, Rating, Action } = this.module.types;
    const member = { [this.key]: memberId };
    const submitted = Object.assign(
      new Return(),
      { id: newId(), partnershipId: valid.partnershipId, financialYear: year.label, submittedOn: this.ctx.today },
      member,
    );
    const ratings: Array<OfMember<SelfAssessmentRating, K>> = [];
    const actions: Array<OfMember<SelfAssessmentAction, K>> = [];
    for (const rated of valid.standards) {
      // Checked above: every key rated is one of the partnership's standards.
      const standard = known.get(rated.standardKey);
      if (!standard) throw new Error('a rated standard is not among the standards checked');
      const rating = Object.assign(
        new Rating(),
        {
          id: newId(),
          returnId: submitted.id,
          partnershipId: submitted.partnershipId,
          standardKey: rated.standardKey,
          standardTitle: standard.title,
          position: standard.position,
          rating: rated.rating,
          evidence: rated.evidence,
        },
        member,
      );
      ratings.push(rating);
      for (const action of rated.actions) {
        actions.push(
          Object.assign(
            new Action(),
            {
              id: newId(),
              ratingId: rating.id,
              partnershipId: submitted.partnershipId,
              financialYear: year.label,
              standardKey: rated.standardKey,
              description: action.description,
              owner: action.owner,
              dueOn: action.dueOn,
              completedOn: null,
            },
            member,
          ),
        );
      }
    }
    await inTransaction(this.ctx.db, async (manager) => {
      const designations = await this.module.designatedDuring(
        manager,
        this.ctx.scope,
        [valid.partnershipId],
        year.startsOn,
        year.endsOn,
      );
      if (!designations.some((d) => d.memberId === memberId)) {
        throw new BadUserInputError(
          `input.${this.key}`,
          `is not designated as a relevant agency by this partnership in ${year.label}`,
        );
      }
      const repository = this.repository(manager);
      const existing = await repository.findReturn(valid.partnershipId, memberId, year.label);
      if (existing)
        throw new ConflictError(`The ${year.label} return was already submitted on ${existing.submittedOn}`);
      await repository.insert(submitted, ratings, actions);
      const obligations = this.obligations(manager);
      await obligations.returnMade(submitted);
      for (const action of actions)
        await obligations.actionOpen(action, this.module.actionRule(action.financialYear), this.module.actionBasis);
      await appendAudit(
        this.ctx,
        [
          {
            action: AuditAction.CREATE,
            entityType: `${this.prefix}Return`,
            entityId: submitted.id,
            partnershipId: submitted.partnershipId,
          },
        ],
        manager,
      );
    });
    this.ctx.logger.info({ returnId: submitted.id }, `${this.module.label} return submitted`);
    return submitted;
  }

  /** The member's own staff, or the partnership's administrators, record an action as done. */
  async completeAction(input: CompleteSelfAssessmentActionInput): Promise<OfMember<SelfAssessmentAction, K>> {
    const valid = validateInput(completeSchema, input);
    if (valid.completedOn > this.ctx.today)
      throw new BadUserInputError('input.completedOn', 'must not be in the future');
    return inTransaction(this.ctx.db, async (manager) => {
      const repository = this.repository(manager);
      const action = await repository.findAction(valid.actionId);
      const own = action !== null && this.module.ownMembers(this.ctx.scope).includes(this.memberOf(action));
      const administrator = action
        ? this.ctx.scope.hasRole(...partnershipAdministratorRoles) && this.ctx.scope.actsIn(action.partnershipId)
        : false;
      // Someone who may see the action but not complete it is told nothing more than one who may not
      // see it (whose attempt findAction records): that it is not there; the attempt is recorded.
      if (action && !own && !administrator)
        noteRefusedRow(this.ctx, {
          entityType: `${this.prefix}Action`,
          entityId: action.id,
          partnershipId: action.partnershipId,
        });
      if (!action || (!own && !administrator)) throw new NotFoundError(`${this.prefix}Action`, valid.actionId);
      if (action.completedOn !== null)
        throw new ConflictError(`The action is already completed (on ${action.completedOn})`);
      // Done no earlier than the return that committed to it.
      const submittedOn = await repository.submittedOnOf(action);
      if (submittedOn !== null && valid.completedOn < submittedOn) {
        throw new BadUserInputError('input.completedOn', `must not be before the return was made (${submittedOn})`);
      }
      await repository.completeAction(action.id, valid.completedOn);
      await this.obligations(manager).actionDone(action, valid.completedOn);
      await appendAudit(
        this.ctx,
        [
          {
            action: AuditAction.UPDATE,
            entityType: `${this.prefix}Action`,
            entityId: action.id,
            partnershipId: action.partnershipId,
          },
        ],
        manager,
      );
      return Object.assign(action, { completedOn: valid.completedOn });
    });
  }

  // ---- when returns are due (local practice)

  private obligations(manager: EntityManager): SelfAssessmentObligations<K> {
    return new SelfAssessmentObligations(manager, this.module.types, this.module.duties, this.ctx.now);
  }

  /** The day each year's return is due, MM-DD: the partnership's, or the default. Public, as its standards are. */
  returnDueOf(partnershipId: string): Promise<string> {
    return this.ctx.loaders
      .get<string, string>(`${this.prefix}.returnDue`, async (ids) => {
        const days = await this.obligations(this.ctx.db.manager).returnDays(ids);
        return ids.map((id) => days.get(id) ?? defaultReturnDue);
      })
      .load(partnershipId);
  }

  /** Sets the day and moves this year's open return obligations to it, in one transaction. */
  async setReturnDue(partnershipIdInput: string, monthDayInput: string): Promise<string> {
    const partnershipId = validateInput(uuid, partnershipIdInput, 'partnershipId');
    this.ctx.scope.requirePartnershipRole(partnershipId, partnershipAdministratorRoles);
    const monthDay = monthDayInput.trim();
    if (!isYearlyDay(monthDay))
      throw new BadUserInputError('returnDue', 'must be a day every year has, as MM-DD (e.g. 03-31)');
    const year = financialYearOf(financialYearContaining(this.ctx.today));
    await inTransaction(this.ctx.db, async (manager) => {
      await manager.save(
        this.module.types.Settings,
        Object.assign(new this.module.types.Settings(), { partnershipId, returnDue: monthDay }),
      );
      const [designations, returns] = await Promise.all([
        this.module.designatedDuring(manager, this.ctx.scope, [partnershipId], year.startsOn, year.endsOn),
        // Unfiltered: whether a member has returned decides its obligation, whoever asks.
        manager.find(this.module.types.Return, { where: { partnershipId, financialYear: year.label } as never }),
      ]);
      const made = new Set(returns.map((r) => this.memberOf(r)));
      const obligations = this.obligations(manager);
      for (const memberId of new Set(designations.map((d) => d.memberId))) {
        if (!made.has(memberId)) await obligations.returnOwed(partnershipId, memberId, year.label, monthDay);
      }
      await appendAudit(
        this.ctx,
        [{ action: AuditAction.UPDATE, entityType: `${this.prefix}Settings`, entityId: partnershipId, partnershipId }],
        manager,
      );
    });
    this.ctx.logger.info(
      { partnershipId, due: returnDueOn(year.label, monthDay) },
      `${this.module.label} return day set`,
    );
    return monthDay;
  }
}
