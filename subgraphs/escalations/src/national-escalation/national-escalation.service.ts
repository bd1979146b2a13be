import { z } from 'zod';
import {
  inTransaction,
  alignByKey,
  appendAudit,
  AuditAction,
  ConflictError,
  connection,
  nestedPage,
  pageRequest,
  type Connection,
  type PageArgs,
  DeadlineView,
  ForbiddenError,
  nationalEscalationBasis,
  nationalEscalationDeadline,
  groupByKey,
  newId,
  NotFoundError,
  partnershipAdministratorRoles,
  requiredText,
  Role,
  uuidPattern,
  validateInput,
  type AuditEntry,
  type Identity,
  type SubgraphContext,
} from '@safeguarding/shared';
import type { EntityManager } from 'typeorm';
import { verifyHistory } from '../escalation-event/escalation-event.chain';
import { draftEvent } from '../escalation-event/escalation-event.draft';
import {
  EscalationEventKind,
  EscalationStreamType,
  type EscalationEvent,
  type EscalationHistoryChain,
} from '../escalation-event/escalation-event.entity';
import { EscalationEventRepository } from '../escalation-event/escalation-event.repository';
import {
  NationalEscalation,
  NationalEscalationMatter,
  NationalEscalationRecipient,
  NationalEscalationStatus,
} from './national-escalation.entity';
import type { RaiseNationalEscalationInput } from './national-escalation.input';
import { settleNationalEscalationObligations } from './national-escalation.obligations';
import { nationalEscalationOrder, NationalEscalationRepository } from './national-escalation.repository';
import { NationalEscalationConnection } from './national-escalation-connection.type';
import { historyPage } from '../escalation-event/escalation-event.history';
import { nextNationalStatus, type NationalEscalationTransition } from './national-escalation.transitions';

/** Those who escalate a matter for the partnership: its administrators and its independent scrutineer. */
const escalatingRoles = [...partnershipAdministratorRoles, Role.SCRUTINEER];

const raiseSchema = z.object({
  partnershipId: z.string().trim().toLowerCase().regex(uuidPattern, 'must be a UUID'),
  escalatedTo: z.enum(NationalEscalationRecipient),
  matter: z.enum(NationalEscalationMatter),
  summary: requiredText(2000),
});

export class NationalEscalationService {
  constructor(private readonly ctx: SubgraphContext) {}

  private repository(manager: EntityManager = this.ctx.db.manager): NationalEscalationRepository {
    return new NationalEscalationRepository(manager, this.ctx.scope);
  }

  byId(id: string): Promise<NationalEscalation | null> {
    this.ctx.scope.requireIdentity();
    return this.ctx.loaders
      .get<string, NationalEscalation | null>('NationalEscalation.byId', async (ids) =>
        alignByKey(ids, await this.audited(await this.repository().findByIds(ids)), (e) => e.id),
      )
      .load(id);
  }

  async list(status: NationalEscalationStatus | null, args: PageArgs): Promise<Connection<NationalEscalation>> {
    this.ctx.scope.requireIdentity();
    const page = await this.repository().visiblePage(
      status,
      pageRequest('nationalEscalations', args, nationalEscalationOrder),
    );
    await this.audited(page.nodes);
    return connection(NationalEscalationConnection, page, () => this.repository().count(status));
  }

  /** A page of the partnership's, cut in SQL for every partnership asked for at once; what is answered is audited. */
  async ofPartnership(partnershipId: string, args: PageArgs): Promise<Connection<NationalEscalation>> {
    this.ctx.scope.requireIdentity();
    const page = await nestedPage<NationalEscalation>({
      list: 'Partnership.nationalEscalations',
      loaders: this.ctx.loaders,
      parent: partnershipId,
      args,
      order: nationalEscalationOrder,
      parentOf: (row) => row.partnershipId,
      rows: (ids, after, limit) => this.repository().pagesOf(ids, after, limit),
      count: (ids) => this.repository().countsOf(ids),
      seen: async (rows) => {
        await this.audited(rows);
      },
    });
    return connection(NationalEscalationConnection, page, page.count);
  }

  /** Every event, for the chain check: a history is verified whole, never a page of it. */
  history(escalation: NationalEscalation): Promise<EscalationEvent[]> {
    return this.ctx.loaders
      .get<string, EscalationEvent[]>('EscalationEvent.ofStreams', async (ids) =>
        groupByKey(
          ids,
          await new EscalationEventRepository(this.ctx.db.manager, this.ctx.scope).ofStreams(ids),
          (e) => e.streamId,
        ),
      )
      .load(escalation.id);
  }

  historyPage(escalation: NationalEscalation, args: PageArgs): Promise<Connection<EscalationEvent>> {
    return historyPage(this.ctx, 'NationalEscalation.history', escalation.id, args);
  }

  async historyChain(escalation: NationalEscalation): Promise<EscalationHistoryChain> {
    return verifyHistory(await this.history(escalation));
  }

  /** The same clock as its obligation; completed when acknowledged, or on the day the matter was closed or withdrawn. */
  acknowledgementDeadline(escalation: NationalEscalation): DeadlineView {
    const completedOn = escalation.acknowledgedOn ?? escalation.closedOn;
    return DeadlineView.of(
      nationalEscalationDeadline(escalation.raisedOn, this.ctx.calendar),
      nationalEscalationBasis,
      completedOn,
      this.ctx.today,
    );
  }

  private async audited(rows: NationalEscalation[]): Promise<NationalEscalation[]> {
    await appendAudit(
      this.ctx,
      rows.map((row) => auditOf(row, AuditAction.READ)),
    );
    return rows;
  }

  async raise(input: RaiseNationalEscalationInput): Promise<NationalEscalation> {
    const valid = validateInput(raiseSchema, input);
    const identity = this.ctx.scope.requirePartnershipRole(valid.partnershipId, escalatingRoles);
    const escalation = Object.assign(new NationalEscalation(), {
      id: newId(),
      partnershipId: valid.partnershipId,
      escalatedTo: valid.escalatedTo,
      matter: valid.matter,
      summary: valid.summary,
      status: NationalEscalationStatus.OPEN,
      raisedByOrganisationId: identity.organisation.id,
      raisedOn: this.ctx.today,
      acknowledgedOn: null,
      closedOn: null,
      lastEventSequence: 1,
    });
    await inTransaction(this.ctx.db, async (manager) => {
      await this.repository(manager).insert(escalation);
      await new EscalationEventRepository(manager, this.ctx.scope).append(
        this.eventOf(escalation, identity, EscalationEventKind.RAISED, { reason: valid.summary }),
      );
      await settleNationalEscalationObligations(manager, this.ctx.now, this.ctx.calendar, [escalation]);
      await appendAudit(this.ctx, [auditOf(escalation, AuditAction.CREATE)], manager);
    });
    this.ctx.logger.info({ nationalEscalationId: escalation.id }, 'national escalation raised');
    return escalation;
  }

  acknowledge(id: string, noteInput: string | null): Promise<NationalEscalation> {
    const note = noteInput === null ? null : validateInput(requiredText(2000), noteInput, 'note');
    return this.transition(id, 'acknowledge', EscalationEventKind.ACKNOWLEDGED, { reason: note });
  }

  close(id: string, outcomeInput: string): Promise<NationalEscalation> {
    const outcome = validateInput(requiredText(2000), outcomeInput, 'outcome');
    return this.transition(id, 'close', EscalationEventKind.CLOSED, { outcome });
  }

  withdraw(id: string, reasonInput: string): Promise<NationalEscalation> {
    const reason = validateInput(requiredText(2000), reasonInput, 'reason');
    return this.transition(id, 'withdraw', EscalationEventKind.WITHDRAWN, { reason });
  }

  /** The Panel acknowledges and closes; the partnership withdraws. One event, one update, one audit record, one transaction. */
  private async transition(
    id: string,
    transition: NationalEscalationTransition,
    kind: EscalationEventKind,
    details: { reason?: string | null; outcome?: string | null },
  ): Promise<NationalEscalation> {
    const identity = this.ctx.scope.requireIdentity();
    const updated = await inTransaction(this.ctx.db, async (manager) => {
      const repository = this.repository(manager);
      const [escalation] = await repository.findByIds([id]);
      if (!escalation) throw new NotFoundError('NationalEscalation', id);
      this.requireActor(escalation, transition);
      const status = nextNationalStatus(escalation.status, transition);
      const appended = await new EscalationEventRepository(manager, this.ctx.scope).append(
        this.eventOf(escalation, identity, kind, details),
      );
      const changes = {
        status,
        // Closing an escalation never acknowledged acknowledges it too: the Panel has answered.
        ...(transition !== 'withdraw' && escalation.acknowledgedOn === null ? { acknowledgedOn: this.ctx.today } : {}),
        closedOn: transition === 'acknowledge' ? null : this.ctx.today,
        lastEventSequence: appended.sequence,
      };
      if (!(await repository.applyTransition(escalation, changes))) {
        throw new ConflictError('national escalation changed while this was being recorded: read it again');
      }
      const changed = Object.assign(escalation, changes);
      await settleNationalEscalationObligations(manager, this.ctx.now, this.ctx.calendar, [changed]);
      await appendAudit(this.ctx, [auditOf(escalation, AuditAction.UPDATE)], manager);
      return changed;
    });
    this.ctx.logger.info({ nationalEscalationId: id, transition }, 'national escalation event recorded');
    return updated;
  }

  private requireActor(escalation: NationalEscalation, transition: NationalEscalationTransition): void {
    switch (transition) {
      case 'acknowledge':
      case 'close':
        if (this.ctx.scope.hasRole(Role.PANEL_MEMBER)) return;
        throw new ForbiddenError(`This needs the role ${Role.PANEL_MEMBER}`);
      case 'withdraw':
        this.ctx.scope.requirePartnershipRole(escalation.partnershipId, escalatingRoles);
        return;
      default: {
        const unhandled: never = transition;
        throw new Error(`unhandled national escalation transition ${String(unhandled)}`);
      }
    }
  }

  private eventOf(
    escalation: NationalEscalation,
    identity: Identity,
    kind: EscalationEventKind,
    details: { reason?: string | null; outcome?: string | null },
  ) {
    const stream = {
      type: EscalationStreamType.NATIONAL_ESCALATION,
      id: escalation.id,
      partnershipId: escalation.partnershipId,
    };
    return draftEvent(this.ctx, identity, stream, kind, details);
  }
}

function auditOf(escalation: NationalEscalation, action: AuditAction): AuditEntry {
  return { action, entityType: 'NationalEscalation', entityId: escalation.id, partnershipId: escalation.partnershipId };
}
