import { z } from 'zod';
import {
  inTransaction,
  alignByKey,
  appendAudit,
  AuditAction,
  BadUserInputError,
  ConflictError,
  connection,
  nestedPage,
  type Connection,
  type PageArgs,
  DeadlineView,
  escalationStageBasis as stageBasis,
  escalationStageDeadline,
  ForbiddenError,
  groupByKey,
  isoDate,
  newId,
  NotFoundError,
  partnershipStaffRoles,
  requiredText,
  Role,
  StatutoryDirectory,
  uuidPattern,
  validateInput,
  type AuditEntry,
  type Deadline,
  type Identity,
  type SubgraphContext,
} from '@safeguarding/shared';
import { childReferenceSchema } from '../child/child.input';
import type { EntityManager } from 'typeorm';
import { verifyHistory } from '../escalation-event/escalation-event.chain';
import {
  EscalationEvent,
  EscalationEventKind,
  EscalationStreamType,
  type EscalationAgreedAction,
  type EscalationHistoryChain,
} from '../escalation-event/escalation-event.entity';
import { draftEvent } from '../escalation-event/escalation-event.draft';
import {
  EscalationEventRepository,
  learningNoteOrder,
  type EscalationEventDraft,
} from '../escalation-event/escalation-event.repository';
import { EscalationEventConnection } from '../escalation-event/escalation-event-connection.type';
import { historyPage } from '../escalation-event/escalation-event.history';
import { requireLiveAgencies } from '../agency-directory/agency-directory.service';
import { requireOpenSchools } from '../school-directory/school-directory.service';
import { EscalationPolicyService } from '../escalation-policy/escalation-policy.service';
import {
  DisagreementIssueType,
  DisagreementPartyKind,
  DisagreementStatus,
  ProfessionalDisagreement,
} from './professional-disagreement.entity';
import {
  agreedActionsLimit,
  type EscalateProfessionalDisagreementInput,
  type RaiseProfessionalDisagreementInput,
  type ResolveProfessionalDisagreementInput,
} from './professional-disagreement.input';
import {
  disagreementOrder,
  ProfessionalDisagreementRepository,
  type OrganisationSide,
} from './professional-disagreement.repository';
import { ProfessionalDisagreementConnection } from './professional-disagreement-connection.type';
import {
  disagreementRefusal,
  nextDisagreementState,
  type DisagreementTransition,
} from './professional-disagreement.transitions';
import { suppliedDate, type EventDateSource } from '../event-date/event-date';
import {
  currentStageObligation,
  disagreementEvent,
  settleDisagreementObligations,
  stageObligation,
} from './professional-disagreement.obligations';

const schoolUrn = /^\d{6}$/;
const organisationId = z
  .string()
  .trim()
  .toLowerCase()
  .refine(
    (id) => uuidPattern.test(id) || schoolUrn.test(id),
    "must be an agency id (a UUID) or a school's 6-digit URN",
  );

function raiseSchema() {
  return z
    .object({
      partnershipId: z.string().trim().toLowerCase().regex(uuidPattern, 'must be a UUID'),
      caseReference: z
        .string()
        .trim()
        .regex(
          /^[A-Za-z0-9][A-Za-z0-9-]{2,39}$/,
          'must be a pseudonymous case reference: 3 to 40 letters, digits or hyphens',
        ),
      childReference: childReferenceSchema.nullish(),
      raisedWithAgencyId: z.string().trim().toLowerCase().regex(uuidPattern, 'must be a UUID').nullish(),
      raisedWithSchoolUrn: z.string().trim().regex(schoolUrn, 'must be a 6-digit URN').nullish(),
      issueType: z.enum(DisagreementIssueType),
      summary: requiredText(2000),
      childAtImmediateRisk: z.boolean(),
    })
    .superRefine((value, context) => {
      const given = [value.raisedWithAgencyId, value.raisedWithSchoolUrn].filter((v) => v !== null && v !== undefined);
      if (given.length !== 1) {
        context.addIssue({
          code: 'custom',
          path: ['raisedWithAgencyId'],
          message: 'give exactly one of raisedWithAgencyId and raisedWithSchoolUrn',
        });
      }
    });
}

const escalateSchema = z.object({
  reason: requiredText(2000),
  toStagePosition: z.number().int('must be a stage position').min(1, 'must be a stage position, from 1').nullish(),
  childAtImmediateRisk: z.boolean(),
});

function resolveSchema(today: string) {
  return z.object({
    outcome: requiredText(2000),
    agreedActions: z
      .array(
        z.object({
          description: requiredText(500),
          ownerOrganisationId: organisationId,
          dueOn: isoDate.refine((date) => date >= today, 'must not be in the past'),
        }),
      )
      .max(agreedActionsLimit, `must list at most ${agreedActionsLimit} actions`),
  });
}

/** Who may move a disagreement on; the service checks the caller against it. */
type Actor = 'party or partnership staff' | 'raiser' | 'scrutineer';

export class ProfessionalDisagreementService {
  constructor(private readonly ctx: SubgraphContext) {}

  private repository(manager: EntityManager = this.ctx.db.manager): ProfessionalDisagreementRepository {
    return new ProfessionalDisagreementRepository(manager, this.ctx.scope);
  }

  /**
   * Party to a disagreement: the organisation that raised it or had it raised with it. Anyone else
   * (partnership staff, the scrutineer) must state why, and the read raises an alert.
   */
  isParty(disagreement: ProfessionalDisagreement): boolean {
    const organisationId = this.ctx.scope.identity?.organisation.id;
    return (
      disagreement.raisedByOrganisationId === organisationId || disagreement.raisedWithOrganisationId === organisationId
    );
  }

  // Permission first: an anonymous caller is refused before any query, and a stated reason widens
  // the search only for partnership staff. Audit last: every row returned is recorded.
  async byId(id: string, accessReason: string | null = null): Promise<ProfessionalDisagreement | null> {
    this.ctx.scope.requireIdentity();
    const reason = this.statedReason(accessReason);
    const found = await this.ctx.loaders
      .get<string, ProfessionalDisagreement | null>(`ProfessionalDisagreement.byId:${reason ?? ''}`, async (ids) =>
        alignByKey(
          ids,
          await this.readAndAudit((repository) => repository.findByIds(ids, reason !== null), reason),
          (d) => d.id,
        ),
      )
      .load(id);
    if (found || reason !== null || !this.ctx.scope.hasRole(...partnershipStaffRoles)) return found;
    // Staff may know a case of their partnership exists; what it says needs a reason.
    // Either way the lookups above noted the attempt; the refusal below is recorded as the same one.
    const [exists] = await this.repository().findByIds([id], true);
    if (exists) {
      throw new ForbiddenError(
        'Your organisation is not party to this disagreement: give accessReason to read it (the read is recorded and raises an alert)',
        { entityType: 'ProfessionalDisagreement', entityId: exists.id, partnershipId: exists.partnershipId },
      );
    }
    // Another partnership's case: told it is not there.
    return null;
  }

  /** A page of the partnership's, cut in SQL for every partnership asked for at once; what is answered is audited. */
  async ofPartnership(
    partnershipId: string,
    accessReason: string | null,
    args: PageArgs,
  ): Promise<Connection<ProfessionalDisagreement>> {
    this.ctx.scope.requireIdentity();
    const reason = this.statedReason(accessReason);
    const page = await nestedPage<ProfessionalDisagreement>({
      list: 'Partnership.escalations',
      loaders: this.ctx.loaders,
      parent: partnershipId,
      args,
      order: disagreementOrder,
      variant: reason,
      parentOf: (row) => row.partnershipId,
      rows: (ids, after, limit) => this.repository().pagesOfPartnerships(ids, reason !== null, after, limit),
      count: (ids) => this.repository().countsOfPartnerships(ids, reason !== null),
      seen: async (rows) => {
        await this.readAndAudit(async () => rows, reason);
      },
    });
    return connection(ProfessionalDisagreementConnection, page, page.count);
  }

  /** A reason widens the search only for partnership staff; anyone else must not be told it could. */
  private statedReason(accessReason: string | null): string | null {
    if (accessReason === null || accessReason === undefined) return null;
    const reason = accessReason.trim();
    if (reason.length < 10 || reason.length > 500) {
      throw new BadUserInputError('accessReason', 'must say why you need to read this, in 10 to 500 characters');
    }
    if (!this.ctx.scope.hasRole(...partnershipStaffRoles)) {
      throw new ForbiddenError(
        `Reading cases your organisation is not party to needs one of the roles ${partnershipStaffRoles.join(', ')}`,
      );
    }
    return reason;
  }

  private async readAndAudit(
    read: (repository: ProfessionalDisagreementRepository) => Promise<ProfessionalDisagreement[]>,
    reason: string | null,
  ): Promise<ProfessionalDisagreement[]> {
    const rows = await read(this.repository());
    await appendAudit(
      this.ctx,
      rows.map((row) => {
        const party = this.isParty(row);
        return {
          action: party ? AuditAction.READ : AuditAction.ALERT,
          entityType: 'ProfessionalDisagreement',
          entityId: row.id,
          partnershipId: row.partnershipId,
          reason: party ? null : reason,
        };
      }),
    );
    return rows;
  }

  // ---- history ------------------------------------------------------------------------------

  /** Every event, for the chain check: a history is verified whole, never a page of it. */
  history(disagreement: ProfessionalDisagreement): Promise<EscalationEvent[]> {
    return this.ctx.loaders
      .get<string, EscalationEvent[]>('EscalationEvent.ofStreams', async (ids) =>
        groupByKey(
          ids,
          await new EscalationEventRepository(this.ctx.db.manager, this.ctx.scope).ofStreams(ids),
          (e) => e.streamId,
        ),
      )
      .load(disagreement.id);
  }

  /** A page of the history, for every disagreement of the fetch in one statement; reached only through a visible disagreement. */
  historyPage(disagreement: ProfessionalDisagreement, args: PageArgs): Promise<Connection<EscalationEvent>> {
    return historyPage(this.ctx, 'ProfessionalDisagreement.history', disagreement.id, args);
  }

  async historyChain(disagreement: ProfessionalDisagreement): Promise<EscalationHistoryChain> {
    return verifyHistory(await this.history(disagreement));
  }

  /** The disagreements an agency or a school raised or received, by the same rules as any other read, a page at a time. */
  async ofOrganisation(
    side: OrganisationSide,
    organisationId: string,
    accessReason: string | null,
    args: PageArgs,
  ): Promise<Connection<ProfessionalDisagreement>> {
    this.ctx.scope.requireIdentity();
    const reason = this.statedReason(accessReason);
    const page = await nestedPage<ProfessionalDisagreement>({
      list: side === 'raised' ? 'Organisation.escalationsRaised' : 'Organisation.escalationsReceived',
      loaders: this.ctx.loaders,
      parent: organisationId,
      args,
      order: disagreementOrder,
      variant: reason,
      parentOf: (row) => (side === 'raised' ? row.raisedByOrganisationId : row.raisedWithOrganisationId),
      rows: (ids, after, limit) => this.repository().pagesOfOrganisations(side, ids, reason !== null, after, limit),
      count: (ids) => this.repository().countsOfOrganisations(side, ids, reason !== null),
      seen: async (rows) => {
        await this.readAndAudit(async () => rows, reason);
      },
    });
    return connection(ProfessionalDisagreementConnection, page, page.count);
  }

  // ---- transitions ----------------------------------------------------------------------------

  /**
   * Raised by the caller's own organisation, in a partnership the caller acts in, with another
   * organisation. It starts at stage 1, or at the stage that can act now when the child is at
   * immediate risk, with that stage's deadline computed now and copied onto the disagreement.
   */
  async raise(input: RaiseProfessionalDisagreementInput): Promise<ProfessionalDisagreement> {
    const identity = this.ctx.scope.requireIdentity();
    if (['NATIONAL_PANEL', 'INDEPENDENT_SCRUTINEER', 'NATIONAL_BODY'].includes(identity.organisation.kind)) {
      throw new ForbiddenError(
        'A professional disagreement is raised by an agency, a school or a safeguarding partner',
      );
    }
    const valid = validateInput(raiseSchema(), input);
    const raised = suppliedDate(input.raisedOn, 'input.raisedOn', this.ctx.today);
    if (!this.ctx.scope.actsIn(valid.partnershipId)) throw new ForbiddenError('You do not act in that partnership');
    // A partner that had ended by the day it was raised cannot answer it; its successor can.
    StatutoryDirectory.of(this.ctx.reference).requireNotCeased(
      valid.raisedWithAgencyId,
      'input.raisedWithAgencyId',
      raised.on,
      'the disagreement was raised',
    );
    // Any other agency must be on the register and open: a disagreement with no one to answer it never progresses.
    if (valid.raisedWithAgencyId)
      await requireLiveAgencies(this.ctx.db.manager, this.ctx.reference, [
        { id: valid.raisedWithAgencyId, field: 'input.raisedWithAgencyId' },
      ]);
    if (valid.raisedWithSchoolUrn)
      await requireOpenSchools(this.ctx.db.manager, [
        { id: valid.raisedWithSchoolUrn, field: 'input.raisedWithSchoolUrn' },
      ]);
    const raisedWith = valid.raisedWithAgencyId ?? valid.raisedWithSchoolUrn ?? '';
    if (raisedWith === identity.organisation.id) {
      throw new BadUserInputError(
        valid.raisedWithAgencyId ? 'input.raisedWithAgencyId' : 'input.raisedWithSchoolUrn',
        'must be another organisation than your own',
      );
    }
    const disagreement = await inTransaction(this.ctx.db, async (manager) => {
      const policy = await new EscalationPolicyService(this.ctx).inForce(valid.partnershipId, manager);
      const position = valid.childAtImmediateRisk ? policy.immediateRiskStagePosition : 1;
      const stage = policy.stage(position);
      if (!stage) throw new ConflictError(`the escalation policy has no stage ${position}`);
      const due = escalationStageDeadline(raised.on, stage.timescaleWorkingDays, this.ctx.calendar);
      const created = Object.assign(new ProfessionalDisagreement(), {
        id: newId(),
        partnershipId: valid.partnershipId,
        caseReference: valid.caseReference,
        childReference: valid.childReference ?? null,
        raisedByOrganisationId: identity.organisation.id,
        raisedByKind:
          identity.organisation.kind === 'SCHOOL' ? DisagreementPartyKind.SCHOOL : DisagreementPartyKind.AGENCY,
        raisedWithOrganisationId: raisedWith,
        raisedWithKind: valid.raisedWithSchoolUrn ? DisagreementPartyKind.SCHOOL : DisagreementPartyKind.AGENCY,
        issueType: valid.issueType,
        summary: valid.summary,
        childAtImmediateRisk: valid.childAtImmediateRisk,
        status: DisagreementStatus.OPEN,
        stagePosition: stage.position,
        stageName: stage.name,
        stageStartedOn: raised.on,
        ...dueColumns(due),
        raisedOn: raised.on,
        raisedOnSource: raised.source,
        closedOn: null,
        lastEventSequence: 1,
      });
      await this.repository(manager).insert(created);
      await this.events(manager).append(
        this.eventOf(created, identity, EscalationEventKind.RAISED, {
          ...occurred(raised),
          toStage: stage.position,
          stageName: stage.name,
          stageDueOn: due.due,
          stageDueRule: due.rule,
          stageDueProvisional: due.provisional,
          reason: valid.childAtImmediateRisk ? `Child at immediate risk: started at stage ${stage.position}` : null,
        }),
      );
      await disagreementEvent(manager, this.ctx.now, 'disagreement.raised', created, {
        fromStage: null,
        dates: { stageDueOn: due.due },
      });
      await settleDisagreementObligations(manager, this.ctx.now, [currentStageObligation(created)]);
      await appendAudit(this.ctx, [auditOf(created, AuditAction.CREATE)], manager);
      return created;
    });
    this.ctx.logger.info({ disagreementId: disagreement.id }, 'professional disagreement raised');
    return disagreement;
  }

  /** To the next stage (a later one only for a child at immediate risk), with the new stage's deadline fixed now. */
  async escalate(
    id: string,
    input: EscalateProfessionalDisagreementInput,
    accessReason: string | null = null,
  ): Promise<ProfessionalDisagreement> {
    const valid = validateInput(escalateSchema, input);
    return this.transition(id, 'party or partnership staff', accessReason, async (disagreement, identity, manager) => {
      const policy = await new EscalationPolicyService(this.ctx).inForce(disagreement.partnershipId, manager);
      const toStage = valid.toStagePosition ?? disagreement.stagePosition + 1;
      const transition: DisagreementTransition = {
        kind: 'escalate',
        toStage,
        finalStage: policy.finalStage,
        childAtImmediateRisk: valid.childAtImmediateRisk,
      };
      const next = nextDisagreementState(disagreement, transition);
      const stage = policy.stage(next.stagePosition);
      if (!stage) throw new ConflictError(`the escalation policy has no stage ${next.stagePosition}`);
      // A stage ends no earlier than it began: the raising, or the escalation before this one.
      const escalated = suppliedDate(input.escalatedOn, 'input.escalatedOn', this.ctx.today, {
        on: disagreement.stageStartedOn,
        what: `stage ${disagreement.stagePosition} began`,
      });
      const due = escalationStageDeadline(escalated.on, stage.timescaleWorkingDays, this.ctx.calendar);
      const event = this.eventOf(disagreement, identity, EscalationEventKind.ESCALATED, {
        ...occurred(escalated),
        fromStage: disagreement.stagePosition,
        toStage: stage.position,
        stageName: stage.name,
        stageDueOn: due.due,
        stageDueRule: due.rule,
        stageDueProvisional: due.provisional,
        reason: valid.reason,
      });
      const changes = {
        status: next.status,
        childAtImmediateRisk: next.childAtImmediateRisk,
        stagePosition: stage.position,
        stageName: stage.name,
        stageStartedOn: escalated.on,
        ...dueColumns(due),
      };
      const fromStage = disagreement.stagePosition;
      const ended = stageObligation(disagreement);
      return {
        event,
        changes,
        after: async (changed: ProfessionalDisagreement) => {
          await disagreementEvent(manager, this.ctx.now, 'disagreement.escalated', changed, {
            fromStage,
            dates: { escalatedOn: escalated.on, stageDueOn: due.due },
          });
          // The stage escalated from has ended on that day; the new one runs from it.
          await settleDisagreementObligations(manager, this.ctx.now, [
            { draft: ended, metOn: escalated.on },
            currentStageObligation(changed),
          ]);
        },
      };
    });
  }

  async resolve(
    id: string,
    input: ResolveProfessionalDisagreementInput,
    accessReason: string | null = null,
  ): Promise<ProfessionalDisagreement> {
    const valid = validateInput(resolveSchema(this.ctx.today), input);
    return this.transition(id, 'party or partnership staff', accessReason, async (disagreement, identity, manager) => {
      const directory = StatutoryDirectory.of(this.ctx.reference);
      // An action is owned by an organisation that will be there to do it.
      valid.agreedActions.forEach((action, index) =>
        directory.requireNotCeased(
          action.ownerOrganisationId,
          `input.agreedActions.${index}.ownerOrganisationId`,
          this.ctx.today,
          'today',
        ),
      );
      const owners = valid.agreedActions.map((action, index) => ({
        id: action.ownerOrganisationId,
        field: `input.agreedActions.${index}.ownerOrganisationId`,
      }));
      await requireLiveAgencies(manager, this.ctx.reference, owners);
      await requireOpenSchools(manager, owners);
      const next = nextDisagreementState(disagreement, { kind: 'resolve' });
      // Resolved no earlier than the last escalation (or the raising, if it never was).
      const resolved = suppliedDate(input.resolvedOn, 'input.resolvedOn', this.ctx.today, {
        on: disagreement.stageStartedOn,
        what:
          disagreement.stagePosition > 1 && disagreement.stageStartedOn !== disagreement.raisedOn
            ? 'the last escalation'
            : 'the disagreement was raised',
      });
      const actions: EscalationAgreedAction[] = valid.agreedActions.map((action) => ({ ...action }));
      const event = this.eventOf(disagreement, identity, EscalationEventKind.RESOLVED, {
        ...occurred(resolved),
        fromStage: disagreement.stagePosition,
        outcome: valid.outcome,
        agreedActionsJson: JSON.stringify(actions),
      });
      const fromStage = disagreement.stagePosition;
      return {
        event,
        changes: { status: next.status, closedOn: resolved.on },
        after: async (changed: ProfessionalDisagreement) => {
          await disagreementEvent(manager, this.ctx.now, 'disagreement.resolved', changed, {
            fromStage,
            dates: { resolvedOn: resolved.on },
          });
          await settleDisagreementObligations(manager, this.ctx.now, [currentStageObligation(changed)]);
        },
      };
    });
  }

  async withdraw(id: string, reasonInput: string): Promise<ProfessionalDisagreement> {
    const reason = validateInput(requiredText(2000), reasonInput, 'reason');
    // The raiser is always party to it: no reason to state.
    return this.transition(id, 'raiser', null, async (disagreement, identity, manager) => {
      const next = nextDisagreementState(disagreement, { kind: 'withdraw' });
      const event = this.eventOf(disagreement, identity, EscalationEventKind.WITHDRAWN, {
        fromStage: disagreement.stagePosition,
        reason,
      });
      return {
        event,
        changes: { status: next.status, closedOn: this.ctx.today },
        after: (changed: ProfessionalDisagreement) =>
          settleDisagreementObligations(manager, this.ctx.now, [currentStageObligation(changed)]),
      };
    });
  }

  /** The independent scrutineer's advice, at the partnership stage or later, while the disagreement is open. */
  async recordScrutineerAdvice(
    id: string,
    adviceInput: string,
    accessReason: string | null = null,
  ): Promise<ProfessionalDisagreement> {
    const advice = validateInput(requiredText(2000), adviceInput, 'advice');
    return this.transition(id, 'scrutineer', accessReason, async (disagreement, identity, manager) => {
      const policy = await new EscalationPolicyService(this.ctx).inForce(disagreement.partnershipId, manager);
      if (disagreement.status !== DisagreementStatus.OPEN) {
        throw disagreementRefusal(
          disagreement,
          policy.finalStage,
          `professional disagreement is ${disagreement.status}: advice is recorded while it is open`,
        );
      }
      if (disagreement.stagePosition < policy.partnershipStagePosition) {
        throw disagreementRefusal(
          disagreement,
          policy.finalStage,
          `professional disagreement is OPEN at stage ${disagreement.stagePosition}: the scrutineer advises from the partnership stage, ${policy.partnershipStagePosition}`,
        );
      }
      const event = this.eventOf(disagreement, identity, EscalationEventKind.SCRUTINEER_ADVICE, { reason: advice });
      return { event, changes: {} };
    });
  }

  /** Learning for the yearly report; may be added in any status, since it changes nothing that happened. */
  async recordLearning(
    id: string,
    noteInput: string,
    accessReason: string | null = null,
  ): Promise<ProfessionalDisagreement> {
    const note = validateInput(requiredText(2000), noteInput, 'note');
    return this.transition(id, 'party or partnership staff', accessReason, async (disagreement, identity) => ({
      event: this.eventOf(disagreement, identity, EscalationEventKind.LEARNING_NOTE, { reason: note }),
      changes: {},
    }));
  }

  /** A partnership's learning notes recorded in a period, for its yearly report (partnership staff). */
  async learningNotes(
    partnershipId: string,
    from: string,
    to: string,
    args: PageArgs,
  ): Promise<Connection<EscalationEvent>> {
    this.ctx.scope.requirePartnershipRole(partnershipId, partnershipStaffRoles);
    const period = validatePeriod(from, to);
    const events = () => new EscalationEventRepository(this.ctx.db.manager, this.ctx.scope);
    const page = await nestedPage<EscalationEvent>({
      list: 'Partnership.escalationLearningNotes',
      loaders: this.ctx.loaders,
      parent: partnershipId,
      args,
      order: learningNoteOrder,
      variant: [period.from, period.to],
      parentOf: (row) => row.partnershipId,
      rows: (ids, after, limit) => events().learningNotePages(ids, period.from, period.to, after, limit),
      count: (ids) => events().learningNoteCounts(ids, period.from, period.to),
      seen: (notes) =>
        appendAudit(
          this.ctx,
          notes.map((note) => ({
            action: AuditAction.READ,
            entityType: 'EscalationEvent',
            entityId: note.id,
            partnershipId: note.partnershipId,
          })),
        ),
    });
    return connection(EscalationEventConnection, page, page.count);
  }

  /**
   * Every change is one event appended to the history, the disagreement moved on to match it only
   * if no other event got there first, and the audit record, all in one transaction. The answer is
   * the disagreement with its history, so it is a read like any other: an organisation not party to
   * it (partnership staff, the scrutineer) must state why, and the change then raises an ALERT
   * with that reason besides its UPDATE, as reading it would.
   */
  private async transition(
    id: string,
    actor: Actor,
    accessReason: string | null,
    decide: (
      disagreement: ProfessionalDisagreement,
      identity: Identity,
      manager: EntityManager,
    ) => Promise<{
      event: EscalationEventDraft;
      changes: Parameters<ProfessionalDisagreementRepository['applyTransition']>[1];
      /** What follows from the change in the same transaction: its outbox event and obligations. */
      after?: (changed: ProfessionalDisagreement) => Promise<void>;
    }>,
  ): Promise<ProfessionalDisagreement> {
    const identity = this.ctx.scope.requireIdentity();
    const reason = this.statedReason(accessReason);
    const updated = await inTransaction(this.ctx.db, async (manager) => {
      const repository = this.repository(manager);
      const [disagreement] = await repository.findByIds([id], this.ctx.scope.hasRole(...partnershipStaffRoles));
      // Told it is not there; an attempt on one that is, findByIds records as refused.
      if (!disagreement) throw new NotFoundError('ProfessionalDisagreement', id);
      this.requireActor(disagreement, actor);
      const party = this.isParty(disagreement);
      if (!party && reason === null) {
        throw new ForbiddenError(
          'Your organisation is not party to this disagreement: give accessReason to act on it (the answer shows the case, so it is recorded and raises an alert)',
        );
      }
      const { event, changes, after } = await decide(disagreement, identity, manager);
      const appended = await this.events(manager).append(event);
      const all = { ...changes, lastEventSequence: appended.sequence };
      if (!(await repository.applyTransition(disagreement, all))) {
        throw new ConflictError('professional disagreement changed while this was being recorded: read it again');
      }
      const changed = Object.assign(disagreement, all);
      await after?.(changed);
      const alert: AuditEntry[] = party ? [] : [{ ...auditOf(disagreement, AuditAction.ALERT), reason }];
      await appendAudit(this.ctx, [auditOf(disagreement, AuditAction.UPDATE), ...alert], manager);
      return changed;
    });
    this.ctx.logger.info({ disagreementId: id }, 'professional disagreement event recorded');
    return updated;
  }

  private requireActor(disagreement: ProfessionalDisagreement, actor: Actor): void {
    switch (actor) {
      case 'party or partnership staff':
        // Visible to staff only within their own partnerships, so the role is the whole test here.
        if (this.isParty(disagreement) || this.ctx.scope.hasRole(...partnershipStaffRoles)) return;
        throw new ForbiddenError(
          "Only the organisations party to this disagreement, or its partnership's staff, may do this",
        );
      case 'raiser':
        if (disagreement.raisedByOrganisationId === this.ctx.scope.identity?.organisation.id) return;
        throw new ForbiddenError('Only the organisation that raised this disagreement may withdraw it');
      case 'scrutineer':
        if (this.ctx.scope.hasRole(Role.SCRUTINEER) && this.ctx.scope.actsIn(disagreement.partnershipId)) return;
        throw new ForbiddenError(`This needs the role ${Role.SCRUTINEER} in the disagreement's partnership`);
      default: {
        const unhandled: never = actor;
        throw new Error(`unhandled actor ${String(unhandled)}`);
      }
    }
  }

  private events(manager: EntityManager): EscalationEventRepository {
    return new EscalationEventRepository(manager, this.ctx.scope);
  }

  private eventOf(
    disagreement: ProfessionalDisagreement,
    identity: Identity,
    kind: EscalationEventKind,
    details: Partial<EscalationEventDraft>,
  ): EscalationEventDraft {
    const stream = {
      type: EscalationStreamType.PROFESSIONAL_DISAGREEMENT,
      id: disagreement.id,
      partnershipId: disagreement.partnershipId,
    };
    return draftEvent(this.ctx, identity, stream, kind, details);
  }

  stageDeadline(disagreement: ProfessionalDisagreement): DeadlineView {
    return DeadlineView.of(
      { due: disagreement.stageDueOn, rule: disagreement.stageDueRule, provisional: disagreement.stageDueProvisional },
      stageBasis,
      disagreement.status === DisagreementStatus.OPEN ? null : disagreement.closedOn,
      this.ctx.today,
    );
  }
}

function auditOf(disagreement: ProfessionalDisagreement, action: AuditAction): AuditEntry {
  return {
    action,
    entityType: 'ProfessionalDisagreement',
    entityId: disagreement.id,
    partnershipId: disagreement.partnershipId,
  };
}

/** The day an event happened, and who said so: the caller's system or the graph's clock. */
function occurred(date: {
  on: string;
  source: EventDateSource;
}): Pick<EscalationEventDraft, 'occurredOn' | 'occurredOnSource'> {
  return { occurredOn: date.on, occurredOnSource: date.source };
}

function dueColumns(
  due: Deadline,
): Pick<ProfessionalDisagreement, 'stageDueOn' | 'stageDueRule' | 'stageDueProvisional'> {
  return { stageDueOn: due.due, stageDueRule: due.rule, stageDueProvisional: due.provisional };
}

const periodSchema = z
  .object({ from: isoDate, to: isoDate })
  .refine((period) => period.from <= period.to, { error: 'must not be before from', path: ['to'] })
  .refine((period) => Date.parse(period.to) - Date.parse(period.from) <= 3 * 366 * 86_400_000, {
    error: 'a period is at most three years',
    path: ['to'],
  });

/** A reporting period, both days included. */
export function validatePeriod(from: string, to: string): { from: string; to: string } {
  const result = periodSchema.safeParse({ from, to });
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  throw new BadUserInputError(String(issue?.path[0] ?? 'from'), issue?.message ?? 'is invalid');
}
